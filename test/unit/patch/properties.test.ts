// Property tests: for random resources and random edits, the built patch applied to `before`
// gives the edited resource — through previewPatch for every dialect, and through scim-patch
// itself for the RFC dialect — and expert-mode validation accepts every built patch.
import fc from 'fast-check';
import { scimPatch, type ScimPatchOperation, type ScimResource as LibResource } from 'scim-patch';
import { describe, expect, it } from 'vitest';
import { buildPatch, diffResources, dialectForVendor, KNOWN_DIALECTS, previewPatch, validateOperations } from '../../../electron/core/patch';
import type { ScimResource } from '../../../shared/scim';
import { anyId, groupEdit, plainId, userEdit } from './arbitraries';

const RUNS = { numRuns: 150, endOnFailure: true } as const;

function roundTrips({ before, after }: { before: ScimResource; after: ScimResource }): void {
  for (const vendor of KNOWN_DIALECTS) {
    const built = buildPatch(before, after, dialectForVendor(vendor));
    if (built.request.Operations.length === 0) {
      expect(diffResources(before, after)).toEqual([]);
      continue;
    }
    expect(validateOperations(built.request)).toEqual(built.request);
    const preview = previewPatch(before, built.request);
    expect(diffResources(preview.after, after)).toEqual([]);
    // Minimal: every operation touches an attribute that really changed.
    const changedTop = new Set(diffResources(before, after).map((c) => topAttribute(c.path)));
    for (const op of built.request.Operations) expect(changedTop).toContain(op.path === undefined ? 'active' : topAttribute(op.path));
  }
}

function topAttribute(path: string): string {
  if (/^urn:/i.test(path)) return path.slice(0, path.lastIndexOf(':', path.includes('[') ? path.indexOf('[') : path.length));
  return path.split(/[.[]/)[0] ?? path;
}

function appliedByScimPatch({ before, after }: { before: ScimResource; after: ScimResource }): void {
  const { request } = buildPatch(before, after, dialectForVendor('rfc'));
  const result = scimPatch(structuredClone(before) as unknown as LibResource, request.Operations as ScimPatchOperation[], { mutateDocument: false, treatMissingAsAdd: true });
  expect(diffResources(result as unknown as ScimResource, after)).toEqual([]);
}

describe('patch properties', () => {
  it('users: the built patch previews to the edited resource in every dialect', () => {
    fc.assert(fc.property(userEdit, roundTrips), RUNS);
  });

  it('groups: the built patch previews to the edited resource in every dialect, any member id', () => {
    fc.assert(fc.property(groupEdit(anyId), roundTrips), RUNS);
  });

  it('users and groups: scim-patch itself applies the RFC-dialect patch to the edited resource', () => {
    fc.assert(fc.property(fc.oneof(userEdit, groupEdit(plainId)), appliedByScimPatch), RUNS);
  });

  it('an unchanged resource gives no operations', () => {
    fc.assert(fc.property(fc.oneof(userEdit, groupEdit(anyId)), ({ after }) => {
      expect(buildPatch(after, structuredClone(after)).request.Operations).toEqual([]);
    }), RUNS);
  });
});

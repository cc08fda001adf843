// Property tests: for random resources and random edits, the built patch applied to `before`
// gives the edited resource — through previewPatch for every dialect, and through scim-patch
// itself for the RFC dialect — and expert-mode validation accepts every built patch.
import fc from 'fast-check';
import { scimPatch, type ScimPatchOperation, type ScimResource as LibResource } from 'scim-patch';
import { describe, expect, it } from 'vitest';
import { buildPatch, diffResources, dialectForVendor, KNOWN_DIALECTS, previewPatch, validateOperations } from '../../../electron/core/patch';
import { InspectorError } from '../../../shared/errors';
import { SCHEMAS, type ScimResource } from '../../../shared/scim';
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

describe('untrusted input never escapes as anything but invalid-input', () => {
  const opName = fc.constantFrom('add', 'remove', 'replace', 'Add', 'REPLACE', 'delete', '', 7);
  const path = fc.oneof(fc.constantFrom('title', 'name.givenName', 'emails[type eq "work"].value', 'members[value eq "a"]', 'members', `${SCHEMAS.enterpriseUser}:manager.value`, 'a[', ']', 'x.y.z', 'urn:', 'emails[type eq]'), fc.string({ maxLength: 12 }));
  const weird = fc.oneof(fc.bigInt(), fc.date(), fc.constant(Symbol('s')), fc.constant(() => 1), fc.constant(Number.NaN));
  const operation = fc.record({ op: fc.oneof(opName, weird), path: fc.oneof(path, weird), value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), weird) }, { requiredKeys: [] });
  const input = fc.oneof(fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true, withBoxedValues: true }), fc.array(operation, { maxLength: 4 }), fc.record({ Operations: fc.array(operation, { maxLength: 4 }) }));

  function invalidInputOnly(run: () => unknown): void {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(InspectorError);
      expect((error as InspectorError).code).toBe('invalid-input');
    }
  }

  it('validateOperations', () => {
    fc.assert(fc.property(input, (value) => invalidInputOnly(() => validateOperations(value))), { numRuns: 300 });
  });

  it('previewPatch on random resources', () => {
    fc.assert(fc.property(userEdit, fc.array(operation, { minLength: 1, maxLength: 4 }), ({ before }, ops) => invalidInputOnly(() => previewPatch(before, { schemas: [SCHEMAS.patchOp], Operations: ops as never }))), { numRuns: 300 });
  });
});

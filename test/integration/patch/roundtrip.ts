// Edit → build → preview → PATCH → GET against a live SCIM server, shared by the peer and sandbox
// patch suites: the server must end up holding exactly what previewPatch predicted.
import fc from 'fast-check';
import { expect } from 'vitest';
import { buildPatch, dialectForVendor, previewPatch, validateOperations, verifyWrite } from '../../../electron/core/patch';
import { pruneUnassigned } from '../../../electron/core/patch/json';
import { SCHEMAS, type PatchRequest, type ResourceKind, type ScimResource } from '../../../shared/scim';
import { ENT, userEdit } from '../../unit/patch/arbitraries';
import { body, peerFetch } from '../../support/peers/scim-fetch';

export interface LiveServer {
  url: string;
  token: string;
}

export async function getResource(server: LiveServer, kind: ResourceKind, id: string): Promise<ScimResource> {
  const res = await peerFetch(server.url, server.token, `/${kind}/${encodeURIComponent(id)}`);
  expect(res.status, res.text).toBe(200);
  return body(res) as ScimResource;
}

export async function sendPatch(server: LiveServer, kind: ResourceKind, id: string, request: PatchRequest): Promise<void> {
  const res = await peerFetch(server.url, server.token, `/${kind}/${encodeURIComponent(id)}`, { method: 'PATCH', body: request });
  expect(res.status, `${res.text}\n${JSON.stringify(request)}`).toBeLessThan(300);
}

/** Returns the resource as the server holds it after the write. */
export async function roundTrip(server: LiveServer, kind: ResourceKind, id: string, change: (copy: Record<string, unknown>) => void, vendor = 'rfc'): Promise<ScimResource> {
  const before = await getResource(server, kind, id);
  const edited = structuredClone(before) as Record<string, unknown>;
  change(edited);
  return roundTripTo(server, kind, before, edited as ScimResource, vendor);
}

export async function roundTripTo(server: LiveServer, kind: ResourceKind, before: ScimResource, edited: ScimResource, vendor = 'rfc'): Promise<ScimResource> {
  const { request } = buildPatch(before, edited, dialectForVendor(vendor));
  let actual = before;
  if (request.Operations.length > 0) {
    validateOperations(request);
    const preview = previewPatch(before, request);
    await sendPatch(server, kind, before.id, request);
    actual = await getResource(server, kind, before.id);
    expect(verifyWrite(before, preview.after, actual).warnings, JSON.stringify(request)).toEqual([]);
  }
  // The server must hold the edit itself, not only the preview: an empty or partial patch built
  // from a real edit would otherwise pass unseen (its preview agrees with what was sent).
  expect(verifyWrite(before, edited, actual).warnings, `edit not applied; patch was ${JSON.stringify(request)}`).toEqual([]);
  return actual;
}

/**
 * Random user edits (the unit property's generator) against a live server: PUT a random "before"
 * in place, then PATCH it to a random edit with a built patch and compare with the preview.
 */
export async function checkRandomUserEdits(server: LiveServer, id: string, options: { numRuns: number; extension?: boolean; vendor?: string }): Promise<void> {
  await fc.assert(
    fc.asyncProperty(userEdit, async ({ before, after }) => {
      const userName = `random.${id.slice(0, 12)}@example.test`;
      const put = await peerFetch(server.url, server.token, `/Users/${encodeURIComponent(id)}`, { method: 'PUT', body: { ...serverShape(before, options), userName } });
      expect(put.status, put.text).toBe(200);
      const current = await getResource(server, 'Users', id);
      // groups is read-only (the server computes it from memberships): an edit form carries it as read.
      const edited = { ...serverShape(after, options), userName, id, schemas: current.schemas, meta: current.meta, ...(current.groups === undefined ? {} : { groups: current.groups }) } as unknown as ScimResource;
      await roundTripTo(server, 'Users', current, edited, options.vendor);
    }),
    { numRuns: options.numRuns, endOnFailure: true },
  );
}

/** What a server's schema can hold: one primary email, no nulls, the extension only if declared. */
function serverShape(resource: ScimResource, options: { extension?: boolean }): Record<string, unknown> {
  const { id: _id, meta: _meta, ...rest } = resource;
  if (!options.extension) delete rest[ENT];
  if (Array.isArray(rest.emails)) rest.emails = (rest.emails as Record<string, unknown>[]).map((e, i) => ({ ...e, primary: i === 0 ? e.primary : undefined }));
  const shaped = pruneUnassigned(JSON.parse(JSON.stringify(rest))) as Record<string, unknown>;
  shaped.schemas = options.extension && shaped[ENT] !== undefined ? [SCHEMAS.user, ENT] : [SCHEMAS.user];
  return shaped;
}

/**
 * Random membership edits of one group: keep a random subset of its current members (in random
 * order), add random candidates, rename sometimes; each run starts from what the server holds.
 */
export async function checkRandomGroupEdits(server: LiveServer, groupId: string, candidates: readonly string[], options: { numRuns: number; vendor: string }): Promise<void> {
  const edit = fc.record({ keep: fc.func(fc.boolean()), order: fc.func(fc.integer()), add: fc.subarray([...candidates], { maxLength: 4 }), rename: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }) });
  await fc.assert(
    fc.asyncProperty(edit, async ({ keep, order, add, rename }) => {
      const before = await getResource(server, 'Groups', groupId);
      const current = Array.isArray(before.members) ? (before.members as { value: string }[]) : [];
      const known = new Set(current.map((m) => m.value));
      const kept = current.filter((m) => keep(m.value)).sort((a, b) => order(a.value) - order(b.value));
      const members = [...kept, ...add.filter((id) => !known.has(id)).map((value) => ({ value }))];
      const edited = { ...structuredClone(before), members, ...(rename ? { displayName: `${rename} ${groupId.slice(0, 6)}` } : {}) } as ScimResource;
      await roundTripTo(server, 'Groups', before, edited, options.vendor);
    }),
    { numRuns: options.numRuns, endOnFailure: true },
  );
}

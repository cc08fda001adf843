// The builder against a third-party PatchOp implementation (SCIMMY): the patch built from an edit,
// sent as is, leaves the server holding exactly what previewPatch predicted. SCIMMY applies
// operations with its own code, so this checks our paths and values, not scim-patch's reading.
// One SCIMMY per process (global state): this file is its only user in this fork.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPatch, dialectForVendor, previewPatch, validateOperations, verifyWrite } from '../../../electron/core/patch';
import { pruneUnassigned } from '../../../electron/core/patch/json';
import type { ScimResource } from '../../../shared/scim';
import { startScimmy, type PeerHandle } from '../../support/peers';
import { body, peerFetch } from '../../support/peers/scim-fetch';
import { ENT, userEdit } from '../../unit/patch/arbitraries';

let peer: PeerHandle;

beforeAll(async () => {
  peer = await startScimmy({ users: 6, groups: 2 });
});
afterAll(async () => {
  await peer?.close();
});

async function get(kind: 'Users' | 'Groups', id: string): Promise<ScimResource> {
  const res = await peerFetch(peer.url, peer.token, `/${kind}/${id}`);
  expect(res.status).toBe(200);
  return body(res) as ScimResource;
}

/** Edit → build → preview → PATCH → GET, and the server must hold the preview. */
async function roundTrip(kind: 'Users' | 'Groups', id: string, change: (copy: Record<string, unknown>) => void, vendor = 'rfc'): Promise<ScimResource> {
  const before = await get(kind, id);
  const edited = structuredClone(before) as Record<string, unknown>;
  change(edited);
  const { request } = buildPatch(before, edited as ScimResource, dialectForVendor(vendor));
  expect(request.Operations.length).toBeGreaterThan(0);
  validateOperations(request);
  const preview = previewPatch(before, request);
  const res = await peerFetch(peer.url, peer.token, `/${kind}/${id}`, { method: 'PATCH', body: request });
  expect(res.status, res.text).toBeLessThan(300);
  const actual = await get(kind, id);
  const verification = verifyWrite(before, preview.after, actual);
  expect(verification.warnings).toEqual([]);
  return actual;
}

describe('built patches applied by SCIMMY give the previewed resource', () => {
  it('simple replace and remove', async () => {
    const after = await roundTrip('Users', peer.seedUserIds[0]!, (u) => ((u.title = 'Engineer'), (u.displayName = 'Renamed Ünïcode'), delete u.externalId));
    expect(after).toMatchObject({ title: 'Engineer', displayName: 'Renamed Ünïcode' });
    expect(after).not.toHaveProperty('externalId');
  });

  it('sub-attribute paths of name', async () => {
    await roundTrip('Users', peer.seedUserIds[1]!, (u) => (u.name = { givenName: 'Augusta', middleName: 'Ada' }));
  });

  it('whole emails replacement and active', async () => {
    await roundTrip('Users', peer.seedUserIds[2]!, (u) => ((u.emails = [{ value: 'new@example.test', type: 'home', primary: true }, { value: 'other@example.test', type: 'work' }]), (u.active = !u.active)));
  });

  it('members added and removed with bracket filter paths (rfc)', async () => {
    const group = peer.seedGroupIds[0]!;
    const after = await roundTrip('Groups', group, (g) => ((g.members = (g.members as { value: string }[]).slice(2)), (g.displayName = 'Renamed group')));
    expect((after.members as unknown[]).length).toBe(4);
  });

  it('members removed with a value array (entra) and added back', async () => {
    const group = peer.seedGroupIds[0]!;
    await roundTrip('Groups', group, (g) => (g.members = (g.members as { value: string }[]).slice(1)), 'entra');
    await roundTrip('Groups', group, (g) => (g.members as unknown[]).push({ value: peer.seedUserIds[0]! }, { value: peer.seedUserIds[1]! }), 'entra');
  });

  it('the last member removed removes the attribute', async () => {
    const after = await roundTrip('Groups', peer.seedGroupIds[1]!, (g) => delete g.members);
    expect(after.members ?? []).toEqual([]);
  });
});

/** The random edits SCIMMY's schema can hold: no enterprise extension declared, one primary email. */
function scimmyShaped(resource: ScimResource): Record<string, unknown> {
  const { [ENT]: _extension, id: _id, meta: _meta, schemas: _schemas, ...rest } = resource;
  const emails = Array.isArray(rest.emails) ? (rest.emails as Record<string, unknown>[]).map((e, i) => ({ ...e, primary: i === 0 ? e.primary : undefined })) : rest.emails;
  // SCIMMY rejects null for a collection in a PUT body: leave unassigned values out.
  return pruneUnassigned(JSON.parse(JSON.stringify({ ...rest, emails }))) as Record<string, unknown>;
}

describe('random edits applied by SCIMMY give the previewed resource', () => {
  it('users', async () => {
    const id = peer.seedUserIds[5]!;
    await fc.assert(
      fc.asyncProperty(userEdit, async ({ before, after }) => {
        // Put the random "before" in place with a PUT, then edit it with a built PATCH.
        const current = scimmyShaped(before);
        const put = await peerFetch(peer.url, peer.token, `/Users/${id}`, { method: 'PUT', body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], ...current, userName: `random.${id}` } });
        expect(put.status, put.text).toBe(200);
        const edited = { ...scimmyShaped(after), userName: `random.${id}` };
        await roundTripFrom(id, edited);
      }),
      { numRuns: 25, endOnFailure: true },
    );
  });
});

async function roundTripFrom(id: string, fields: Record<string, unknown>): Promise<void> {
  const before = await get('Users', id);
  const edited = { ...fields, id, schemas: before.schemas, meta: before.meta } as ScimResource;
  const { request } = buildPatch(before, edited);
  if (request.Operations.length === 0) return;
  const preview = previewPatch(before, request);
  const res = await peerFetch(peer.url, peer.token, `/Users/${id}`, { method: 'PATCH', body: request });
  expect(res.status, `${res.text}\n${JSON.stringify(request)}`).toBeLessThan(300);
  const verification = verifyWrite(before, preview.after, await get('Users', id));
  expect(verification.warnings, JSON.stringify(request)).toEqual([]);
}

// The builder against a third-party PatchOp implementation (SCIMMY): the patch built from an edit,
// sent as is, leaves the server holding exactly what previewPatch predicted. SCIMMY applies
// operations with its own code, so this checks our paths and values, not scim-patch's reading.
// One SCIMMY per process (global state): this file is its only user in this fork.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScimmy, type PeerHandle } from '../../support/peers';
import { checkRandomUserEdits, roundTrip as roundTripVia } from './roundtrip';

let peer: PeerHandle;

beforeAll(async () => {
  peer = await startScimmy({ users: 6, groups: 2 });
});
afterAll(async () => {
  await peer?.close();
});

const roundTrip = (kind: 'Users' | 'Groups', id: string, change: (copy: Record<string, unknown>) => void, vendor = 'rfc') => roundTripVia(peer, kind, id, change, vendor);

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

describe('random edits applied by SCIMMY give the previewed resource', () => {
  it('users', async () => {
    await checkRandomUserEdits(peer, peer.seedUserIds[5]!, { numRuns: 25 });
  });
});

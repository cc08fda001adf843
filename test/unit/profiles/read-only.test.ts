// A read-only profile's connection refuses writes in the core, before any request leaves, against
// a real SCIM server on 127.0.0.1.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectionOptionsFor, createProfileStore, tokenAccount } from '../../../electron/core/profiles';
import { createScimClient } from '../../../electron/core/scim/client';
import { createMemoryVault } from '../../../electron/core/vault';
import { startBetterAuthScim, type PeerHandle } from '../../support/peers';
import { freshDir } from './helpers';

let peer: PeerHandle;
beforeAll(async () => {
  peer = await startBetterAuthScim({ users: 2 });
});
afterAll(async () => {
  await peer.close();
});

it('refuses writes for a read-only profile and sends nothing', async () => {
  const store = createProfileStore({ dir: freshDir() });
  const profile = store.add({ name: 'ro', baseUrl: peer.url, readOnly: true });
  const client = createScimClient(connectionOptionsFor(profile, createMemoryVault({ [tokenAccount(profile)]: peer.token })));
  try {
    const id = peer.seedUserIds[0] ?? '';
    await expect(client.delete('Users', id)).rejects.toMatchObject({ code: 'refused-read-only' });
    expect(client.transport.log.entries().filter((e) => e.method !== 'GET')).toEqual([]);
    const still = await client.get('Users', id);
    expect(still.id).toBe(id);
  } finally {
    await client.close();
  }
});

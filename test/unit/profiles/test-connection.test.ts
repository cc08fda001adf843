// "Test connection" against a real third-party SCIM server (Better Auth's SCIM plugin) on
// 127.0.0.1, through the real SCIM client. Tokens live in a memory vault here: the keychain
// itself is covered in test/integration/vault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfileStore, discoveryTokenTest, rotateProfileToken, testConnection, tokenAccount, type Profile, type ProfileStore } from '../../../electron/core/profiles';
import { startSandbox } from '../../../electron/core/sandbox';
import { createMemoryVault } from '../../../electron/core/vault';
import { startBetterAuthScim, type PeerHandle } from '../../support/peers';
import { freshDir } from './helpers';

let peer: PeerHandle;
let store: ProfileStore;
let profile: Profile;

beforeAll(async () => {
  peer = await startBetterAuthScim({ users: 3 });
});
afterAll(async () => {
  await peer.close();
});

function setup(): void {
  store = createProfileStore({ dir: freshDir() });
  profile = store.add({ name: 'peer', baseUrl: peer.url, vendor: 'generic' });
}

describe('testConnection', () => {
  it('runs discovery and returns the capability table, round trip and warnings', async () => {
    setup();
    const vault = createMemoryVault({ [tokenAccount(profile)]: peer.token });
    const started = performance.now();
    const result = await testConnection(profile, vault);
    const elapsed = performance.now() - started;
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.capabilities).not.toBeNull();
    expect(result.table.map((r) => r.label)).toEqual(['Groups', 'PATCH', 'ETags', 'Filtering', 'Sorting', 'Paging', 'Max page size', 'Bulk']);
    expect(result.table.find((r) => r.key === 'pagination')?.value).toBe(result.capabilities?.pagination);
    // A duration of this call in whole milliseconds: no more than the call took as seen from here.
    expect(Number.isInteger(result.roundTripMs)).toBe(true);
    expect(result.roundTripMs).toBeGreaterThanOrEqual(0);
    expect(result.roundTripMs).toBeLessThanOrEqual(Math.ceil(elapsed));
    // Better Auth serves the discovery documents the client reads: nothing to warn about.
    expect(result.warnings).toEqual([]);
    expect(result.baseUrl).toContain('127.0.0.1');
    expect(JSON.stringify(result)).not.toContain(peer.token);
  });

  it("passes on discovery's warnings: Mittr has no /ResourceTypes and no groups", async () => {
    setup();
    const mittr = await startSandbox({ vendor: 'mittr', users: 5 });
    try {
      const saved = store.add({ name: 'mittr', baseUrl: mittr.url, vendor: 'mittr' });
      const result = await testConnection(saved, createMemoryVault({ [tokenAccount(saved)]: mittr.token }));
      expect(result.ok).toBe(true);
      expect(result.warnings.join(' ')).toMatch(/\/ResourceTypes answered/);
      expect(result.warnings.join(' ')).toMatch(/no groups/);
    } finally {
      await mittr.close();
    }
  });

  it('reports a rejected token as a result, without the token', async () => {
    setup();
    const wrong = `wrong-${peer.token}`;
    const vault = createMemoryVault({ [tokenAccount(profile)]: wrong });
    const result = await testConnection(profile, vault);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('unauthorized');
    expect(result.table).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(wrong);
  });

  it('reports a missing token with how to set it', async () => {
    setup();
    const result = await testConnection(profile, createMemoryVault());
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ code: 'token-missing', message: expect.stringContaining('profiles set-token peer') });
  });

  it('reports an unreachable service as a network failure', async () => {
    setup();
    const dead = store.add({ name: 'dead', baseUrl: 'http://127.0.0.1:9/scim/v2' });
    const result = await testConnection(dead, createMemoryVault({ [tokenAccount(dead)]: 'token-for-nothing' }), {}, { timeoutMs: 10_000 });
    expect(result.ok).toBe(false);
    expect(['network', 'timeout']).toContain(result.error?.code);
  });
});

describe('rotation tested by discovery', () => {
  it('keeps the old token when the new one is refused by the server', async () => {
    setup();
    const vault = createMemoryVault({ [tokenAccount(profile)]: peer.token });
    await expect(rotateProfileToken(store, vault, profile.id, 'not-the-right-token', discoveryTokenTest(profile, vault))).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/old token was kept/),
    });
    expect(await vault.get(tokenAccount(profile))).toBe(peer.token);
  });

  it('swaps in a new token that passes discovery', async () => {
    setup();
    const vault = createMemoryVault({ [tokenAccount(profile)]: 'stale-token-that-no-longer-works' });
    const change = await rotateProfileToken(store, vault, profile.id, `Bearer ${peer.token}`, discoveryTokenTest(profile, vault));
    expect(await vault.get(tokenAccount(profile))).toBe(peer.token);
    expect(change.metadata.hasToken).toBe(true);
    expect(store.get(profile.id).tokenSetAt).toBe(change.metadata.setAt);
  });
});

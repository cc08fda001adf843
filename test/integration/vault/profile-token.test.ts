// Profiles + the REAL keychain: the token goes to the Secret Service only, the profile file keeps
// just when it was set, and connections read the token at request time.
// Run: sh test/support/with-keyring.sh npx vitest run test/integration/vault
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  clearProfileToken,
  tokenAccount,
  connectionOptionsFor,
  createProfileStore,
  profileTokenMetadata,
  removeProfile,
  rotateProfileToken,
  setProfileToken,
} from '../../../electron/core/profiles';
import { createKeytarVault } from '../../../electron/core/vault';
import { fileDir } from '../../support/temp-dir';

const dir = fileDir('scim-inspector-vault-profiles-');
const vault = createKeytarVault({ service: `scim-inspector-test-${process.pid}-${randomUUID().slice(0, 8)}` });
const TOKEN = `tok-${randomUUID().replace(/-/g, '')}-SECRETEND`;

afterAll(async () => {
  for (const account of await vault.list()) await vault.delete(account);
  rmSync(dir, { recursive: true, force: true });
});

function everyFileInDir(): string {
  return readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

describe('profile tokens in the OS keychain', () => {
  it('stores the token in the keychain and never in the profile file', async () => {
    const store = createProfileStore({ dir });
    const profile = store.add({ name: 'prod', baseUrl: 'https://prod.example.com/scim/v2' });
    const change = await setProfileToken(store, vault, profile.id, `  Bearer ${TOKEN}\n`);
    expect(change.notices).toHaveLength(1);
    expect(change.metadata).toMatchObject({ hasToken: true, length: TOKEN.length, last4: 'TEND' });
    expect(await vault.get(tokenAccount(profile))).toBe(TOKEN);
    const files = everyFileInDir();
    expect(files).not.toContain(TOKEN);
    expect(files).not.toContain(TOKEN.slice(4, 20));
    expect(store.get(profile.id).tokenSetAt).toBe(change.metadata.setAt);
    expect(JSON.stringify(await profileTokenMetadata(store.get(profile.id), vault))).not.toContain(TOKEN);
  });

  it('reads the token at request time, so a rotated token is used by existing connections', async () => {
    const store = createProfileStore({ dir });
    const profile = store.getByName('prod');
    const options = connectionOptionsFor(profile, vault);
    expect(await options.token?.()).toBe(TOKEN);
    const rotated = `${TOKEN}-v2`;
    await rotateProfileToken(store, vault, profile.id, rotated, async (candidate) => {
      expect(candidate).toBe(rotated);
      // The old token is still the stored one while the candidate is being tested.
      expect(await vault.get(tokenAccount(profile))).toBe(TOKEN);
    });
    expect(await options.token?.()).toBe(rotated);
    expect(everyFileInDir()).not.toContain(TOKEN);
  });

  it('fails with token-missing and says how to set it when the keychain has none', async () => {
    const store = createProfileStore({ dir });
    const profile = store.getByName('prod');
    expect(await clearProfileToken(store, vault, profile.id)).toBe(true);
    expect(store.get(profile.id).tokenSetAt).toBeUndefined();
    const options = connectionOptionsFor(store.get(profile.id), vault);
    await expect(Promise.resolve(options.token?.())).rejects.toMatchObject({ code: 'token-missing', message: expect.stringContaining('profiles set-token prod') });
    expect(await profileTokenMetadata(store.get(profile.id), vault)).toEqual({ hasToken: false, length: null, last4: null, setAt: null });
  });

  it('passes readOnly, headers and paging through to the connection', () => {
    const store = createProfileStore({ dir });
    const p = store.add({ name: 'ro', baseUrl: 'https://ro.example.com/scim', readOnly: true, headers: { 'X-Tenant': 't1' }, pageSize: 50, concurrency: 2, vendor: 'entra' });
    const options = connectionOptionsFor(p, vault);
    expect(options).toMatchObject({ baseUrl: 'https://ro.example.com/scim', readOnly: true, headers: { 'X-Tenant': 't1' }, pageSize: 50, concurrency: 2, vendor: 'entra' });
  });

  it('removes the keychain entry together with the profile', async () => {
    const store = createProfileStore({ dir });
    const p = store.getByName('ro');
    await setProfileToken(store, vault, p.id, TOKEN);
    const removed = await removeProfile(store, vault, p.id);
    expect(removed.notices).toEqual([]);
    expect(await vault.get(tokenAccount(p))).toBeNull();
    expect(() => store.get(p.id)).toThrow(expect.objectContaining({ code: 'profile-not-found' }));
  });
});

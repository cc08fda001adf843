// Secrets bound to an origin in the keychain account name: read only for the origin they were
// stored for, deleted when an update points the profile elsewhere or stops using them, and a
// token stored before schema 3 (bare profile id) carried over for the origin it was stored for.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectionOptionsFor, createProfileStore, readSecret, secretAccount, setProfileToken, storeSecret, tokenAccount, updateProfile, type Profile } from '../../../electron/core/profiles';
import { createMemoryVault } from '../../../electron/core/vault';
import { freshDir } from './helpers';

const A = 'https://a.example.com';
const B = 'https://b.example.com';

function token(profile: Profile, vault: ReturnType<typeof createMemoryVault>): Promise<string> {
  return Promise.resolve(connectionOptionsFor(profile, vault).token?.() ?? '');
}

describe('secrets bound to an origin', () => {
  it('keeps the token across a move within its origin and deletes it on a move to another', async () => {
    const store = createProfileStore({ dir: freshDir() });
    const vault = createMemoryVault();
    const p = store.add({ name: 'p', baseUrl: `${A}/scim/v2` });
    await setProfileToken(store, vault, p.id, 'tok-aaaaaaaaaaaaaaaaaaaa');
    expect(await vault.list()).toEqual([secretAccount(p.id, 'token', A)]);
    expect((await updateProfile(store, vault, p.id, { baseUrl: `${A}/v2` })).notices).toEqual([]);
    expect(await token(store.get(p.id), vault)).toBe('tok-aaaaaaaaaaaaaaaaaaaa');
    const moved = await updateProfile(store, vault, p.id, { baseUrl: `${B}/scim/v2` });
    expect(moved.notices.join(' ')).toMatch(/stored for https:\/\/a\.example\.com.*another host \(https:\/\/b\.example\.com\)/);
    expect(await vault.list()).toEqual([]);
    expect(moved.profile.tokenSetAt).toBeUndefined();
    await expect(token(moved.profile, vault)).rejects.toMatchObject({ code: 'token-missing' });
  });

  it('refuses a token stored for another origin without sending it (profiles.json edited by hand)', async () => {
    const dir = freshDir();
    const store = createProfileStore({ dir });
    const vault = createMemoryVault();
    const p = store.add({ name: 'p', baseUrl: `${A}/scim/v2` });
    await setProfileToken(store, vault, p.id, 'tok-aaaaaaaaaaaaaaaaaaaa');
    const hand = { ...store.get(p.id), baseUrl: `${B}/scim/v2` };
    await expect(token(hand, vault)).rejects.toMatchObject({ code: 'token-missing', message: expect.stringMatching(/stored for https:\/\/a\.example\.com/) as unknown });
  });

  it('binds each secret to where it is sent: client secret to the token URL, proxy password to the proxy', async () => {
    const store = createProfileStore({ dir: freshDir() });
    const vault = createMemoryVault();
    const p = store.add({ name: 'o', baseUrl: `${A}/scim/v2`, auth: { scheme: 'oauth2', tokenUrl: 'https://login.example.com/oauth/token', clientId: 'c1' }, proxy: { mode: 'url', url: 'http://proxy.example.com:3128', username: 'u' } });
    await storeSecret(store, vault, p.id, 'client-secret', 'cs-secret-value');
    await storeSecret(store, vault, p.id, 'proxy-password', 'proxy pass');
    await expect(storeSecret(store, vault, p.id, 'password', 'x')).rejects.toMatchObject({ code: 'invalid-input' });
    expect((await vault.list()).sort()).toEqual([secretAccount(p.id, 'client-secret', 'https://login.example.com'), secretAccount(p.id, 'proxy-password', 'http://proxy.example.com:3128')].sort());
    // The SCIM host moves: neither secret is sent there, so both stay.
    expect((await updateProfile(store, vault, p.id, { baseUrl: `${B}/scim/v2` })).notices).toEqual([]);
    expect(await readSecret(store.get(p.id), vault, 'client-secret')).toBe('cs-secret-value');
    // The token endpoint moves to another host: the client secret is deleted; the proxy's stays.
    const moved = await updateProfile(store, vault, p.id, { auth: { scheme: 'oauth2', tokenUrl: 'https://evil.example.net/token', clientId: 'c1' } });
    expect(moved.notices.join(' ')).toMatch(/OAuth client secret was removed/);
    expect(await vault.list()).toEqual([secretAccount(p.id, 'proxy-password', 'http://proxy.example.com:3128')]);
    // Back to bearer and no proxy: the proxy password is no longer used, and goes too.
    expect((await updateProfile(store, vault, p.id, { auth: null, proxy: { mode: 'none' } })).notices.join(' ')).toMatch(/proxy password was removed.*no longer uses it/);
    expect(await vault.list()).toEqual([]);
  });

  it('carries over a token stored before schema 3 for the origin it was stored for, and moves it to a bound account', async () => {
    const dir = freshDir();
    const v2 = { schemaVersion: 2, profiles: [{ id: 'p-old', name: 'old', baseUrl: `${A}/scim/v2`, headers: {}, readOnly: false, vendor: 'generic', protectedUsers: [], tokenSetAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }] };
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify(v2));
    const store = createProfileStore({ dir });
    const vault = createMemoryVault({ 'p-old': 'legacy-token-value-123' });
    expect(store.get('p-old').legacyTokenOrigin).toBe(A);
    expect(await token(store.get('p-old'), vault)).toBe('legacy-token-value-123');
    await setProfileToken(store, vault, 'p-old', 'new-token-value-4567');
    expect(await vault.list()).toEqual([tokenAccount(store.get('p-old'))]);
    expect(store.get('p-old').legacyTokenOrigin).toBeUndefined();
  });

  it('drops a pre-schema-3 token when the profile moves to another origin', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify({ schemaVersion: 2, profiles: [{ id: 'p-old', name: 'old', baseUrl: `${A}/scim/v2`, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', tokenSetAt: '2026-01-01T00:00:00.000Z' }] }));
    const store = createProfileStore({ dir });
    const vault = createMemoryVault({ 'p-old': 'legacy-token-value-123' });
    const moved = await updateProfile(store, vault, 'p-old', { baseUrl: `${B}/scim/v2` });
    expect(moved.notices.join(' ')).toMatch(/bearer token was removed/);
    expect(await vault.list()).toEqual([]);
    await expect(token(moved.profile, vault)).rejects.toMatchObject({ code: 'token-missing' });
  });
});

// The profile channels through dispatch(), against real sandbox tenants on 127.0.0.1 with an
// in-memory vault (the keychain is not the subject here; profiles-keyring.test.ts covers it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../shared/channels';
import { coreFunctions, createAppContext, dispatch, savedProfiles, type AppContext } from '../../../electron/core/app/index';
import { createProfileStore, tokenAccount, type ProfileStore } from '../../../electron/core/profiles/index';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { createKeytarVault, createMemoryVault, type Vault } from '../../../electron/core/vault/index';

const TOKEN_A = 'tenant-a-token-0123456789abcdef';
const TOKEN_B = 'tenant-b-token-fedcba9876543210';
let tenantA: SandboxHandle;
let tenantB: SandboxHandle;
const dirs: string[] = [];
const contexts: (AppContext & { close(): Promise<void> })[] = [];

beforeAll(async () => {
  [tenantA, tenantB] = await Promise.all([startSandbox({ users: 5, port: 0, token: TOKEN_A }), startSandbox({ users: 9, port: 0, token: TOKEN_B, vendor: 'mindtickle' })]);
});
afterAll(async () => {
  await Promise.all([tenantA.close(), tenantB.close()]);
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(vault: Vault = createMemoryVault()): { store: ProfileStore; call: (channel: ChannelName, input?: unknown) => ReturnType<typeof dispatch> } {
  const dir = mkdtempSync(join(tmpdir(), 'profiles-channels-'));
  dirs.push(dir);
  const store = createProfileStore({ dir });
  const ctx = createAppContext({ mode: 'browser', version: '1', emit: () => undefined, saveFile: async () => ({ saved: false, path: null }), profiles: savedProfiles(store, vault), dataDir: dir, sandbox: { users: 3 } });
  contexts.push(ctx);
  return { store, call: (channel, input) => dispatch(coreFunctions, ctx, channel, input, () => undefined) };
}

async function value<T = Record<string, unknown>>(p: ReturnType<typeof dispatch>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('profile channels', () => {
  it('adds a profile, stores its token once and answers only metadata; the demo sandbox is listed first', async () => {
    const { call } = setup();
    const added = await value<{ id: string; status: string; token: unknown }>(call('profiles.add', { name: 'tenant-a', baseUrl: tenantA.url, vendor: 'rfc', protectedUsers: ['breakglass'] }));
    expect(added).toMatchObject({ status: 'token-missing', token: { hasToken: false } });
    const set = await call('profiles.setToken', { profileId: added.id, token: `Bearer ${TOKEN_A}` });
    expect(set).toMatchObject({ ok: true, value: { token: { hasToken: true, length: TOKEN_A.length, last4: 'cdef' } } });
    expect(set.ok && (set.value as { notices: string[] }).notices.join(' ')).toMatch(/Removed a leading "Bearer "/);
    const listed = await value<{ profiles: { id: string; builtIn: boolean; protectedUsers: string[]; token: { hasToken: boolean } }[] }>(call('profiles.list'));
    expect(listed.profiles.map((p) => [p.id, p.builtIn])).toEqual([['sandbox', true], [added.id, false]]);
    expect(listed.profiles[1]).toMatchObject({ protectedUsers: ['breakglass'], token: { hasToken: true } });
    expect(JSON.stringify([set, listed])).not.toContain(TOKEN_A);
    const info = await value<{ profiles: { name: string }[] }>(call('app.info'));
    expect(info.profiles.map((p) => p.name)).toEqual(['Sandbox tenant (demo)', 'tenant-a']);
  });

  it('refuses a token with whitespace inside and stores nothing', async () => {
    const { call } = setup();
    const { id } = await value<{ id: string }>(call('profiles.add', { name: 'ws', baseUrl: tenantA.url }));
    const r = await call('profiles.setToken', { profileId: id, token: 'abc def' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(r.ok || r.error.message).toMatch(/whitespace/);
    const listed = await value<{ profiles: { token: { hasToken: boolean } }[] }>(call('profiles.list'));
    expect(listed.profiles[1]?.token.hasToken).toBe(false);
  });

  it('test connection shows the capability table and sets the status chip; a wrong token reads 401', async () => {
    const { call } = setup();
    const { id } = await value<{ id: string }>(call('profiles.add', { name: 'b', baseUrl: tenantB.url, vendor: 'mindtickle' }));
    await value(call('profiles.setToken', { profileId: id, token: TOKEN_B }));
    const started = performance.now();
    const ok = await value<{ ok: boolean; status: string; table: { label: string; value: string }[]; roundTripMs: number; warnings: string[] }>(call('profiles.test', { profileId: id }));
    const elapsed = performance.now() - started;
    expect(ok).toMatchObject({ ok: true, status: 'connected' });
    expect(ok.table.map((r) => r.label)).toEqual(expect.arrayContaining(['Groups', 'PATCH', 'ETags', 'Filtering', 'Paging', 'Max page size']));
    expect(Number.isInteger(ok.roundTripMs)).toBe(true);
    expect(ok.roundTripMs).toBeGreaterThanOrEqual(0);
    expect(ok.roundTripMs).toBeLessThanOrEqual(Math.ceil(elapsed));
    await value(call('profiles.setToken', { profileId: id, token: 'not-the-right-token-at-all' }));
    const bad = await value<{ ok: boolean; status: string; error: { code: string } | null }>(call('profiles.test', { profileId: id }));
    expect(bad).toMatchObject({ ok: false, status: 'unauthorized', error: { code: 'unauthorized' } });
    const listed = await value<{ profiles: { status: string }[] }>(call('profiles.list'));
    expect(listed.profiles[1]?.status).toBe('unauthorized');
    const demo = await value<{ ok: boolean; status: string }>(call('profiles.test', { profileId: 'sandbox' }));
    expect(demo).toMatchObject({ ok: true, status: 'connected' });
  });

  it('rotation keeps the old token when the new one fails discovery, and swaps when it passes', async () => {
    const { call } = setup();
    const { id } = await value<{ id: string }>(call('profiles.add', { name: 'rot', baseUrl: tenantA.url }));
    await value(call('profiles.setToken', { profileId: id, token: TOKEN_A }));
    const refused = await call('profiles.rotateToken', { profileId: id, token: 'wrong-token-for-this-tenant' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized', details: { rotation: 'kept-old-token' } } });
    expect(await call('resources.list', { profileId: id, kind: 'Users', listId: 'r1' })).toMatchObject({ ok: true, value: { count: 5 } });
    // Same tenant, same token value: passes the test and is stored again.
    expect(await call('profiles.rotateToken', { profileId: id, token: TOKEN_A })).toMatchObject({ ok: true, value: { token: { hasToken: true } } });
  });

  it('a changed base URL drops the open session, so the next listing goes to the new tenant', async () => {
    const vault = createMemoryVault();
    const { call } = setup(vault);
    const { id } = await value<{ id: string }>(call('profiles.add', { name: 'moving', baseUrl: tenantA.url }));
    await value(call('profiles.setToken', { profileId: id, token: TOKEN_A }));
    expect(await call('resources.list', { profileId: id, kind: 'Users', listId: 'm1' })).toMatchObject({ ok: true, value: { count: 5 } });
    // Another origin: the update deletes tenant A's token (it never goes to tenant B).
    const moved = await value<{ token: { hasToken: boolean } }>(call('profiles.update', { profileId: id, fields: { baseUrl: tenantB.url, vendor: 'mindtickle' } }));
    expect(moved.token.hasToken).toBe(false);
    // B's token goes in behind the channels' back, so only the update can have dropped the session.
    await vault.set(tokenAccount({ id, baseUrl: tenantB.url }), TOKEN_B);
    expect(await call('resources.list', { profileId: id, kind: 'Users', listId: 'm2' })).toMatchObject({ ok: true, value: { count: 9 } });
  });

  it('secret-looking header values are redacted in the list and kept when the editor sends them back', async () => {
    const { call, store } = setup();
    const added = await value<{ id: string; headers: unknown }>(call('profiles.add', { name: 'h', baseUrl: tenantA.url, headers: { 'X-Api-Key': 'hdr-secret-value', 'X-Tenant': 'acme' } }));
    expect(added.headers).toEqual([
      { name: 'X-Api-Key', value: '[redacted]', redacted: true },
      { name: 'X-Tenant', value: 'acme', redacted: false },
    ]);
    await value(call('profiles.update', { profileId: added.id, fields: { headers: { 'X-Api-Key': '[redacted]', 'X-Tenant': 'beta' }, pageSize: 50 } }));
    expect(store.get(added.id)).toMatchObject({ headers: { 'X-Api-Key': 'hdr-secret-value', 'X-Tenant': 'beta' }, pageSize: 50 });
    await value(call('profiles.update', { profileId: added.id, fields: { pageSize: null } }));
    expect(store.get(added.id).pageSize).toBeUndefined();
    expect(JSON.stringify(await call('profiles.list'))).not.toContain('hdr-secret-value');
  });

  it('removes a profile with its keychain entry; the demo profile cannot be edited or removed', async () => {
    const vault = createMemoryVault();
    const { call } = setup(vault);
    const { id } = await value<{ id: string }>(call('profiles.add', { name: 'gone', baseUrl: tenantA.url }));
    await value(call('profiles.setToken', { profileId: id, token: TOKEN_A }));
    expect(await vault.list()).toHaveLength(1);
    expect(await call('profiles.remove', { profileId: id })).toMatchObject({ ok: true, value: { removed: true } });
    expect(await vault.list()).toEqual([]);
    expect(await call('profiles.remove', { profileId: 'sandbox' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('profiles.setToken', { profileId: 'sandbox', token: 'x'.repeat(20) })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('profiles.add', { name: 'x', baseUrl: tenantA.url, token: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('an unavailable keychain is reported once by the list and refuses token entry with keychain-unavailable', async () => {
    const broken = createKeytarVault({ service: 'scim-inspector-test-missing', load: () => Promise.reject(new Error('keytar.node not built')) });
    const { call } = setup(broken);
    const { id } = await value<{ id: string }>(call('profiles.add', { name: 'nokeychain', baseUrl: tenantA.url }));
    const listed = await value<{ keychainError: { code: string; message: string } | null; profiles: { token: unknown }[] }>(call('profiles.list'));
    expect(listed.keychainError).toMatchObject({ code: 'keychain-unavailable' });
    expect(listed.keychainError?.message).toMatch(/keytar/);
    expect(listed.profiles[1]?.token).toBeNull();
    expect(await call('profiles.setToken', { profileId: id, token: TOKEN_A })).toMatchObject({ ok: false, error: { code: 'keychain-unavailable' } });
  });
});

// Saved profiles behind the channels: listed by name (never a token), opened with the token read
// from the vault per request, and a profile without a token answers token-missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreFunctions, createAppContext, dispatch, savedProfiles } from '../../../electron/core/app/index';
import { createProfileStore, tokenAccount } from '../../../electron/core/profiles/index';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { createMemoryVault } from '../../../electron/core/vault/index';
import { fileDir } from '../../support/temp-dir';

let tenant: SandboxHandle;
const dir = fileDir('saved-profiles-');
beforeAll(async () => {
  tenant = await startSandbox({ users: 7, port: 0, token: 'saved-profile-secret-token' });
});
afterAll(async () => {
  await tenant.close();
});

describe('saved profiles', () => {
  it('lists them after the demo and lists/opens them with the vault token', async () => {
    const store = createProfileStore({ dir });
    const withToken = store.add({ name: 'local-rfc', baseUrl: tenant.url, vendor: 'rfc' });
    const without = store.add({ name: 'no-token', baseUrl: tenant.url });
    const vault = createMemoryVault({ [tokenAccount(withToken)]: 'saved-profile-secret-token' });
    const ctx = createAppContext({ mode: 'browser', version: '1', emit: () => undefined, saveFile: async () => ({ saved: false, path: null }), profiles: savedProfiles(store, vault) });
    try {
      const info = await dispatch(coreFunctions, ctx, 'app.info', undefined);
      expect(info.ok && info.value.profiles.map((p) => p.name)).toEqual(['Sandbox tenant (demo)', 'local-rfc', 'no-token']);
      expect(JSON.stringify(info)).not.toContain('saved-profile-secret-token');
      expect(await dispatch(coreFunctions, ctx, 'resources.list', { profileId: withToken.id, kind: 'Users', listId: 'p1' })).toMatchObject({ ok: true, value: { count: 7, complete: true } });
      expect(await dispatch(coreFunctions, ctx, 'connection.discover', { profileId: without.id })).toMatchObject({ ok: false, error: { code: 'token-missing' } });
    } finally {
      await ctx.close();
    }
  });
});

// The one path of the profile channels through the REAL keychain (keytar on a Secret Service):
// the token typed in the editor lands in the keychain and nowhere else, the sandbox tenant accepts
// it, and removing the profile removes the keychain entry.
// Run: sh test/support/with-keyring.sh npx vitest run test/unit/host/profiles-keyring.test.ts
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChannelName } from '../../../shared/channels';
import { coreFunctions, createAppContext, dispatch, savedProfiles } from '../../../electron/core/app/index';
import { createProfileStore, tokenAccount } from '../../../electron/core/profiles/index';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { createKeytarVault } from '../../../electron/core/vault/index';
import { fileDir } from '../../support/temp-dir';

const SECRET = `keyring-${randomBytes(20).toString('hex')}`;
// A service of its own: the test never touches a real "scim-inspector" entry.
const vault = createKeytarVault({ service: `scim-inspector-test-profiles-${process.pid}-${randomUUID().slice(0, 8)}`, probeTimeoutMs: 5_000, operationTimeoutMs: 10_000 });
const dir = fileDir('profiles-keyring-');
let tenant: SandboxHandle;

beforeAll(async () => {
  tenant = await startSandbox({ users: 4, port: 0, token: SECRET });
});
afterAll(async () => {
  await tenant.close();
  for (const account of await vault.list()) await vault.delete(account);
});

it('stores the token in the keychain through profiles.setToken, connects with it, and removes it with the profile', async () => {
  const store = createProfileStore({ dir });
  const ctx = createAppContext({ mode: 'browser', version: '1', emit: () => undefined, saveFile: async () => ({ saved: false, path: null }), profiles: savedProfiles(store, vault), dataDir: dir });
  const call = (channel: ChannelName, input?: unknown) => dispatch(coreFunctions, ctx, channel, input, () => undefined);
  try {
    const added = await call('profiles.add', { name: 'keyring', baseUrl: tenant.url });
    if (!added.ok) throw new Error(added.error.message);
    const id = (added.value as { id: string }).id;
    const set = await call('profiles.setToken', { profileId: id, token: SECRET });
    expect(set).toMatchObject({ ok: true, value: { token: { hasToken: true, length: SECRET.length, last4: SECRET.slice(-4) } } });
    const account = tokenAccount(store.get(id));
    expect(await vault.get(account)).toBe(SECRET);
    expect(await call('profiles.test', { profileId: id })).toMatchObject({ ok: true, value: { ok: true, status: 'connected' } });
    expect(await call('resources.list', { profileId: id, kind: 'Users', listId: 'k1' })).toMatchObject({ ok: true, value: { count: 4 } });
    // profiles.json holds when the token was set, never the token.
    const files = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(files.join('\n')).toContain('tokenSetAt');
    expect(files.join('\n')).not.toContain(SECRET);
    expect(await call('profiles.remove', { profileId: id })).toMatchObject({ ok: true, value: { removed: true, notices: [] } });
    expect(await vault.get(account)).toBeNull();
  } finally {
    await ctx.close();
  }
});

// A saved profile's break-glass list reaches the app's deactivation plan: a protected user is
// refused (the whole run), whoever asks and however the user is named.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreFunctions, createAppContext, dispatch, savedProfiles } from '../../../electron/core/app/index';
import { createProfileStore } from '../../../electron/core/profiles/index';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { createMemoryVault } from '../../../electron/core/vault/index';
import type { ScimUser } from '../../../shared/scim';

let tenant: SandboxHandle;
let dir: string;
beforeAll(async () => {
  tenant = await startSandbox({ users: 30, port: 0, token: 'protected-test-token-0123456789' });
  dir = mkdtempSync(join(tmpdir(), 'protected-'));
});
afterAll(async () => {
  await tenant.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('deactivation through the app honours the profile protected list', () => {
  it('refuses a plan that includes a protected user, and plans the others when it does not', async () => {
    const ids = tenant.store.ids('Users');
    const users = ids.map((id) => tenant.store.get('Users', id)?.res as unknown as ScimUser).filter((u) => u.active === true);
    const [guarded, other] = users;
    if (!guarded || !other) throw new Error('seed has too few active users');
    const store = createProfileStore({ dir });
    const vault = createMemoryVault();
    const profile = store.add({ name: 'prod', baseUrl: tenant.url, vendor: 'rfc', protectedUsers: [guarded.userName.toUpperCase()] });
    await vault.set(profile.id, tenant.token);
    const ctx = createAppContext({ mode: 'browser', version: '1', emit: () => undefined, saveFile: async () => ({ saved: false, path: null }), profiles: savedProfiles(store, vault), dataDir: dir });
    try {
      const refused = await dispatch(coreFunctions, ctx, 'deactivate.plan', { profileId: profile.id, inputs: [guarded.id, other.id] }, () => undefined);
      expect(refused.ok).toBe(true);
      const plan = refused.ok ? (refused.value as { plan: { refused: { kind: string }[]; targets: unknown[] } }).plan : null;
      expect(plan?.refused).toEqual([expect.objectContaining({ kind: 'protected' })]);
      const writesBefore = tenant.stats().writes;
      const allowed = await dispatch(coreFunctions, ctx, 'deactivate.plan', { profileId: profile.id, inputs: [other.id] }, () => undefined);
      expect(allowed.ok && (allowed.value as { plan: { targets: unknown[]; refused: unknown[] } }).plan).toMatchObject({ refused: [], targets: [expect.anything()] });
      expect(tenant.stats().writes).toBe(writesBefore);
    } finally {
      await ctx.close();
    }
  });
});

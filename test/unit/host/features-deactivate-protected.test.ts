// A saved profile's break-glass list reaches the app's deactivation plan: a protected user is
// refused (the whole run), whoever asks and however the user is named, and running that plan
// anyway writes nothing.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreFunctions, createAppContext, dispatch, savedProfiles } from '../../../electron/core/app/index';
import { createProfileStore, tokenAccount } from '../../../electron/core/profiles/index';
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
    await vault.set(tokenAccount(profile), tenant.token);
    const ctx = createAppContext({ mode: 'browser', version: '1', emit: () => undefined, saveFile: async () => ({ saved: false, path: null }), profiles: savedProfiles(store, vault), dataDir: dir });
    try {
      const writesBefore = tenant.stats().writes;
      const refused = await dispatch(coreFunctions, ctx, 'deactivate.plan', { profileId: profile.id, inputs: [guarded.id, other.id] }, () => undefined);
      expect(refused.ok).toBe(true);
      const planned = refused.ok ? (refused.value as { planId: string; plan: { refused: { kind: string }[]; targets: { id: string }[] } }) : null;
      expect(planned?.plan.refused).toEqual([expect.objectContaining({ kind: 'protected' })]);
      // Running the refused plan anyway (a renderer that ignores the refusal) writes nothing.
      const run = await dispatch(coreFunctions, ctx, 'deactivate.execute', { planId: planned?.planId, operationId: 'guarded-run', confirmCount: planned?.plan.targets.length }, () => undefined);
      expect(run).toMatchObject({ ok: false, error: { code: 'refused-protected' } });
      expect(tenant.stats().writes).toBe(writesBefore);
      // No journal either: nothing was attempted.
      expect(existsSync(join(dir, 'journals')) ? readdirSync(join(dir, 'journals')) : []).toEqual([]);
      expect(tenant.store.get('Users', guarded.id)?.res.active).toBe(true);
      expect(tenant.store.get('Users', other.id)?.res.active).toBe(true);

      // Without the protected user the same profile plans and runs.
      const allowed = await dispatch(coreFunctions, ctx, 'deactivate.plan', { profileId: profile.id, inputs: [other.id] }, () => undefined);
      const plan = allowed.ok ? (allowed.value as { planId: string; plan: { targets: unknown[]; refused: unknown[] } }) : null;
      expect(plan?.plan).toMatchObject({ refused: [], targets: [expect.anything()] });
      const done = await dispatch(coreFunctions, ctx, 'deactivate.execute', { planId: plan?.planId, operationId: 'other-run', confirmCount: 1 }, () => undefined);
      expect(done).toMatchObject({ ok: true, value: { done: [expect.objectContaining({ id: other.id })], failed: [] } });
      expect(tenant.store.get('Users', other.id)?.res.active).toBe(false);
      expect(tenant.store.get('Users', guarded.id)?.res.active).toBe(true);
    } finally {
      await ctx.close();
    }
  });
});

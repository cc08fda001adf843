// The keychain vault against a REAL Secret Service. Run through the project's runner:
//   sh test/support/with-keyring.sh npx vitest run test/integration/vault
// Without a keyring these tests fail with the product's 'keychain-unavailable' message — nothing
// is skipped, so a CI machine without gnome-keyring cannot pass by accident.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import { createKeytarVault, VAULT_SERVICE, type Vault } from '../../../electron/core/vault';

// Each run gets its own service, so a run outside the throw-away keyring cannot touch real tokens.
const service = `scim-inspector-test-${process.pid}-${randomUUID().slice(0, 8)}`;
const vault: Vault = createKeytarVault({ service });
const id = (suffix: string) => `t-${suffix}`;

afterAll(async () => {
  for (const account of await vault.list()) await vault.delete(account);
});

describe('keytar vault on the real Secret Service', () => {
  it('stores, reads back, overwrites and deletes a token', async () => {
    await vault.set(id('a'), 'first-token-value-1234');
    expect(await vault.get(id('a'))).toBe('first-token-value-1234');
    await vault.set(id('a'), 'second-token-value-5678');
    expect(await vault.get(id('a'))).toBe('second-token-value-5678');
    expect(await vault.delete(id('a'))).toBe(true);
    expect(await vault.get(id('a'))).toBeNull();
    expect(await vault.delete(id('a'))).toBe(false);
  });

  it('lists exactly the profile ids that have a token', async () => {
    await vault.set(id('list-2'), 'token-two');
    await vault.set(id('list-1'), 'token-one');
    expect(await vault.list()).toEqual([id('list-1'), id('list-2')]);
    await vault.delete(id('list-1'));
    expect(await vault.list()).toEqual([id('list-2')]);
    await vault.delete(id('list-2'));
    expect(await vault.list()).toEqual([]);
  });

  it('round-trips unicode tokens unchanged', async () => {
    const token = 'tök€n-🔑-日本語-ñ\u0301';
    await vault.set(id('unicode'), token);
    expect(await vault.get(id('unicode'))).toBe(token);
    await vault.delete(id('unicode'));
  });

  it('round-trips a 4 KB token', async () => {
    const token = Array.from({ length: 4096 }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[(i * 7) % 64]).join('');
    await vault.set(id('big'), token);
    const back = await vault.get(id('big'));
    expect(back?.length).toBe(4096);
    expect(back).toBe(token);
    await vault.delete(id('big'));
  });

  it('keeps tokens per profile and per service apart', async () => {
    const other = createKeytarVault({ service: `${service}-other` });
    await vault.set(id('x'), 'token-x');
    await other.set(id('x'), 'token-other-x');
    expect(await vault.get(id('x'))).toBe('token-x');
    expect(await other.get(id('x'))).toBe('token-other-x');
    expect(await other.delete(id('x'))).toBe(true);
    await vault.delete(id('x'));
  });

  it('uses the keychain service "scim-inspector" by default', async () => {
    const account = `t-default-${randomUUID().slice(0, 8)}`;
    const byDefault = createKeytarVault();
    await byDefault.set(account, 'default-service-token');
    try {
      const keytar = (await import('keytar')).default;
      expect(await keytar.getPassword(VAULT_SERVICE, account)).toBe('default-service-token');
      expect(VAULT_SERVICE).toBe('scim-inspector');
    } finally {
      await byDefault.delete(account);
    }
  });

  it('refuses ids that are not profile ids before touching the keychain', async () => {
    await expect(vault.set('../etc', 'x')).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('keychain unavailable', () => {
  it('fails with a clear keychain-unavailable error when the session bus is missing', async () => {
    const child = fileURLToPath(new URL('./fixtures/vault-child.ts', import.meta.url));
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', child, `${service}-child`],
        { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/scim-inspector-test-bus' }, timeout: 25_000 },
        (error, out, err) => (error ? reject(new Error(`child failed: ${error.message} ${err}`)) : resolve(out)),
      );
    });
    const result = JSON.parse(stdout) as { ok: boolean; error?: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('keychain-unavailable');
    expect(result.error?.message).toMatch(/D-Bus session bus/);
    expect(result.error?.message).toMatch(/never stored anywhere else/);
  });

  it('fails with a clear error when the keytar module cannot be loaded', async () => {
    const missing = 'keytar-module-that-is-not-installed';
    const broken = createKeytarVault({ service, load: () => import(/* @vite-ignore */ missing) });
    const error: unknown = await broken.get(id('nope')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InspectorError);
    expect((error as InspectorError).code).toBe('keychain-unavailable');
    expect((error as InspectorError).message).toMatch(/keytar native module could not be loaded/);
  });
});

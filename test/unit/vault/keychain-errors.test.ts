import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import { createKeytarVault } from '../../../electron/core/vault';
import { keychainFailure } from '../../../electron/core/vault/keychain-errors';

describe('keychain failure messages', () => {
  it('names a missing Secret Service', () => {
    const e = keychainFailure(new Error('The name org.freedesktop.secrets was not provided by any .service files'), 'reading a token');
    expect(e.code).toBe('keychain-unavailable');
    expect(e.message).toMatch(/no Secret Service on the session bus — install gnome-keyring/);
    expect(e.details).toMatchObject({ missing: 'secret-service' });
  });

  it('names a missing session bus', () => {
    const e = keychainFailure(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'), 'reading a token');
    expect(e.details).toMatchObject({ missing: 'session-bus' });
  });

  it('names a locked keyring', () => {
    const e = keychainFailure(new Error('Cannot create an item in a locked collection'), 'storing a token');
    expect(e.message).toMatch(/locked/);
    expect(e.details).toMatchObject({ missing: 'unlocked-keyring' });
  });
});

describe('a keychain that never answers', () => {
  it('is declared unavailable after the probe timeout instead of hanging', async () => {
    // A binding whose calls never settle, standing in for keytar without a responsive daemon
    // (that hang cannot be produced on demand on a headless machine).
    const never = () => new Promise<never>(() => undefined);
    const vault = createKeytarVault({
      service: 'scim-inspector-test-hang',
      probeTimeoutMs: 50,
      load: async () => ({ getPassword: never, setPassword: never, deletePassword: never, findCredentials: never }),
    });
    const error: unknown = await vault.get('p1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InspectorError);
    expect((error as InspectorError).code).toBe('keychain-unavailable');
    expect((error as InspectorError).message).toMatch(/did not answer within 0\.1 s/);
  });

  it('retries the probe after a failure instead of caching it', async () => {
    let loads = 0;
    const vault = createKeytarVault({
      service: 'scim-inspector-test-retry',
      load: async () => {
        loads += 1;
        if (loads === 1) throw new Error('first load fails');
        return { getPassword: async () => null, setPassword: async () => undefined, deletePassword: async () => false, findCredentials: async () => [] };
      },
    });
    await expect(vault.get('p1')).rejects.toMatchObject({ code: 'keychain-unavailable' });
    expect(await vault.get('p1')).toBeNull();
    expect(loads).toBe(2);
  });
});

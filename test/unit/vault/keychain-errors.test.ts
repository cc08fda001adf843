import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import { createKeytarVault } from '../../../electron/core/vault';
import { bindingUnavailable, keychainFailure, keychainTimeout } from '../../../electron/core/vault/keychain-errors';

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

describe('what each platform message is classified as', () => {
  const cases: Array<[string, string]> = [
    ['Could not connect to the session bus', 'session-bus'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'session-bus'],
    ['DBUS_SESSION_BUS_ADDRESS is not set', 'session-bus'],
    ['Failed to connect to socket /run/user/1000/bus: Connection refused', 'session-bus'],
    ['no such file or directory', 'session-bus'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'secret-service'],
    ['GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name is not activatable', 'secret-service'],
    ['The name is not provided by any .service files', 'secret-service'],
    ['Secret Service is not available', 'secret-service'],
    ['Cannot create an item in a locked collection', 'unlocked-keyring'],
    ['The user dismissed the prompt', 'unlocked-keyring'],
    ['Operation was CANCELLED by the user', 'unlocked-keyring'],
    ['Access denied', 'unlocked-keyring'],
    ['This operation is not allowed', 'unlocked-keyring'],
    ['Something else went wrong', 'keychain'],
  ];
  it.each(cases)('%s -> %s', (text, missing) => {
    expect(keychainFailure(new Error(text), 'reading a token').details).toEqual({ missing, cause: text });
  });

  it('says what to do for each, what was being done, and that there is no fallback', () => {
    const advice: Record<string, string> = {
      'Cannot autolaunch D-Bus': 'there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset or points nowhere) — run inside a desktop session, or start one with dbus-run-session and gnome-keyring',
      'ServiceUnknown': 'no Secret Service on the session bus — install gnome-keyring (or KWallet) or use a desktop session',
      'locked': 'the keyring is locked or access was refused — unlock it (or accept the prompt) and retry',
      'boom': 'the keychain refused the request — check that your OS keychain works (e.g. with another app) and retry',
    };
    for (const [text, says] of Object.entries(advice)) {
      expect(keychainFailure(new Error(text), 'storing a token').message).toBe(
        `The OS keychain cannot be used while storing a token: ${says}. Tokens are never stored anywhere else. (${text})`,
      );
    }
  });

  it('quotes the cause on one line, at most 300 characters, also when it is not an Error', () => {
    const e = keychainFailure(`  first line\n\tsecond   line ${'x'.repeat(400)}  `, 'listing tokens');
    const cause = `first line second line ${'x'.repeat(400)}`.slice(0, 300);
    expect(e.details).toEqual({ missing: 'keychain', cause });
    expect(e.message.endsWith(`(${cause})`)).toBe(true);
    expect(keychainFailure(42, 'listing tokens').details).toEqual({ missing: 'keychain', cause: '42' });
  });
});

describe('keychain binding and timeout messages', () => {
  it('a binding that cannot be loaded names keytar, the cause and the way out', () => {
    const e = bindingUnavailable(new Error('Cannot find module\n  keytar'));
    expect(e.code).toBe('keychain-unavailable');
    expect(e.message).toBe(
      'The OS keychain cannot be used: the keytar native module could not be loaded (Cannot find module keytar). ' +
        'Reinstall the app, or run `npm rebuild keytar` in a source checkout. Tokens are never stored anywhere else.',
    );
    expect(e.details).toEqual({ missing: 'keytar', cause: 'Cannot find module keytar' });
  });

  it('a keychain that does not answer in time names the wait in seconds and what was being done', () => {
    const e = keychainTimeout('reading a token', 5_000);
    expect(e.code).toBe('keychain-unavailable');
    expect(e.message).toBe(
      'The OS keychain did not answer within 5 s while reading a token. ' +
        'Unlock your keyring (or check that the Secret Service daemon, e.g. gnome-keyring, is running) and retry.',
    );
    expect(e.details).toEqual({ missing: 'answer', timeoutMs: 5_000 });
    expect(keychainTimeout('storing a token', 1_250).message).toMatch(/within 1\.3 s while storing a token/);
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

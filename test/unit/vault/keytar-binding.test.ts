// The keychain vault's handling of its binding: how keytar is found in the loaded module, that the
// keychain is probed once, which service and account each call uses, what a failure says, and that
// nothing reaches the keychain for input it would refuse. A recording binding stands in for keytar
// here (through the vault's `load` option); the real Secret Service is in
// test/integration/vault/keytar-vault.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeytarVault } from '../../../electron/core/vault';

const PROBE = '__scim-inspector-probe__';

type Call = [method: string, ...args: unknown[]];

/** A keytar-shaped binding over a Map, recording every call; `fail` makes one method throw. */
function recordingBinding(fail: Partial<Record<string, Error>> = {}) {
  const calls: Call[] = [];
  const store = new Map<string, string>();
  const key = (service: string, account: string) => `${service}\u0000${account}`;
  const failing = (method: string) => {
    const error = fail[method];
    if (error) throw error;
  };
  const api = {
    async getPassword(service: string, account: string) {
      calls.push(['getPassword', service, account]);
      if (account !== PROBE) failing('getPassword');
      else failing('probe');
      return store.get(key(service, account)) ?? null;
    },
    async setPassword(service: string, account: string, password: string) {
      calls.push(['setPassword', service, account, password]);
      failing('setPassword');
      store.set(key(service, account), password);
    },
    async deletePassword(service: string, account: string) {
      calls.push(['deletePassword', service, account]);
      failing('deletePassword');
      return store.delete(key(service, account));
    },
    async findCredentials(service: string) {
      calls.push(['findCredentials', service]);
      failing('findCredentials');
      return [...store]
        .filter(([k]) => k.startsWith(`${service}\u0000`))
        .map(([k, password]) => ({ account: k.slice(service.length + 1), password }));
    },
  };
  return { api, calls, store: (service: string, account: string, password: string) => store.set(key(service, account), password) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('finding keytar in the loaded module', () => {
  it('uses the functions on the module itself or on its default export', async () => {
    for (const shape of ['module', 'default'] as const) {
      const binding = recordingBinding();
      const vault = createKeytarVault({ service: 'svc', load: async () => (shape === 'module' ? binding.api : { default: binding.api }) });
      await vault.set('p1', 'token-1');
      expect(await vault.get('p1')).toBe('token-1');
    }
  });

  it('refuses a module without all four keychain functions, saying what it lacks', async () => {
    const { api } = recordingBinding();
    const partial = { getPassword: api.getPassword, setPassword: api.setPassword, deletePassword: api.deletePassword };
    for (const mod of [null, undefined, 'keytar', 42, {}, partial, { default: partial }, { default: null }]) {
      const vault = createKeytarVault({ service: 'svc', load: async () => mod });
      const error: unknown = await vault.get('p1').catch((e: unknown) => e);
      expect(error, JSON.stringify(mod)).toMatchObject({
        code: 'keychain-unavailable',
        details: { missing: 'keytar', cause: 'the module does not export getPassword/setPassword/deletePassword/findCredentials' },
      });
    }
  });
});

describe('a binding that cannot be loaded', () => {
  it('is reported with the loader\'s reason, and loading is tried again on the next call', async () => {
    let loads = 0;
    const vault = createKeytarVault({
      service: 'svc',
      load: async () => {
        loads += 1;
        throw new Error('keytar.node was compiled against a different Node.js version');
      },
    });
    for (const call of [() => vault.get('p1'), () => vault.list()]) {
      await expect(call()).rejects.toMatchObject({
        code: 'keychain-unavailable',
        details: { missing: 'keytar', cause: 'keytar.node was compiled against a different Node.js version' },
      });
    }
    expect(loads).toBe(2);
  });
});

describe('calls to the keychain', () => {
  it('loads and probes the keychain once, then sends each call to its service and account', async () => {
    const binding = recordingBinding();
    let loads = 0;
    const vault = createKeytarVault({
      service: 'svc',
      load: async () => {
        loads += 1;
        return binding.api;
      },
    });
    await vault.set('p1', 'token-1');
    expect(await vault.get('p1')).toBe('token-1');
    expect(await vault.list()).toEqual(['p1']);
    expect(await vault.delete('p1')).toBe(true);
    expect(loads).toBe(1);
    expect(binding.calls).toEqual([
      ['getPassword', 'svc', PROBE],
      ['setPassword', 'svc', 'p1', 'token-1'],
      ['getPassword', 'svc', 'p1'],
      ['findCredentials', 'svc'],
      ['deletePassword', 'svc', 'p1'],
    ]);
  });

  it('lists account names only, sorted, without the probe account', async () => {
    const binding = recordingBinding();
    binding.store('svc', 'zeta', 'secret-z');
    binding.store('svc', PROBE, 'whatever');
    binding.store('svc', 'alpha', 'secret-a');
    binding.store('svc', 'mid.token@local', 'secret-m');
    const vault = createKeytarVault({ service: 'svc', load: async () => binding.api });
    expect(await vault.list()).toEqual(['alpha', 'mid.token@local', 'zeta']);
  });

  it('says which call failed and why, for the probe and each operation', async () => {
    const cases: Array<[string, (v: ReturnType<typeof createKeytarVault>) => Promise<unknown>, string]> = [
      ['probe', (v) => v.get('p1'), 'checking that the keychain answers'],
      ['getPassword', (v) => v.get('p1'), 'reading a token'],
      ['setPassword', (v) => v.set('p1', 'token'), 'storing a token'],
      ['deletePassword', (v) => v.delete('p1'), 'deleting a token'],
      ['findCredentials', (v) => v.list(), 'listing tokens'],
    ];
    for (const [method, call, what] of cases) {
      const binding = recordingBinding({ [method]: new Error('Cannot create an item in a locked collection') });
      const vault = createKeytarVault({ service: 'svc', load: async () => binding.api });
      const error: unknown = await call(vault).catch((e: unknown) => e);
      expect(error, method).toMatchObject({
        code: 'keychain-unavailable',
        message: expect.stringContaining(`while ${what}: the keyring is locked`),
        details: { missing: 'unlocked-keyring' },
      });
    }
  });

  it('bounds every call after the probe by the operation timeout', async () => {
    const binding = recordingBinding();
    const never = () => new Promise<never>(() => undefined);
    const vault = createKeytarVault({ service: 'svc', operationTimeoutMs: 100, load: async () => ({ ...binding.api, setPassword: never }) });
    await expect(vault.set('p1', 'token')).rejects.toMatchObject({
      code: 'keychain-unavailable',
      message: expect.stringMatching(/did not answer within 0\.1 s while storing a token/),
      details: { missing: 'answer', timeoutMs: 100 },
    });
  });

  it('keeps no timer holding the process open, neither while a call waits nor after it answered', async () => {
    // A keychain that never answers must not keep a CLI process alive; a call that answered must
    // not leave its time limit behind.
    const binding = recordingBinding();
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const clearTimeoutSpy = vi.spyOn(globalThis, 'clearTimeout');
    let answer: (value: string | null) => void = () => undefined;
    let asked: () => void = () => undefined;
    const askedPromise = new Promise<void>((resolve) => {
      asked = resolve;
    });
    const vault = createKeytarVault({
      service: 'svc',
      probeTimeoutMs: 4_321,
      operationTimeoutMs: 8_765,
      load: async () => ({
        ...binding.api,
        getPassword: (service: string, account: string) => {
          if (account === PROBE) return Promise.resolve(null);
          asked();
          return new Promise<string | null>((resolve) => {
            answer = resolve;
          });
        },
      }),
    });
    const reading = vault.get('p1');
    await askedPromise;
    // The probe's time limit and this call's (told apart from any other timer by their delays).
    const timers = setTimeoutSpy.mock.calls.flatMap(([, delay], i) => (delay === 4_321 || delay === 8_765 ? [setTimeoutSpy.mock.results[i]?.value as NodeJS.Timeout] : []));
    expect(setTimeoutSpy.mock.calls.map(([, delay]) => delay).filter((d) => d === 4_321 || d === 8_765)).toEqual([4_321, 8_765]);
    for (const timer of timers) expect(timer.hasRef()).toBe(false);
    answer('token-1');
    expect(await reading).toBe('token-1');
    const cleared = new Set(clearTimeoutSpy.mock.calls.map(([timer]) => timer));
    for (const timer of timers) expect(cleared.has(timer)).toBe(true);
  });
});

describe('input the keychain would refuse never reaches it', () => {
  it('refuses an empty token and bad account names before loading the keychain', async () => {
    let loads = 0;
    const vault = createKeytarVault({
      service: 'svc',
      load: async () => {
        loads += 1;
        return recordingBinding().api;
      },
    });
    await expect(vault.set('p1', '')).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/Refusing to store an empty token/) });
    await expect(vault.set('p1', 42 as unknown as string)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(vault.set('../p1', 'token')).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(vault.get('../p1')).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(vault.delete('../p1')).rejects.toMatchObject({ code: 'invalid-input' });
    expect(loads).toBe(0);
  });

  it('refuses an empty service name', () => {
    expect(() => createKeytarVault({ service: '' })).toThrow(
      expect.objectContaining({ code: 'invalid-input', message: 'The keychain service name must not be empty.' }),
    );
  });
});

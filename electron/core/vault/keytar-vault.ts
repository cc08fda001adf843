// The Vault on the OS keychain through keytar (Keychain on macOS, Credential Vault on Windows,
// Secret Service on Linux). keytar is loaded lazily: a missing or broken native module, or a
// machine without a keychain, must not stop the app from starting — only token use fails, with
// 'keychain-unavailable'. Never a plaintext fallback.

import { InspectorError } from '../../../shared/errors';
import { bindingUnavailable, keychainFailure, keychainTimeout } from './keychain-errors';
import { assertProfileId, VAULT_SERVICE, type Vault } from './vault';

/** The four keytar calls we use. */
interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export interface KeytarVaultOptions {
  /** Keychain service name; default 'scim-inspector'. Tests use their own to stay isolated. */
  service?: string;
  /** How long the first (probe) call may take before the keychain is declared unavailable. */
  probeTimeoutMs?: number;
  /** Bound on every later call; the keychain may show an unlock prompt, so this is generous. */
  operationTimeoutMs?: number;
  /** Loads the binding; default `import('keytar')`. Lets a test load a module that is not there. */
  load?: () => Promise<unknown>;
}

const PROBE_ACCOUNT = '__scim-inspector-probe__';

function asKeytar(mod: unknown): KeytarApi | null {
  const candidates = [mod, typeof mod === 'object' && mod !== null ? (mod as { default?: unknown }).default : undefined];
  for (const c of candidates) {
    if (typeof c !== 'object' || c === null) continue;
    const k = c as Record<string, unknown>;
    if (['getPassword', 'setPassword', 'deletePassword', 'findCredentials'].every((f) => typeof k[f] === 'function')) {
      return c as KeytarApi;
    }
  }
  return null;
}

/** Resolves with the call's result, or rejects with keychain-unavailable after timeoutMs. */
async function bounded<T>(call: () => Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(keychainTimeout(what, timeoutMs)), timeoutMs);
    // A keychain that never answers must not keep a CLI process alive on its own.
    timer.unref();
  });
  try {
    return await Promise.race([
      (async () => {
        try {
          return await call();
        } catch (error) {
          throw keychainFailure(error, what);
        }
      })(),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function createKeytarVault(options: KeytarVaultOptions = {}): Vault {
  const service = options.service ?? VAULT_SERVICE;
  const probeTimeoutMs = options.probeTimeoutMs ?? 5_000;
  const operationTimeoutMs = options.operationTimeoutMs ?? 60_000;
  const load = options.load ?? (() => import('keytar'));
  if (service.length === 0) throw new InspectorError('invalid-input', 'The keychain service name must not be empty.');

  let ready: Promise<KeytarApi> | null = null;

  async function open(): Promise<KeytarApi> {
    let mod: unknown;
    try {
      mod = await load();
    } catch (error) {
      throw bindingUnavailable(error);
    }
    const keytar = asKeytar(mod);
    if (!keytar) throw bindingUnavailable(new Error('the module does not export getPassword/setPassword/deletePassword/findCredentials'));
    // One cheap read proves there is a keychain that answers; without a daemon keytar can hang.
    await bounded(() => keytar.getPassword(service, PROBE_ACCOUNT), probeTimeoutMs, 'checking that the keychain answers');
    return keytar;
  }

  function api(): Promise<KeytarApi> {
    // A failed probe is not cached: the admin may unlock the keyring or start the daemon and retry.
    ready ??= open().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  }

  return {
    async get(profileId) {
      assertProfileId(profileId);
      const k = await api();
      return bounded(() => k.getPassword(service, profileId), operationTimeoutMs, 'reading a token');
    },
    async set(profileId, token) {
      assertProfileId(profileId);
      if (typeof token !== 'string' || token.length === 0) {
        throw new InspectorError('invalid-input', 'Refusing to store an empty token; paste the bearer token your SCIM provider issued.');
      }
      const k = await api();
      await bounded(() => k.setPassword(service, profileId, token), operationTimeoutMs, 'storing a token');
    },
    async delete(profileId) {
      assertProfileId(profileId);
      const k = await api();
      return bounded(() => k.deletePassword(service, profileId), operationTimeoutMs, 'deleting a token');
    },
    async list() {
      const k = await api();
      const found = await bounded(() => k.findCredentials(service), operationTimeoutMs, 'listing tokens');
      // findCredentials hands back the secrets too; keep only the account names.
      return found.map((c) => c.account).filter((a) => a !== PROBE_ACCOUNT).sort();
    },
  };
}

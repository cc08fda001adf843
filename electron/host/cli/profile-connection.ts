// --profile NAME: the saved profile (URL, headers, read-only flag, paging) from the profile store,
// with the token read from the OS keychain at the moment each request is built. Loaded lazily so
// commands that do not use a profile never touch conf or the keychain binding.

import { InspectorError } from '../../../shared/errors';
import type { ObservedFacts } from '../../../shared/observed';
import type { ConnectionOptions } from '../../core/scim/types';
import type { ProxySettings, SecretKind, TlsSettings } from '../../core/profiles/types';
import { sourcesFrom } from './auth-flags';

/** --proxy, --ca-file… given beside --profile: they replace the profile's own settings. */
export interface NetworkOverrides {
  proxy?: ProxySettings;
  tls?: TlsSettings;
  sources: Map<SecretKind, () => string>;
}

export interface ProfileConnection {
  options: ConnectionOptions;
  /** The profile's stored name (as saved, whatever case was typed). */
  name: string;
  /** Records what the behaviour probe saw this profile's server do (with its date). */
  recordObserved(facts: ObservedFacts): void;
}

export async function resolveProfile(name: string, env: NodeJS.ProcessEnv, network: NetworkOverrides = { sources: new Map() }): Promise<ProfileConnection> {
  if (name.trim() === '') throw new InspectorError('usage', '--profile needs the name of a saved profile (see `scim-inspector profiles list`).');
  const { connectionOptionsFor, createProfileStore, keychainSources, userDataDir } = await import('../../core/profiles/index');
  const { createKeytarVault } = await import('../../core/vault/index');
  const store = createProfileStore({ dir: userDataDir(env) });
  const saved = store.getByName(name.trim());
  // Flags win over the profile's proxy and TLS files; its keychain secrets stay bound to where
  // the profile sends them (a proxy password is not sent to a proxy given by flag).
  const profile = { ...saved, ...(network.proxy ? { proxy: network.proxy } : {}), ...(network.tls ? { tls: { ...saved.tls, ...network.tls } } : {}) };
  const vault = createKeytarVault();
  // The keychain is only opened when the first request needs a secret.
  return { options: connectionOptionsFor(profile, vault, {}, sourcesFrom(network.sources, keychainSources(profile, vault))), name: profile.name, recordObserved: (facts) => void store.setObserved(saved.id, facts) };
}

// --profile NAME: the saved profile (URL, headers, read-only flag, paging) from the profile store,
// with the token read from the OS keychain at the moment each request is built. Loaded lazily so
// commands that do not use a profile never touch conf or the keychain binding.

import { InspectorError } from '../../../shared/errors';
import type { ObservedFacts } from '../../../shared/observed';
import type { ConnectionOptions } from '../../core/scim/types';

export interface ProfileConnection {
  options: ConnectionOptions;
  /** The profile's stored name (as saved, whatever case was typed). */
  name: string;
  /** Records what the behaviour probe saw this profile's server do (with its date). */
  recordObserved(facts: ObservedFacts): void;
}

export async function resolveProfile(name: string, env: NodeJS.ProcessEnv): Promise<ProfileConnection> {
  if (name.trim() === '') throw new InspectorError('usage', '--profile needs the name of a saved profile (see `scim-inspector profiles list`).');
  const { connectionOptionsFor, createProfileStore, userDataDir } = await import('../../core/profiles/index');
  const { createKeytarVault } = await import('../../core/vault/index');
  const store = createProfileStore({ dir: userDataDir(env) });
  const profile = store.getByName(name.trim());
  // The keychain is only opened when the first request needs the token.
  return { options: connectionOptionsFor(profile, createKeytarVault()), name: profile.name, recordObserved: (facts) => void store.setObserved(profile.id, facts) };
}

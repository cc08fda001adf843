// Saved profiles (profiles.json + the OS keychain) as the sessions see them: a list of names for
// the renderer and ConnectionOptions whose token is read from the keychain per request. Nothing
// here returns a token.

import type { ProfileStore } from '../profiles/store';
import { connectionOptionsFor } from '../profiles/connection';
import type { ConnectionOptions } from '../scim/types';
import type { Vault } from '../vault/index';

export interface SavedProfiles {
  list(): { id: string; name: string; builtIn: false }[];
  resolve(profileId: string): Promise<ConnectionOptions>;
  /** The store and vault themselves, for the profile channels (add, edit, set-token, test). */
  readonly store: ProfileStore;
  readonly vault: Vault;
}

export function savedProfiles(store: ProfileStore, vault: Vault): SavedProfiles {
  return {
    store,
    vault,
    list: () => store.list().map((p) => ({ id: p.id, name: p.name, builtIn: false as const })),
    resolve: async (profileId) => connectionOptionsFor(store.get(profileId), vault),
  };
}

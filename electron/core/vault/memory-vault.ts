// A Vault held only in this process's memory, for the sandbox tenant (its demo token is not a
// secret) and for other areas' tests that need a Vault but are not testing the keychain. It is
// never chosen automatically when the keychain is missing: that case refuses with
// 'keychain-unavailable'. Nothing here touches the disk.

import { assertProfileId, type Vault } from './vault';

export function createMemoryVault(initial: Record<string, string> = {}): Vault {
  const tokens = new Map<string, string>(Object.entries(initial));
  return {
    async get(profileId) {
      assertProfileId(profileId);
      return tokens.get(profileId) ?? null;
    },
    async set(profileId, token) {
      assertProfileId(profileId);
      tokens.set(profileId, token);
    },
    async delete(profileId) {
      assertProfileId(profileId);
      return tokens.delete(profileId);
    },
    async list() {
      return [...tokens.keys()].sort();
    },
  };
}

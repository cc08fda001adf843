// The one seam between the product and an OS keychain. Everything that needs a token goes through
// this interface, so a later move to another keychain binding (safeStorage, a different native
// module) is one new file. Implementations refuse when no keychain is available; there is no
// plaintext fallback anywhere in the product.

import { InspectorError } from '../../../shared/errors';

/** Keychain service name under which every profile token is stored (design/cli.md). */
export const VAULT_SERVICE = 'scim-inspector';

export interface Vault {
  /** The token stored for the profile, or null when none is stored. */
  get(profileId: string): Promise<string | null>;
  /** Stores (or overwrites) the profile's token. */
  set(profileId: string, token: string): Promise<void>;
  /** Removes the profile's token; false when there was none. */
  delete(profileId: string): Promise<boolean>;
  /** Profile ids that have a token stored. */
  list(): Promise<string[]>;
}

const PROFILE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Keychain accounts are profile ids; anything else is a programming error upstream. */
export function assertProfileId(profileId: unknown): asserts profileId is string {
  if (typeof profileId !== 'string' || !PROFILE_ID.test(profileId)) {
    throw new InspectorError('invalid-input', 'A profile id must be 1-64 letters, digits, "-" or "_"; pick the profile by its id from the profile list.');
  }
}

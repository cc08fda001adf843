// The one seam between the product and an OS keychain. Everything that needs a token goes through
// this interface, so a later move to another keychain binding (safeStorage, a different native
// module) is one new file. Implementations refuse when no keychain is available; there is no
// plaintext fallback anywhere in the product.

import { InspectorError } from '../../../shared/errors';

/** Keychain service name under which every profile token is stored (design/cli.md). */
export const VAULT_SERVICE = 'scim-inspector';

/**
 * Accounts are `<profile id>.<secret>@<origin>` (token, password, client-secret, header.x-api-key…
 * and the origin the secret is given for; see profiles/secrets.ts), or a bare profile id for a
 * token stored before secrets were bound to an origin.
 */
export interface Vault {
  /** The secret stored under the account, or null when none is stored. */
  get(account: string): Promise<string | null>;
  /** Stores (or overwrites) the account's secret. */
  set(account: string, secret: string): Promise<void>;
  /** Removes the account's secret; false when there was none. */
  delete(account: string): Promise<boolean>;
  /** Accounts that have a secret stored. */
  list(): Promise<string[]>;
}

const ACCOUNT = /^[A-Za-z0-9_-]{1,64}(\.[!#$%&'*+.^_`|~0-9a-z-]{1,100}@(https?:\/\/[A-Za-z0-9.:[\]-]{1,300}|local))?$/;

/** Keychain accounts are profile ids (and their secrets); anything else is a programming error upstream. */
export function assertProfileId(account: unknown): asserts account is string {
  if (typeof account !== 'string' || !ACCOUNT.test(account)) {
    throw new InspectorError('invalid-input', 'A profile id must be 1-64 letters, digits, "-" or "_"; pick the profile by its id from the profile list.');
  }
}

// What a saved connection profile is. The token is NOT part of it: it lives only in the OS
// keychain (electron/core/vault), keyed by the profile id; the profile keeps only when it was set.

export const VENDOR_HINTS = ['rfc', 'mindtickle', 'lettermint', 'mittr', 'entra', 'generic'] as const;
export type VendorHint = (typeof VENDOR_HINTS)[number];

export interface Profile {
  /** Stable id (keychain account name); never changes when the profile is renamed. */
  id: string;
  /** Unique (case-insensitively) name the admin picks, e.g. "prod-mindtickle". */
  name: string;
  /** Base URL of the SCIM service, http(s) only, https unless loopback. */
  baseUrl: string;
  /** Extra request headers (never Authorization: the token comes from the keychain). */
  headers: Record<string, string>;
  /** Every write is refused in the core for read-only profiles. */
  readOnly: boolean;
  pageSize?: number;
  concurrency?: number;
  vendor: VendorHint;
  /** Break-glass accounts (userName or id) that are never deactivated through this profile. */
  protectedUsers: string[];
  /** ISO time the current token was stored in the keychain. */
  tokenSetAt?: string;
  createdAt: string;
  updatedAt: string;
}

/** What an admin supplies to create a profile; the rest is filled in. */
export interface ProfileInput {
  name: string;
  baseUrl: string;
  headers?: Record<string, string>;
  readOnly?: boolean;
  pageSize?: number;
  concurrency?: number;
  vendor?: VendorHint;
  protectedUsers?: string[];
}

/** Fields an update may change (id, timestamps and tokenSetAt are managed by the store). */
export type ProfilePatch = Partial<ProfileInput>;

/** Version of the profiles.json document; bump it with a migration in migrate.ts. */
export const PROFILES_SCHEMA_VERSION = 2;

export interface ProfilesDocument {
  schemaVersion: typeof PROFILES_SCHEMA_VERSION;
  profiles: Profile[];
}

import type { ObservedFacts } from '../../../shared/observed';
import type { AuthFields, ProxyFields } from '../../../shared/channels/profiles';

// What a saved connection profile is. The token is NOT part of it: it lives only in the OS
// keychain (electron/core/vault), keyed by the profile id; the profile keeps only when it was set.

export const VENDOR_HINTS = ['rfc', 'mindtickle', 'lettermint', 'mittr', 'entra', 'generic'] as const;
export type VendorHint = (typeof VENDOR_HINTS)[number];

export const AUTH_SCHEMES = ['bearer', 'basic', 'oauth2', 'api-key'] as const;
export type AuthScheme = (typeof AUTH_SCHEMES)[number];

/**
 * How requests are authenticated (the channel contract's AuthFields). The secrets (token,
 * password, client secret) are never here: they live in the OS keychain. api-key sends no
 * Authorization header, only secretHeaders.
 */
export type AuthSettings = AuthFields;

/** environment: HTTPS_PROXY / HTTP_PROXY / NO_PROXY as curl reads them; none: direct; url: this proxy. */
export type ProxySettings = ProxyFields;

/** PEM files (paths) for a private CA added to the system ones, and a client certificate. */
export interface TlsSettings {
  caFile?: string;
  clientCertFile?: string;
  clientKeyFile?: string;
}

/** What a keychain entry of a profile holds (account `<profile id>.<kind>@<origin>`, secrets.ts). */
export type SecretKind = 'token' | 'password' | 'client-secret' | 'proxy-password' | 'key-passphrase' | `header:${string}`;

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
  /** A production tenant: the app shows a colour band and a "Production" badge while it is open. */
  production?: boolean;
  pageSize?: number;
  concurrency?: number;
  vendor: VendorHint;
  /** Break-glass accounts (userName or id) that are never deactivated through this profile. */
  protectedUsers: string[];
  /** ISO time the current token was stored in the keychain. */
  tokenSetAt?: string;
  /** Schema 3; absent means bearer. */
  auth?: AuthSettings;
  /** Schema 3: names of headers whose values (API keys) are in the keychain, sent on every request. */
  secretHeaders?: string[];
  /** Schema 3; absent means environment. */
  proxy?: ProxySettings;
  /** Schema 3; absent means the system CAs and no client certificate. */
  tls?: TlsSettings;
  /**
   * Schema 3: the origin a token stored before schema 3 (keychain account = the bare profile id)
   * was given for. Newer secrets carry their origin in the keychain account name itself.
   */
  legacyTokenOrigin?: string;
  /** What the behaviour probe last saw this server do, with its date (dropped when baseUrl changes). */
  observed?: ObservedFacts;
  createdAt: string;
  updatedAt: string;
}

/** What an admin supplies to create a profile; the rest is filled in. */
export interface ProfileInput {
  name: string;
  baseUrl: string;
  headers?: Record<string, string>;
  readOnly?: boolean;
  production?: boolean;
  pageSize?: number;
  concurrency?: number;
  vendor?: VendorHint;
  protectedUsers?: string[];
  auth?: AuthSettings;
  secretHeaders?: string[];
  proxy?: ProxySettings;
  tls?: TlsSettings;
}

/** Fields an update may change (id, timestamps and tokenSetAt are managed by the store). */
export type ProfilePatch = Partial<ProfileInput>;

/** Version of the profiles.json document; bump it with a migration in migrate.ts. */
export const PROFILES_SCHEMA_VERSION = 3;

export interface ProfilesDocument {
  schemaVersion: typeof PROFILES_SCHEMA_VERSION;
  profiles: Profile[];
}

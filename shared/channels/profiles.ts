// Channels of saved profiles, tokens (write-only), test connection. Each entry: 'feature.method': channel<Response>()(parse).
// Spread into CHANNELS in shared/channels.ts; implementations in electron/core/app/features/profiles.ts.
// Nothing answered here ever holds a token: the renderer learns hasToken, length, last 4 and when.

import type { ObservedFacts } from '../observed';
import type { AppError } from '../errors';
import type { Capabilities } from '../scim';
import { noInput, record, requiredString } from '../channel-guards';
import { InspectorError } from '../errors';
import { channel, type ChannelDef } from '../channel-def';

/** Same list as the core's VENDOR_HINTS (the core checks the two agree at compile time). */
export const PROFILE_VENDORS = ['rfc', 'mindtickle', 'lettermint', 'mittr', 'entra', 'generic'] as const;
export type ProfileVendor = (typeof PROFILE_VENDORS)[number];

/** How a profile authenticates (its secrets live in the OS keychain, never here). */
export type AuthFields =
  | { scheme: 'bearer' }
  | { scheme: 'basic'; username: string }
  | { scheme: 'oauth2'; tokenUrl: string; clientId: string; scope?: string; clientAuth: 'basic' | 'post' }
  | { scheme: 'api-key' };

/** environment: HTTPS_PROXY / HTTP_PROXY / NO_PROXY as curl reads them; none: direct. */
export type ProxyFields = { mode: 'environment' } | { mode: 'none' } | { mode: 'url'; url: string; username?: string };

/** A TLS file of a profile as the page may see it: its name (not its path) and certificate. */
export interface TlsFileInfo {
  fileName: string;
  certificate: CertificateSummary | null;
  /** Why the file cannot be used now (missing, not PEM), or null. */
  problem: string | null;
}

/** Whether one of the secrets the profile's settings need is in the keychain. */
export interface SecretState {
  kind: 'token' | 'password' | 'client-secret' | 'proxy-password' | 'key-passphrase' | `header:${string}`;
  label: string;
  stored: boolean;
}

/** What the renderer may know about a stored token. */
export interface ProfileTokenInfo {
  hasToken: boolean;
  length: number | null;
  last4: string | null;
  setAt: string | null;
}

/** connected: the last test/discovery passed; unauthorized: the server answered 401. */
export type ProfileStatus = 'connected' | 'token-missing' | 'unauthorized' | 'failed' | 'unknown';

export interface ProfileHeader {
  name: string;
  /** "[redacted]" when the name looks like a credential (api key, secret, token...). */
  value: string;
  redacted: boolean;
}

export interface ProfileSummary {
  id: string;
  name: string;
  /** The built-in demo sandbox: listed first, cannot be edited or removed. */
  builtIn: boolean;
  baseUrl: string;
  vendor: ProfileVendor;
  readOnly: boolean;
  /** Marked as a production tenant: shown with a colour band and a "Production" badge. */
  production: boolean;
  headers: ProfileHeader[];
  pageSize: number | null;
  concurrency: number | null;
  protectedUsers: string[];
  /** Null when the keychain could not be asked (see ProfileList.keychainError). */
  token: ProfileTokenInfo | null;
  auth: AuthFields;
  /** Headers whose values (API keys) are keychain secrets. */
  secretHeaders: string[];
  proxy: ProxyFields;
  tls: { ca: TlsFileInfo | null; clientCert: TlsFileInfo | null; clientKey: TlsFileInfo | null };
  /** The secrets the settings need besides the bearer token, and whether each is stored. */
  secrets: SecretState[];
  status: ProfileStatus;
  /** Why the status is what it is (the last test's error message), if anything. */
  statusDetail: string | null;
  /** What the behaviour probe last saw this server do (Test connection records it); null: never probed. */
  observed: ObservedFacts | null;
}

export interface ProfileList {
  profiles: ProfileSummary[];
  /** E.g. that profiles.json was corrupt and backed up; shown above the list. */
  notices: string[];
  /** keychain-unavailable (or similar) when token state could not be read. */
  keychainError: AppError | null;
}

/** The editor's fields. In an update, absent = unchanged and null pageSize/concurrency = default. */
export interface ProfileFields {
  name?: string;
  baseUrl?: string;
  /** A "[redacted]" value keeps the stored value of that header. */
  headers?: Record<string, string>;
  readOnly?: boolean;
  production?: boolean;
  pageSize?: number | null;
  concurrency?: number | null;
  vendor?: ProfileVendor;
  protectedUsers?: string[];
  /** null: back to bearer. */
  auth?: AuthFields | null;
  secretHeaders?: string[] | null;
  /** null: back to the environment proxy. */
  proxy?: ProxyFields | null;
}

export interface TokenSetResult {
  profileId: string;
  token: ProfileTokenInfo;
  /** E.g. 'Removed a leading "Bearer "...'. */
  notices: string[];
}

export interface CapabilityRowInfo {
  key: keyof Capabilities;
  label: string;
  value: string;
}

/** A certificate as "Test connection" shows it. */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  fingerprint256: string;
}

/** How the connection authenticated; never a secret. */
export interface AuthDetails {
  scheme: 'bearer' | 'basic' | 'oauth2' | 'api-key';
  /** Basic: the user name. */
  username?: string;
  /** API-key header names (values never). */
  headerNames?: string[];
  oauth?: {
    tokenUrl: string;
    clientId: string;
    clientAuth: 'basic' | 'post';
    requestedScope: string | null;
    /** The token endpoint's `scope`, else the scope asked for. */
    grantedScope: string | null;
    /** expires_in of the current token (null: the endpoint did not say). */
    lifetimeSeconds: number | null;
    expiresAt: string | null;
    tokensIssued: number;
  };
}

/** Which proxy and which CAs / client certificate the connection used. */
export interface NetworkDetails {
  proxyMode: 'environment' | 'none' | 'url';
  /** The proxy the last request went through (origin), or null for a direct connection. */
  proxyUsed: string | null;
  /** Certificates added to the system CAs (empty: the system CAs only). */
  addedCas: CertificateSummary[];
  clientCertificate: CertificateSummary | null;
}

export interface ConnectionDetails {
  auth: AuthDetails;
  network: NetworkDetails;
}

export interface ConnectionTestResult {
  profileId: string;
  ok: boolean;
  status: ProfileStatus;
  capabilities: Capabilities | null;
  table: CapabilityRowInfo[];
  roundTripMs: number;
  warnings: string[];
  baseUrl: string | null;
  error: AppError | null;
  /** The scheme, proxy and CAs used (null when the connection could not be opened). */
  connection?: ConnectionDetails | null;
  /** What the read-only behaviour probe saw this server do (recorded in the profile); null if it did not run. */
  observed: ObservedFacts | null;
}

const PROFILE_ID = /^[A-Za-z0-9_-]{1,64}$/;

function fail(field: string, what: string): InspectorError {
  return new InspectorError('invalid-input', `The profile field "${field}" must be ${what}.`, { field });
}

function optionalCount(value: unknown, field: string): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10_000) throw fail(field, 'a whole number from 1 to 10000, or empty');
  return value;
}

/** Shape checks only; the core's validateProfileInput decides what is allowed (URL rules etc.). */
export function parseProfileFields(input: unknown): ProfileFields {
  const r = record(input, 'profile');
  const out: ProfileFields = {};
  for (const key of Object.keys(r)) {
    if (key === 'token') throw new InspectorError('invalid-input', 'A token is never part of a profile; use the token field, which stores it in the OS keychain.');
  }
  if (r.name !== undefined) out.name = requiredString(r.name, 'name');
  if (r.baseUrl !== undefined) out.baseUrl = requiredString(r.baseUrl, 'baseUrl');
  if (r.headers !== undefined) {
    const h = record(r.headers, 'headers');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(h)) {
      if (typeof value !== 'string') throw fail(`headers.${name.slice(0, 40)}`, 'text');
      headers[name] = value;
    }
    out.headers = headers;
  }
  if (r.readOnly !== undefined) {
    if (typeof r.readOnly !== 'boolean') throw fail('readOnly', 'true or false');
    out.readOnly = r.readOnly;
  }
  if (r.production !== undefined) {
    if (typeof r.production !== 'boolean') throw fail('production', 'true or false');
    out.production = r.production;
  }
  const pageSize = optionalCount(r.pageSize, 'pageSize');
  if (pageSize !== undefined) out.pageSize = pageSize;
  const concurrency = optionalCount(r.concurrency, 'concurrency');
  if (concurrency !== undefined) out.concurrency = concurrency;
  if (r.vendor !== undefined) {
    if (typeof r.vendor !== 'string' || !(PROFILE_VENDORS as readonly string[]).includes(r.vendor)) throw fail('vendor', `one of ${PROFILE_VENDORS.join(', ')}`);
    out.vendor = r.vendor as ProfileVendor;
  }
  if (r.protectedUsers !== undefined) {
    if (!Array.isArray(r.protectedUsers) || !r.protectedUsers.every((u): u is string => typeof u === 'string')) throw fail('protectedUsers', 'a list of user names or ids');
    out.protectedUsers = r.protectedUsers;
  }
  // Shapes only; the core's validators decide what is allowed (https token URL, no secrets…).
  if (r.auth !== undefined) out.auth = r.auth === null ? null : (record(r.auth, 'auth') as unknown as AuthFields);
  if (r.proxy !== undefined) out.proxy = r.proxy === null ? null : (record(r.proxy, 'proxy') as unknown as ProxyFields);
  if (r.secretHeaders !== undefined) {
    if (r.secretHeaders !== null && (!Array.isArray(r.secretHeaders) || !r.secretHeaders.every((h): h is string => typeof h === 'string'))) throw fail('secretHeaders', 'a list of header names');
    out.secretHeaders = r.secretHeaders;
  }
  return out;
}

const profileId = (r: Record<string, unknown>): string => requiredString(r.profileId, 'profileId', PROFILE_ID);

export const PROFILE_CHANNELS = {
  'profiles.list': channel<ProfileList>()(noInput),
  'profiles.add': channel<ProfileSummary>()((input) => {
    const fields = parseProfileFields(input);
    if (fields.name === undefined || fields.baseUrl === undefined) throw new InspectorError('invalid-input', 'A new profile needs a name and a base URL.');
    return fields as ProfileFields & { name: string; baseUrl: string };
  }),
  'profiles.update': channel<ProfileSummary>()((input) => {
    const r = record(input, 'profiles.update');
    return { profileId: profileId(r), fields: parseProfileFields(r.fields) };
  }),
  'profiles.remove': channel<{ removed: boolean; notices: string[] }>()((input) => ({ profileId: profileId(record(input, 'profiles.remove')) })),
  // The token crosses once, renderer -> main; the answer is metadata only.
  'profiles.setToken': channel<TokenSetResult>()((input) => {
    const r = record(input, 'profiles.setToken');
    if (typeof r.token !== 'string') throw new InspectorError('invalid-input', 'The token must be text; paste the bearer token your SCIM provider issued.');
    return { profileId: profileId(r), token: r.token };
  }),
  'profiles.rotateToken': channel<TokenSetResult>()((input) => {
    const r = record(input, 'profiles.rotateToken');
    if (typeof r.token !== 'string') throw new InspectorError('invalid-input', 'The token must be text; paste the bearer token your SCIM provider issued.');
    return { profileId: profileId(r), token: r.token };
  }),
  'profiles.clearToken': channel<TokenSetResult>()((input) => ({ profileId: profileId(record(input, 'profiles.clearToken')) })),
  'profiles.test': channel<ConnectionTestResult>()((input) => ({ profileId: profileId(record(input, 'profiles.test')) })),
} satisfies Record<string, ChannelDef<unknown, unknown>>;

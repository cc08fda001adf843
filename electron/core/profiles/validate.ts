// Hand-written validators for profiles: everything read from profiles.json, IPC or the CLI is
// `unknown` until it passes through here. Messages name the field and say what is allowed.

import { readObservedFacts } from '../../../shared/observed';
import { InspectorError } from '../../../shared/errors';
import { VENDOR_HINTS, type Profile, type ProfileInput, type VendorHint } from './types';
import { validateBaseUrl, validateHeaders } from './url';
import { validateAuth, validateProxy, validateSecretHeaders, validateTls } from './connection-settings';

export const MAX_PAGE_SIZE = 10_000;
export const MAX_CONCURRENCY = 16;
const MAX_PROTECTED_USERS = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(message: string): InspectorError {
  return new InspectorError('invalid-input', message);
}

export function validateName(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw bad('A profile needs a name, e.g. "prod-mindtickle".');
  const name = raw.trim();
  if (name.length > 100) throw bad('A profile name can be at most 100 characters.');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw bad('A profile name cannot contain control characters.');
  return name;
}

function optionalInt(raw: unknown, field: string, max: number): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > max) throw bad(`${field} must be a whole number from 1 to ${max}.`);
  return raw;
}

function optionalBool(raw: unknown, field: string): boolean | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'boolean') throw bad(`${field} must be true or false.`);
  return raw;
}

export function validateVendor(raw: unknown): VendorHint | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string' || !(VENDOR_HINTS as readonly string[]).includes(raw)) {
    throw bad(`The vendor must be one of ${VENDOR_HINTS.join(', ')}.`);
  }
  return raw as VendorHint;
}

function validateProtectedUsers(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw) || raw.length > MAX_PROTECTED_USERS) throw bad(`Protected users must be a list of at most ${MAX_PROTECTED_USERS} user names or ids.`);
  const out: string[] = [];
  for (const entry of raw) {
    if (typeof entry !== 'string' || entry.trim() === '') throw bad('Each protected user must be a non-empty user name or id.');
    if (!out.includes(entry.trim())) out.push(entry.trim());
  }
  return out;
}

function isoTime(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || Number.isNaN(Date.parse(raw))) throw bad(`${field} must be an ISO date-time.`);
  return raw;
}

const INPUT_KEYS = new Set(['name', 'baseUrl', 'headers', 'readOnly', 'production', 'pageSize', 'concurrency', 'vendor', 'protectedUsers', 'auth', 'secretHeaders', 'proxy', 'tls']);

/** The connection settings of schema 3 (absent fields stay absent: defaults apply). */
function connectionSettings(raw: Record<string, unknown>): Pick<Profile, 'auth' | 'secretHeaders' | 'proxy' | 'tls'> {
  const out: Pick<Profile, 'auth' | 'secretHeaders' | 'proxy' | 'tls'> = {};
  const auth = validateAuth(raw.auth);
  if (auth) out.auth = auth;
  const secretHeaders = validateSecretHeaders(raw.secretHeaders);
  if (secretHeaders) out.secretHeaders = secretHeaders;
  const proxy = validateProxy(raw.proxy);
  if (proxy) out.proxy = proxy;
  const tls = validateTls(raw.tls);
  if (tls) out.tls = tls;
  return out;
}

/** Rules across fields, checked on the merged profile: a header is plain or secret, not both. */
export function checkProfileConsistency(profile: Pick<Profile, 'headers' | 'secretHeaders' | 'auth'>): void {
  const plain = new Set(Object.keys(profile.headers).map((h) => h.toLowerCase()));
  const clash = (profile.secretHeaders ?? []).find((h) => plain.has(h.toLowerCase()));
  if (clash) throw bad(`The header ${clash} is both a plain header and a secret header; keep one.`);
  if (profile.auth?.scheme === 'api-key' && (profile.secretHeaders ?? []).length === 0) {
    throw bad('The API-key scheme needs at least one secret header (the header name the service expects, e.g. X-API-Key).');
  }
}

/**
 * Validates what an admin typed (full input when `partial` is false, an update otherwise).
 * Unknown fields are refused so a typo like "readonly" is not silently ignored.
 */
export function validateProfileInput(raw: unknown, partial: boolean): Partial<ProfileInput> {
  if (!isRecord(raw)) throw bad('A profile must be an object with at least a name and a base URL.');
  for (const key of Object.keys(raw)) {
    if (key === 'token') throw bad('A token is never part of a profile; store it with `profiles set-token NAME` so it goes to the OS keychain.');
    if (!INPUT_KEYS.has(key)) throw bad(`Unknown profile field "${key.slice(0, 40)}"; allowed: ${[...INPUT_KEYS].join(', ')}.`);
  }
  const out: Partial<ProfileInput> = {};
  if (!partial || raw.name !== undefined) out.name = validateName(raw.name);
  if (!partial || raw.baseUrl !== undefined) out.baseUrl = validateBaseUrl(raw.baseUrl);
  if (raw.headers !== undefined) out.headers = validateHeaders(raw.headers);
  const readOnly = optionalBool(raw.readOnly, 'readOnly');
  if (readOnly !== undefined) out.readOnly = readOnly;
  const production = optionalBool(raw.production, 'production');
  if (production !== undefined) out.production = production;
  const pageSize = optionalInt(raw.pageSize, 'pageSize', MAX_PAGE_SIZE);
  if (pageSize !== undefined) out.pageSize = pageSize;
  const concurrency = optionalInt(raw.concurrency, 'concurrency', MAX_CONCURRENCY);
  if (concurrency !== undefined) out.concurrency = concurrency;
  const vendor = validateVendor(raw.vendor);
  if (vendor !== undefined) out.vendor = vendor;
  const protectedUsers = validateProtectedUsers(raw.protectedUsers);
  if (protectedUsers !== undefined) out.protectedUsers = protectedUsers;
  return { ...out, ...connectionSettings(raw) };
}

/** Validates one profile as stored in the current schema; throws with what is wrong. */
export function validateStoredProfile(raw: unknown): Profile {
  if (!isRecord(raw)) throw bad('a profile entry is not an object');
  if (typeof raw.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(raw.id)) throw bad('a profile has a missing or malformed id');
  if ('token' in raw) throw bad(`profile ${raw.id} carries a "token" field, which must never be stored in this file`);
  const profile: Profile = {
    id: raw.id,
    name: validateName(raw.name),
    baseUrl: validateBaseUrl(raw.baseUrl),
    headers: validateHeaders(raw.headers),
    readOnly: optionalBool(raw.readOnly, 'readOnly') ?? false,
    vendor: validateVendor(raw.vendor) ?? 'generic',
    protectedUsers: validateProtectedUsers(raw.protectedUsers) ?? [],
    createdAt: isoTime(raw.createdAt, 'createdAt'),
    updatedAt: isoTime(raw.updatedAt, 'updatedAt'),
  };
  if (optionalBool(raw.production, 'production') === true) profile.production = true;
  const pageSize = optionalInt(raw.pageSize, 'pageSize', MAX_PAGE_SIZE);
  if (pageSize !== undefined) profile.pageSize = pageSize;
  const concurrency = optionalInt(raw.concurrency, 'concurrency', MAX_CONCURRENCY);
  if (concurrency !== undefined) profile.concurrency = concurrency;
  if (raw.tokenSetAt !== undefined && raw.tokenSetAt !== null) profile.tokenSetAt = isoTime(raw.tokenSetAt, 'tokenSetAt');
  Object.assign(profile, connectionSettings(raw));
  if (typeof raw.legacyTokenOrigin === 'string' && raw.legacyTokenOrigin !== '') profile.legacyTokenOrigin = raw.legacyTokenOrigin;
  checkProfileConsistency(profile);
  // Facts of another shape or version are dropped (the next probe records them again), not fatal.
  const observed = readObservedFacts(raw.observed);
  if (observed) profile.observed = observed;
  return profile;
}

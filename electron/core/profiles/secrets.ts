// A profile's secrets in the OS keychain (token, Basic password, OAuth client secret, API-key
// header values, proxy password, key passphrase), each bound to the origin it is given for — the
// SCIM service's, the token endpoint's, the proxy's — the way a credential manager binds a
// password to a host. The origin is part of the keychain account name, so the binding lives in
// the keychain, not in profiles.json: a profile pointed elsewhere (in the editor, over the API, or
// by editing the file) finds no secret for the new host and asks for it again; an edit through
// the app also deletes the secrets the profile no longer sends anywhere. Nothing returned from
// here contains a secret except readSecret's value, which goes straight into a request.

import { InspectorError } from '../../../shared/errors';
import { normalizeToken, type Vault } from '../vault/index';
import type { ProfileStore } from './store';
import type { Profile, SecretKind } from './types';

const LOCAL = 'local';

/** The keychain account of a secret given for `origin` ("local" for one never sent anywhere). */
export function secretAccount(profileId: string, kind: SecretKind, origin: string): string {
  return `${profileId}.${kind.replace(/^header:/, 'header.')}@${origin}`;
}

/** The account of the profile's bearer token for its current base URL. */
export function tokenAccount(profile: Pick<Profile, 'id' | 'baseUrl'>): string {
  return secretAccount(profile.id, 'token', new URL(profile.baseUrl).origin);
}

/** The kind and origin of one of the profile's accounts, or null for another profile's. */
function parseAccount(profileId: string, account: string): { kind: SecretKind; origin: string } | null {
  if (!account.startsWith(`${profileId}.`)) return null;
  const rest = account.slice(profileId.length + 1);
  const at = rest.indexOf('@');
  if (at <= 0) return null;
  const kind = rest.slice(0, at).replace(/^header\./, 'header:') as SecretKind;
  return { kind, origin: rest.slice(at + 1) };
}

/** What a secret is, in the admin's words. */
export function secretLabel(kind: SecretKind): string {
  if (kind.startsWith('header:')) return `value of the ${kind.slice('header:'.length)} header`;
  return { token: 'bearer token', password: 'Basic password', 'client-secret': 'OAuth client secret', 'proxy-password': 'proxy password', 'key-passphrase': 'client key passphrase' }[kind as string] ?? kind;
}


function originOf(url: string): string {
  return new URL(url).origin;
}

/**
 * The origin a secret of this kind is sent to under the profile's current settings; "local" for
 * one that never leaves the machine (the key passphrase); null when the profile no longer uses it.
 */
export function secretTarget(profile: Profile, kind: SecretKind): string | null {
  const scheme = profile.auth?.scheme ?? 'bearer';
  switch (kind) {
    case 'token':
      return scheme === 'bearer' ? originOf(profile.baseUrl) : null;
    case 'password':
      return scheme === 'basic' ? originOf(profile.baseUrl) : null;
    case 'client-secret':
      return profile.auth?.scheme === 'oauth2' ? originOf(profile.auth.tokenUrl) : null;
    case 'proxy-password':
      return profile.proxy?.mode === 'url' && profile.proxy.username ? originOf(profile.proxy.url) : null;
    case 'key-passphrase':
      return profile.tls?.clientKeyFile ? LOCAL : null;
    default: {
      const name = kind.slice('header:'.length);
      return (profile.secretHeaders ?? []).some((h) => h.toLowerCase() === name) ? originOf(profile.baseUrl) : null;
    }
  }
}

/** The kind of a secret header's value (names are matched case-insensitively). */
export function headerSecret(name: string): SecretKind {
  return `header:${name.toLowerCase()}`;
}

/** Validates a secret as pasted or piped: one line, not empty, at most 16 KB. Never quoted back. */
export function normalizeSecret(kind: SecretKind, raw: unknown): { value: string; notices: string[] } {
  if (kind === 'token') {
    const { token, notices } = normalizeToken(raw);
    return { value: token, notices };
  }
  const label = secretLabel(kind);
  if (typeof raw !== 'string') throw new InspectorError('invalid-input', `The ${label} must be text.`);
  // A piped secret ends with the newline of `echo`; passwords may begin or end with spaces.
  const value = kind === 'password' || kind === 'proxy-password' || kind === 'key-passphrase' ? raw.replace(/\r?\n$/, '') : raw.trim();
  if (value === '') throw new InspectorError('invalid-input', `The ${label} is empty.`);
  if (Buffer.byteLength(value) > 16 * 1024) throw new InspectorError('invalid-input', `The ${label} is over 16 KB; check that you pasted only the secret.`);
  if (/[\r\n\0]/.test(value)) throw new InspectorError('invalid-input', `The ${label} must be one line (no line breaks).`);
  return { value, notices: [] };
}

/** The "store it again" error every missing or unbound secret shares, naming the fix. */
export function secretMissing(profile: Pick<Profile, 'name'>, kind: SecretKind, why?: string): InspectorError {
  const label = secretLabel(kind);
  const how = kind === 'token' ? `\`scim-inspector profiles set-token ${profile.name}\`` : `\`scim-inspector profiles set-secret ${profile.name} ${kind}\``;
  return new InspectorError('token-missing', `${why ?? `Profile "${profile.name}" has no ${label} in the OS keychain.`} Store it with ${how} (or in the profile editor).`, { profile: profile.name, secret: kind });
}

/** A token stored before schema 3 under the bare profile id, usable only for the origin it was stored for. */
async function legacyToken(profile: Profile, vault: Vault, target: string): Promise<string | null> {
  if (profile.legacyTokenOrigin !== target) return null;
  const value = await vault.get(profile.id);
  return value === null || value === '' ? null : value;
}

/** The profile's secrets of this kind stored for other origins than `except`. */
async function storedElsewhere(profile: Profile, vault: Vault, kind: SecretKind, except: string | null): Promise<string[]> {
  const accounts = await vault.list();
  return accounts.filter((a) => {
    const parsed = parseAccount(profile.id, a);
    return parsed !== null && parsed.kind === kind && parsed.origin !== except;
  });
}

/**
 * The secret for where the profile now sends it; token-missing when there is none for that
 * origin (also when one exists for another origin: it is never sent to a new host).
 */
export async function readSecret(profile: Profile, vault: Vault, kind: SecretKind): Promise<string> {
  const target = secretTarget(profile, kind);
  if (target === null) throw secretMissing(profile, kind);
  const value = await vault.get(secretAccount(profile.id, kind, target));
  if (value !== null && value !== '') return value;
  const legacy = kind === 'token' ? await legacyToken(profile, vault, target) : null;
  if (legacy !== null) return legacy;
  const elsewhere = await storedElsewhere(profile, vault, kind, target);
  const origin = elsewhere[0] === undefined ? undefined : parseAccount(profile.id, elsewhere[0])?.origin;
  if (origin !== undefined) {
    throw secretMissing(profile, kind, `The ${secretLabel(kind)} of profile "${profile.name}" was stored for ${origin}, but the profile now sends it to ${target}; it is not sent to another host.`);
  }
  throw secretMissing(profile, kind);
}

/** Whether the profile has this secret for where it now sends it (for summaries). */
export async function hasSecret(profile: Profile, vault: Vault, kind: SecretKind): Promise<boolean> {
  const target = secretTarget(profile, kind);
  if (target === null) return false;
  const value = await vault.get(secretAccount(profile.id, kind, target));
  if (value !== null && value !== '') return true;
  return kind === 'token' && (await legacyToken(profile, vault, target)) !== null;
}

/** Validates and stores a secret for the origin it is sent to under the current settings. */
/** Deletes the copies for other origins after a secret was stored for `target` (rotation). */
export async function settleStoredSecret(store: ProfileStore, vault: Vault, profile: Profile, kind: SecretKind, target: string): Promise<void> {
  await forgetOthers(store, vault, profile, kind, target);
}

export async function storeSecret(store: ProfileStore, vault: Vault, profileId: string, kind: SecretKind, raw: unknown): Promise<{ value: string; notices: string[]; setAt: string }> {
  const profile = store.get(profileId);
  const target = secretTarget(profile, kind);
  if (target === null) {
    throw new InspectorError('invalid-input', `Profile "${profile.name}" does not use the ${secretLabel(kind)} with its current settings (${profile.auth?.scheme ?? 'bearer'} authentication); choose that scheme or setting first.`, { secret: kind });
  }
  const { value, notices } = normalizeSecret(kind, raw);
  await vault.set(secretAccount(profile.id, kind, target), value);
  await forgetOthers(store, vault, profile, kind, target);
  const setAt = new Date().toISOString();
  if (kind === 'token') store.setTokenSetAt(profile.id, setAt);
  return { value, notices, setAt };
}

/** Deletes the secrets of this kind that are not for `keep` (and a pre-schema-3 token). */
async function forgetOthers(store: ProfileStore, vault: Vault, profile: Profile, kind: SecretKind, keep: string | null): Promise<boolean> {
  let removed = false;
  for (const account of await storedElsewhere(profile, vault, kind, keep)) removed = (await vault.delete(account)) || removed;
  if (kind === 'token' && (profile.legacyTokenOrigin !== undefined || keep === null)) {
    removed = (await vault.delete(profile.id)) || removed;
    store.clearLegacyTokenOrigin(profile.id);
  }
  return removed;
}

/** Deletes a secret of the profile (for every origin) from the keychain. */
export async function forgetSecret(store: ProfileStore, vault: Vault, profile: Profile, kind: SecretKind): Promise<boolean> {
  const removed = await forgetOthers(store, vault, profile, kind, null);
  if (kind === 'token') store.setTokenSetAt(profile.id, null);
  return removed;
}

/**
 * After the profile changed: every stored secret that is not for where the profile now sends it
 * (the base URL, token URL or proxy moved to another origin, or the scheme no longer uses it) is
 * deleted from the keychain, and the admin is told which and why.
 */
export async function dropUnboundSecrets(store: ProfileStore, vault: Vault, profile: Profile): Promise<string[]> {
  const notices: string[] = [];
  const dropped = (kind: SecretKind, from: string, target: string | null): void => {
    notices.push(
      target === null
        ? `The ${secretLabel(kind)} was removed from the OS keychain: the profile no longer uses it.`
        : `The ${secretLabel(kind)} was removed from the OS keychain: it was stored for ${from} and the profile now points at another host (${target}). Store it again if that host should have it.`,
    );
  };
  for (const account of await vault.list()) {
    const parsed = parseAccount(profile.id, account);
    if (!parsed) continue;
    const target = secretTarget(profile, parsed.kind);
    if (target === parsed.origin) continue;
    await vault.delete(account);
    dropped(parsed.kind, parsed.origin, target);
  }
  const legacyOrigin = profile.legacyTokenOrigin;
  if (legacyOrigin !== undefined && secretTarget(profile, 'token') !== legacyOrigin) {
    if (await vault.delete(profile.id)) dropped('token', legacyOrigin, secretTarget(profile, 'token'));
    store.clearLegacyTokenOrigin(profile.id);
  }
  if (notices.some((n) => n.startsWith('The bearer token')) && (await hasSecret(store.get(profile.id), vault, 'token')) === false) store.setTokenSetAt(profile.id, null);
  return notices;
}

/** Deletes every keychain entry of a profile (it is being removed); a failure is reported once. */
export async function deleteAllSecrets(vault: Vault, profile: Profile): Promise<string[]> {
  try {
    for (const account of await vault.list()) if (parseAccount(profile.id, account)) await vault.delete(account);
    await vault.delete(profile.id);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return [`The profile was removed, but its secrets could not be deleted from the OS keychain (service "scim-inspector", accounts starting with ${profile.id}): ${why}`];
  }
  return [];
}

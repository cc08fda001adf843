// Profiles + vault: turning a saved profile into ConnectionOptions, and the token operations that
// keep the keychain and the profile's tokenSetAt and secret bindings in step (secrets.ts). The
// token is read from the keychain only when a request is built, only for the origin it was
// stored for, and nothing returned from here contains it.

import { InspectorError } from '../../../shared/errors';
import type { ConnectionOptions } from '../scim/types';
import { rotateToken, tokenMetadata, type TokenMetadata, type TokenTest, type Vault } from '../vault';
import { deleteAllSecrets, dropUnboundSecrets, forgetSecret, hasSecret, readSecret, secretAccount, secretMissing, secretTarget, settleStoredSecret, storeSecret } from './secrets';
import { connectionParts, type SecretSources } from './connection-parts';
import type { ProfileStore } from './store';
import type { Profile } from './types';

/** The message every "no token" path shares, so the admin always learns the same fix. */
export function tokenMissing(profile: Pick<Profile, 'name' | 'id'>): InspectorError {
  return secretMissing(profile, 'token');
}

/** The profile's secrets as the transport reads them: from the keychain, for their bound origin. */
export function keychainSources(profile: Profile, vault: Vault): SecretSources {
  return {
    required: (kind) => () => readSecret(profile, vault, kind),
    optional: (kind) => async () => ((await hasSecret(profile, vault, kind)) ? readSecret(profile, vault, kind) : null),
  };
}

/**
 * ConnectionOptions for the SCIM client. Secrets are read from the keychain at request time (so a
 * token rotated in another window is picked up); the auth scheme, proxy and TLS files come from
 * the profile; readOnly, headers and paging overrides pass through.
 */
export function connectionOptionsFor(profile: Profile, vault: Vault, overrides: Partial<Omit<ConnectionOptions, 'token' | 'auth'>> = {}, sources: SecretSources = keychainSources(profile, vault)): ConnectionOptions {
  const options: ConnectionOptions = {
    baseUrl: profile.baseUrl,
    headers: { ...profile.headers },
    readOnly: profile.readOnly,
    vendor: profile.vendor,
    protectedUsers: [...profile.protectedUsers],
    observed: profile.observed ?? null,
    ...connectionParts(profile, sources),
    ...overrides,
  };
  if (profile.pageSize !== undefined && overrides.pageSize === undefined) options.pageSize = profile.pageSize;
  if (profile.concurrency !== undefined && overrides.concurrency === undefined) options.concurrency = profile.concurrency;
  return options;
}

export interface TokenChange {
  metadata: TokenMetadata;
  notices: string[];
}

/** Validates and stores a token for the profile, bound to its origin, and records when. */
export async function setProfileToken(store: ProfileStore, vault: Vault, profileId: string, rawToken: unknown): Promise<TokenChange> {
  const { value, notices, setAt } = await storeSecret(store, vault, profileId, 'token', rawToken);
  return { metadata: tokenMetadata(value, setAt), notices };
}

/** Replaces the token only after `test` passes with the new one (see rotateToken). */
export async function rotateProfileToken(store: ProfileStore, vault: Vault, profileId: string, rawToken: unknown, test: TokenTest): Promise<TokenChange> {
  const profile = store.get(profileId);
  const target = secretTarget(profile, 'token');
  if (target === null) throw new InspectorError('invalid-input', `Profile "${profile.name}" does not use a bearer token (${profile.auth?.scheme} authentication).`);
  const account = secretAccount(profile.id, 'token', target);
  const { notices, setAt } = await rotateToken(vault, account, rawToken, test);
  await settleStoredSecret(store, vault, profile, 'token', target);
  store.setTokenSetAt(profile.id, setAt);
  return { metadata: tokenMetadata(await vault.get(account), setAt), notices };
}

/** Deletes the profile's token from the keychain (the profile stays). */
export async function clearProfileToken(store: ProfileStore, vault: Vault, profileId: string): Promise<boolean> {
  return forgetSecret(store, vault, store.get(profileId), 'token');
}

/** What the renderer and `profiles list` may show about the profile's token (none when unbound). */
export async function profileTokenMetadata(profile: Profile, vault: Vault): Promise<TokenMetadata> {
  if (!(await hasSecret(profile, vault, 'token'))) return tokenMetadata(null, null);
  return tokenMetadata(await readSecret(profile, vault, 'token'), profile.tokenSetAt);
}

export interface UpdatedProfile {
  profile: Profile;
  /** Secrets deleted because the profile now points elsewhere (or no longer uses them). */
  notices: string[];
}

/**
 * Updates a profile; every secret no longer bound to where the profile sends it (its base URL,
 * token URL or proxy moved to another origin) is deleted from the keychain, so a stored token
 * never follows a profile to another host.
 */
export async function updateProfile(store: ProfileStore, vault: Vault, profileId: string, patch: unknown): Promise<UpdatedProfile> {
  const updated = store.update(profileId, patch);
  const notices = await dropUnboundSecrets(store, vault, updated);
  return { profile: store.get(profileId), notices };
}

export interface RemovedProfile {
  profile: Profile;
  /** E.g. that the keychain entry could not be removed and why. */
  notices: string[];
}

/**
 * Removes the profile and its keychain entry. The profile goes even when the keychain cannot be
 * reached (the admin asked for it gone); the leftover entry is reported, not hidden.
 */
export async function removeProfile(store: ProfileStore, vault: Vault, profileId: string): Promise<RemovedProfile> {
  const profile = store.remove(profileId);
  return { profile, notices: await deleteAllSecrets(vault, profile) };
}

// Profiles + vault: turning a saved profile into ConnectionOptions, and the token operations that
// keep the keychain and the profile's tokenSetAt in step. The token is read from the keychain
// only when a request is built, and nothing returned from here contains it.

import { InspectorError } from '../../../shared/errors';
import type { ConnectionOptions } from '../scim/types';
import { normalizeToken, rotateToken, tokenMetadata, type TokenMetadata, type TokenTest, type Vault } from '../vault';
import type { ProfileStore } from './store';
import type { Profile } from './types';

/** The message every "no token" path shares, so the admin always learns the same fix. */
export function tokenMissing(profile: Pick<Profile, 'name' | 'id'>): InspectorError {
  return new InspectorError(
    'token-missing',
    `Profile "${profile.name}" has no token in the OS keychain. Store it with \`scim-inspector profiles set-token ${profile.name}\` (or in the profile editor).`,
    { profile: profile.name },
  );
}

/**
 * ConnectionOptions for the SCIM client. token() reads the keychain at request time (so a token
 * rotated in another window is picked up); readOnly, headers and paging overrides pass through.
 */
export function connectionOptionsFor(profile: Profile, vault: Vault, overrides: Partial<Omit<ConnectionOptions, 'token'>> = {}): ConnectionOptions {
  const options: ConnectionOptions = {
    baseUrl: profile.baseUrl,
    headers: { ...profile.headers },
    readOnly: profile.readOnly,
    vendor: profile.vendor,
    protectedUsers: [...profile.protectedUsers],
    ...overrides,
    token: async () => {
      const token = await vault.get(profile.id);
      if (token === null || token === '') throw tokenMissing(profile);
      return token;
    },
  };
  if (profile.pageSize !== undefined && overrides.pageSize === undefined) options.pageSize = profile.pageSize;
  if (profile.concurrency !== undefined && overrides.concurrency === undefined) options.concurrency = profile.concurrency;
  return options;
}

export interface TokenChange {
  metadata: TokenMetadata;
  notices: string[];
}

/** Validates and stores a token for the profile, then records when it was set. */
export async function setProfileToken(store: ProfileStore, vault: Vault, profileId: string, rawToken: unknown): Promise<TokenChange> {
  const profile = store.get(profileId);
  const { token, notices } = normalizeToken(rawToken);
  await vault.set(profile.id, token);
  const setAt = new Date().toISOString();
  store.setTokenSetAt(profile.id, setAt);
  return { metadata: tokenMetadata(token, setAt), notices };
}

/** Replaces the token only after `test` passes with the new one (see rotateToken). */
export async function rotateProfileToken(store: ProfileStore, vault: Vault, profileId: string, rawToken: unknown, test: TokenTest): Promise<TokenChange> {
  const profile = store.get(profileId);
  const { notices, setAt } = await rotateToken(vault, profile.id, rawToken, test);
  store.setTokenSetAt(profile.id, setAt);
  return { metadata: tokenMetadata(await vault.get(profile.id), setAt), notices };
}

/** Deletes the profile's token from the keychain (the profile stays). */
export async function clearProfileToken(store: ProfileStore, vault: Vault, profileId: string): Promise<boolean> {
  const profile = store.get(profileId);
  const removed = await vault.delete(profile.id);
  store.setTokenSetAt(profile.id, null);
  return removed;
}

/** What the renderer and `profiles list` may show about the profile's token. */
export async function profileTokenMetadata(profile: Profile, vault: Vault): Promise<TokenMetadata> {
  return tokenMetadata(await vault.get(profile.id), profile.tokenSetAt);
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
  const notices: string[] = [];
  try {
    await vault.delete(profile.id);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    notices.push(`The profile was removed, but its token could not be deleted from the OS keychain (service "scim-inspector", account ${profile.id}): ${why}`);
  }
  return { profile, notices };
}

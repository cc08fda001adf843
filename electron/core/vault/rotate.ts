// Token rotation: the new token is tried before it replaces the old one, so a typo or a token for
// the wrong tenant never leaves a profile without a working token.

import { InspectorError, toAppError } from '../../../shared/errors';
import { normalizeToken } from './token';
import type { Vault } from './vault';

/** Runs discovery (or any check) with the candidate token; resolves when the token works. */
export type TokenTest = (candidateToken: string) => Promise<void>;

export interface RotationResult {
  /** Notices from token normalisation (e.g. a stripped "Bearer "). */
  notices: string[];
  /** When the new token was stored. */
  setAt: string;
}

/**
 * Validates newToken, runs `test` with it while the old token stays in the keychain, and only
 * when the test passes stores the new one. On failure the old token is untouched and the error
 * says so (the candidate never reaches the keychain).
 */
export async function rotateToken(vault: Vault, account: string, newToken: unknown, test: TokenTest): Promise<RotationResult> {
  const { token, notices } = normalizeToken(newToken);
  try {
    await test(token);
  } catch (error) {
    const cause = toAppError(error);
    throw new InspectorError(
      cause.code,
      `The new token did not pass the connection test, so the old token was kept: ${cause.message}`,
      { ...(cause.details ?? {}), rotation: 'kept-old-token' },
    );
  }
  await vault.set(account, token);
  return { notices, setAt: new Date().toISOString() };
}

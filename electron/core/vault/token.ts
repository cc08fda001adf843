// Token input rules and the only view of a token that may leave the main process. Messages never
// quote the token: a pasted secret must not come back in an error dialog, log or CLI output.

import { InspectorError } from '../../../shared/errors';

/** Tokens larger than this are refused: it is a paste of the wrong thing, and it bloats headers. */
export const MAX_TOKEN_BYTES = 16 * 1024;

/** Tokens shorter than this show no last-4 characters: four of a short secret is too much of it. */
export const MIN_LENGTH_FOR_LAST4 = 16;

/** What the renderer (and `profiles list`) may know about a stored token. Never the token. */
export interface TokenMetadata {
  hasToken: boolean;
  length: number | null;
  /** The last four characters, or null when there is no token or it is too short to show any. */
  last4: string | null;
  /** ISO time the token was stored, from the profile's metadata (not the keychain). */
  setAt: string | null;
}

export interface NormalizedToken {
  token: string;
  /** Things we changed that the admin should be told about (e.g. a stripped "Bearer "). */
  notices: string[];
}

/**
 * Validates a token as typed or pasted: trims it, strips a leading "Bearer " with a notice, and
 * refuses empty tokens, whitespace inside, characters an HTTP header cannot carry, and > 16 KB.
 */
export function normalizeToken(raw: unknown): NormalizedToken {
  if (typeof raw !== 'string') {
    throw new InspectorError('invalid-input', 'The token must be text; paste the bearer token your SCIM provider issued.');
  }
  const notices: string[] = [];
  let token = raw.trim();
  const bearer = /^bearer(\s+|$)/i.exec(token);
  if (bearer) {
    token = token.slice(bearer[0].length);
    notices.push('Removed a leading "Bearer " from the token; store only the token itself, the app adds the prefix.');
  }
  if (token.length === 0) {
    throw new InspectorError('invalid-input', 'The token is empty; paste the bearer token your SCIM provider issued.');
  }
  const bytes = Buffer.byteLength(token, 'utf8');
  if (bytes > MAX_TOKEN_BYTES) {
    throw new InspectorError(
      'invalid-input',
      `The token is ${bytes} bytes; tokens over 16 KB are refused. Check that you pasted the token and not a whole file or page.`,
      { bytes, maxBytes: MAX_TOKEN_BYTES },
    );
  }
  if (/\s/.test(token)) {
    throw new InspectorError(
      'invalid-input',
      'The token contains whitespace (a space, tab or line break) inside it; copy it again as one unbroken line.',
    );
  }
  const bad = [...token].findIndex((ch) => ch < '!' || ch > '~');
  if (bad >= 0) {
    throw new InspectorError(
      'invalid-input',
      `The token has a character at position ${bad + 1} that cannot be sent in an HTTP header (only visible ASCII is allowed); copy it again from the provider.`,
      { position: bad + 1 },
    );
  }
  return { token, notices };
}

/** The renderer-safe description of a token (or of its absence). */
export function tokenMetadata(token: string | null, setAt: string | null | undefined): TokenMetadata {
  if (token === null || token.length === 0) return { hasToken: false, length: null, last4: null, setAt: null };
  return {
    hasToken: true,
    length: token.length,
    last4: token.length >= MIN_LENGTH_FOR_LAST4 ? token.slice(-4) : null,
    setAt: setAt ?? null,
  };
}

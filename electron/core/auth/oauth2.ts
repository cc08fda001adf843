// OAuth 2.0 client credentials as a request scheme. The access token lives in memory only (never
// the keychain or a file). It is renewed before expires_in runs out, and once after a 401 with
// WWW-Authenticate: Bearer error="invalid_token"; either way every request waiting for a token
// shares the one token request in flight (no stampede), and a request refused with a token that
// has already been replaced is simply retried with the new one.

import { REDACTED } from '../secrets/index';
import { readSource, type SecretSource } from './static';
import { requestToken, type IssuedToken } from './token-endpoint';
import type { AppliedAuth, AuthContext, AuthInfo, RequestAuth } from './types';

export interface OAuth2Settings {
  tokenUrl: string;
  clientId: string;
  clientSecret: SecretSource;
  scope?: string | null;
  clientAuth?: 'basic' | 'post';
  /** Clock in ms (tests). */
  now?: () => number;
}

interface Current extends IssuedToken {
  generation: number;
  obtainedAt: number;
  /** When to fetch the next one (renewMargin before it expires). */
  renewAt: number | null;
}

/** RFC 6750 §3.1: the token was refused as expired, revoked or malformed. */
export function isInvalidTokenChallenge(headers: Record<string, string>): boolean {
  const challenge = headers['www-authenticate'] ?? '';
  return /(^|,)\s*bearer\b/i.test(challenge) && /error\s*=\s*"?invalid_token"?/i.test(challenge);
}

/**
 * How long before expires_in runs out a token is replaced: a tenth of its lifetime plus a second
 * (expires_in counts whole seconds, and servers that round the issue time down end a token up to a
 * second early), at most a minute, and never more than half the lifetime.
 */
export function renewMargin(lifetimeMs: number): number {
  return Math.min(60_000, lifetimeMs / 10 + 1000, lifetimeMs / 2);
}

export function oauth2ClientCredentials(settings: OAuth2Settings): RequestAuth {
  const now = settings.now ?? Date.now;
  const clientAuth = settings.clientAuth ?? 'basic';
  const scope = settings.scope ?? null;
  let current: Current | null = null;
  let inFlight: Promise<Current> | null = null;
  let issued = 0;

  const fresh = (token: Current | null): token is Current => token !== null && (token.renewAt === null || now() < token.renewAt);

  function fetchToken(ctx: AuthContext): Promise<Current> {
    inFlight ??= (async () => {
      const clientSecret = await readSource(settings.clientSecret, 'OAuth client secret');
      // The shared request is not tied to one caller's cancel: others may be waiting on it.
      const token = await requestToken({ tokenUrl: settings.tokenUrl, clientId: settings.clientId, clientSecret, scope, clientAuth }, { ...ctx, signal: undefined });
      const obtainedAt = now();
      issued += 1;
      const lifetimeMs = token.expiresIn === null ? null : token.expiresIn * 1000;
      const renewAt = lifetimeMs === null ? null : obtainedAt + lifetimeMs - renewMargin(lifetimeMs);
      current = { ...token, generation: issued, obtainedAt, renewAt };
      return current;
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  async function valid(ctx: AuthContext): Promise<Current> {
    if (fresh(current)) return current;
    const pending = fetchToken(ctx);
    if (!ctx.signal) return pending;
    // A cancelled caller stops waiting; the token request goes on for the others.
    const signal = ctx.signal;
    return new Promise<Current>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  return {
    async apply(ctx: AuthContext): Promise<AppliedAuth> {
      const token = await valid(ctx);
      return { headers: { authorization: `Bearer ${token.accessToken}` }, shown: { authorization: `Bearer ${REDACTED}` }, generation: token.generation };
    },
    async refreshAfter(applied, response, ctx) {
      if (response.status !== 401 || !isInvalidTokenChallenge(response.headers)) return false;
      // Only the token that was refused is dropped; a newer one is used as it is.
      if (current?.generation === applied.generation) current = null;
      await valid(ctx);
      return true;
    },
    info(): AuthInfo {
      const token = current;
      return {
        scheme: 'oauth2',
        oauth: {
          tokenUrl: settings.tokenUrl,
          clientId: settings.clientId,
          clientAuth,
          requestedScope: scope,
          grantedScope: token?.scope ?? null,
          lifetimeSeconds: token?.expiresIn ?? null,
          expiresAt: token?.expiresIn ? new Date(token.obtainedAt + token.expiresIn * 1000).toISOString() : null,
          tokensIssued: issued,
        },
      };
    },
  };
}

// The schemes whose credential does not change by itself: a bearer token, HTTP Basic (RFC 7617)
// and API keys in headers of the vendor's choosing. Secrets are read from their source (keychain,
// environment) for each request, so one changed in another window is picked up.

import { InspectorError } from '../../../shared/errors';
import { REDACTED } from '../secrets/index';
import type { AppliedAuth, AuthContext, AuthInfo, RequestAuth } from './types';

export type SecretSource = () => string | Promise<string>;

/** Reads a secret; a failing source becomes token-missing without echoing what it said. */
export async function readSource(source: SecretSource, what: string): Promise<string> {
  let value: unknown;
  try {
    value = await source();
  } catch (error) {
    if (error instanceof InspectorError) throw error;
    // Never echo what the source said verbatim: it might include the secret itself.
    throw new InspectorError('token-missing', `The ${what} for this connection could not be read (${error instanceof Error ? error.name : 'error'}). Set it in the profile again.`);
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InspectorError('token-missing', `No ${what} is set for this connection. Store it in the profile (or the environment variable named for it).`);
  }
  return value;
}

export function bearerAuth(token: SecretSource): RequestAuth {
  return {
    async apply(ctx: AuthContext): Promise<AppliedAuth> {
      const raw = await readSource(token, 'token');
      ctx.secrets.add(raw);
      const value = raw.trim();
      ctx.secrets.add(value);
      return { headers: { authorization: `Bearer ${value}` }, shown: { authorization: `Bearer ${REDACTED}` }, generation: 0 };
    },
    info: (): AuthInfo => ({ scheme: 'bearer' }),
  };
}

export function basicAuth(username: string, password: SecretSource): RequestAuth {
  if (username.includes(':')) throw new InspectorError('usage', 'The Basic user name cannot contain ":" (HTTP Basic separates user and password with it).');
  return {
    async apply(ctx: AuthContext): Promise<AppliedAuth> {
      const secret = await readSource(password, 'password');
      const credential = `${username}:${secret}`;
      // The password, and user:password whose base64 is the header (secret-set forms cover it).
      // The base64 itself too: a server that base64s the whole header it got (an echo, a debug
      // header) writes the credential base64 twice, which only its own forms find.
      const encoded = Buffer.from(credential, 'utf8').toString('base64');
      ctx.secrets.add(secret);
      ctx.secrets.add(credential);
      ctx.secrets.add(encoded);
      return { headers: { authorization: `Basic ${encoded}` }, shown: { authorization: `Basic ${REDACTED}` }, generation: 0 };
    },
    info: (): AuthInfo => ({ scheme: 'basic', username }),
  };
}

export interface HeaderSecret {
  name: string;
  value: SecretSource;
}

/**
 * API keys in headers (X-API-Key…), alone (the api-key scheme) or beside another scheme; the
 * other scheme decides refreshes and what Test connection says.
 */
export function withHeaderSecrets(headers: HeaderSecret[], inner: RequestAuth | null): RequestAuth {
  if (headers.length === 0 && inner) return inner;
  const names = headers.map((h) => h.name);
  return {
    async apply(ctx: AuthContext): Promise<AppliedAuth> {
      const applied = inner ? await inner.apply(ctx) : { headers: {}, shown: {}, generation: 0 };
      const out = { ...applied, headers: { ...applied.headers }, shown: { ...applied.shown } };
      for (const h of headers) {
        const value = (await readSource(h.value, `value of the ${h.name} header`)).trim();
        ctx.secrets.add(value);
        out.headers[h.name.toLowerCase()] = value;
        out.shown[h.name.toLowerCase()] = REDACTED;
      }
      return out;
    },
    ...(inner?.refreshAfter ? { refreshAfter: inner.refreshAfter.bind(inner) } : {}),
    info: (): AuthInfo => ({ ...(inner ? inner.info() : { scheme: 'api-key' as const }), headerNames: names }),
  };
}

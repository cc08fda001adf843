// How the sandbox authenticates SCIM calls: the static bearer token (default), HTTP Basic
// (RFC 7617), or OAuth 2.0 bearer tokens it issues itself at POST /oauth/token (client
// credentials, RFC 6749 §4.4: client_secret_basic or _post, expires_in, scope) and refuses once
// expired with WWW-Authenticate: Bearer error="invalid_token" (RFC 6750 §3.1). A test may instead
// hand in `verifyBearer` to accept tokens of a real authorization server (oidc-provider).

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ScimHttpError } from './respond';

export type SandboxAuth =
  | { scheme: 'bearer' }
  | { scheme: 'basic'; username: string; password: string }
  | { scheme: 'oauth2'; clientId: string; clientSecret: string; tokenTtlSeconds: number; scopes?: string[] }
  /** An API key in a header of the vendor's choosing (no Authorization header). */
  | { scheme: 'api-key'; header: string; value: string }
  /** Tokens of an external authorization server; answer 'expired' to get the invalid_token challenge. */
  | { scheme: 'external'; verifyBearer: (token: string) => Promise<'valid' | 'invalid' | 'expired'> };

/** The demo credentials `sandbox --auth basic|oauth2` prints (not secrets: they open this loopback tenant only). */
export const DEMO_BASIC = { username: 'sandbox-admin', password: 'sandbox-demo-password' } as const;
export const DEMO_CLIENT = { clientId: 'sandbox-demo-client', clientSecret: 'sandbox-demo-secret' } as const;
export const TOKEN_PATH = '/oauth/token';

export interface AuthState {
  auth: SandboxAuth;
  /** Issued access tokens and when they stop working (ms). */
  issued: Map<string, number>;
  /** Every access token ever issued (revoked ones too), for leak tests to look for. */
  everIssued: string[];
  tokenRequests: number;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function bearerOf(req: IncomingMessage): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
}

function basicOf(header: string | undefined): { user: string; pass: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m?.[1]) return null;
  const text = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? null : { user: text.slice(0, colon), pass: text.slice(colon + 1) };
}

const challenge = (auth: SandboxAuth, error?: string): Record<string, string> =>
  auth.scheme === 'basic' ? { 'WWW-Authenticate': 'Basic realm="sandbox", charset="UTF-8"' } : { 'WWW-Authenticate': `Bearer realm="sandbox"${error ? `, error="${error}", error_description="The access token expired or is unknown; request a new one"` : ''}` };

/** Throws 401 unless the request carries a credential this sandbox accepts. */
export async function requireAuth(state: AuthState, req: IncomingMessage, staticToken: string): Promise<void> {
  const { auth } = state;
  if (auth.scheme === 'basic') {
    const given = basicOf(req.headers.authorization);
    if (given && same(given.user, auth.username) && same(given.pass, auth.password)) return;
    throw new ScimHttpError(401, undefined, 'Missing or wrong Basic credentials.', challenge(auth));
  }
  if (auth.scheme === 'api-key') {
    const given = req.headers[auth.header.toLowerCase()];
    if (typeof given === 'string' && same(given, auth.value)) return;
    throw new ScimHttpError(401, undefined, `Missing or wrong ${auth.header} header.`);
  }
  const token = bearerOf(req);
  if (auth.scheme === 'bearer') {
    if (token !== null && same(token, staticToken)) return;
    throw new ScimHttpError(401, undefined, 'Missing or wrong bearer token; send Authorization: Bearer <sandbox token>.', challenge(auth));
  }
  if (token === null) throw new ScimHttpError(401, undefined, 'Send an OAuth 2.0 bearer token.', challenge(auth));
  if (auth.scheme === 'external') {
    const verdict = await auth.verifyBearer(token);
    if (verdict === 'valid') return;
    throw new ScimHttpError(401, undefined, 'The access token is not valid.', challenge(auth, 'invalid_token'));
  }
  const until = state.issued.get(token);
  if (until !== undefined && Date.now() < until) return;
  throw new ScimHttpError(401, undefined, 'The access token expired or is unknown.', challenge(auth, 'invalid_token'));
}

function tokenError(res: ServerResponse, status: number, error: string, description: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify({ error, error_description: description }));
}

/** POST /oauth/token: the client-credentials grant (RFC 6749 §4.4), errors as §5.2 says. */
export async function handleTokenRequest(state: AuthState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { auth } = state;
  if (auth.scheme !== 'oauth2') return tokenError(res, 404, 'invalid_request', 'This sandbox does not issue OAuth tokens; start it with --auth oauth2.');
  if ((req.method ?? 'GET').toUpperCase() !== 'POST') return tokenError(res, 405, 'invalid_request', 'Use POST.');
  state.tokenRequests += 1;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  const basic = basicOf(req.headers.authorization);
  // §2.3.1: the id and secret inside Basic are form-encoded.
  const decode = (v: string): string => decodeURIComponent(v.replace(/\+/g, ' '));
  const id = basic ? decode(basic.user) : form.get('client_id');
  const secret = basic ? decode(basic.pass) : form.get('client_secret');
  if (id === null || secret === null || !same(id, auth.clientId) || !same(secret, auth.clientSecret)) {
    return tokenError(res, 401, 'invalid_client', 'Client authentication failed.', basic ? { 'WWW-Authenticate': 'Basic realm="sandbox"' } : {});
  }
  if (form.get('grant_type') !== 'client_credentials') return tokenError(res, 400, 'unsupported_grant_type', 'Only client_credentials is offered.');
  const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
  const allowed = auth.scopes ?? ['scim'];
  const unknown = asked.find((s) => !allowed.includes(s));
  if (unknown) return tokenError(res, 400, 'invalid_scope', `The scope "${unknown}" is not granted to this client.`);
  const token = randomBytes(24).toString('base64url');
  state.issued.set(token, Date.now() + auth.tokenTtlSeconds * 1000);
  state.everIssued.push(token);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: auth.tokenTtlSeconds, scope: (asked.length > 0 ? asked : allowed).join(' ') }));
}

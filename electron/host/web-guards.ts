// The checks every browser-mode request passes before anything else runs: Host must be exactly
// the loopback address:port we listen on (DNS-rebinding guard), Origin must be ours when sent, and
// API calls must carry the per-launch secret. There are no CORS headers anywhere, so another
// origin's page can neither read answers nor pass a preflight.

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SECRET_HEADER = 'x-inspector-secret';

export interface GuardConfig {
  /** "127.0.0.1:PORT" */
  host: string;
  /** "http://127.0.0.1:PORT" */
  origin: string;
  secret: string;
}

export type GuardVerdict = { ok: true } | { ok: false; reason: string };

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function secretMatches(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Host header check, applied to every request including static files. */
export function checkHost(req: IncomingMessage, config: GuardConfig): GuardVerdict {
  return header(req, 'host') === config.host ? { ok: true } : { ok: false, reason: 'Host is not this loopback address' };
}

/**
 * API check. POST must send our Origin (browsers always do for POST); a GET (the event stream)
 * may omit it, as same-origin GETs do, but if present it must match, and Sec-Fetch-Site must not
 * say cross-site.
 */
export function checkApi(req: IncomingMessage, config: GuardConfig): GuardVerdict {
  const host = checkHost(req, config);
  if (!host.ok) return host;
  const origin = header(req, 'origin');
  if (origin !== undefined && origin !== config.origin) return { ok: false, reason: 'Origin does not match' };
  if (origin === undefined && req.method !== 'GET') return { ok: false, reason: 'Origin is required' };
  const site = header(req, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { ok: false, reason: 'cross-site request' };
  if (!secretMatches(header(req, SECRET_HEADER), config.secret)) return { ok: false, reason: 'missing or wrong secret' };
  return { ok: true };
}

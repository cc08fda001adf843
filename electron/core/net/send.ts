// One HTTP exchange through the connection's network — the SCIM calls' and a token endpoint's
// alike: the route (direct or which proxy), the body read under its cap, a request-log entry
// saying where it went, and a failure mapped to an error that names its cause (certificate,
// proxy, refused, timed out) with every secret of the connection scrubbed from it.

import type { IncomingHttpHeaders } from 'node:http';
import { InspectorError } from '../../../shared/errors';
import type { SecretSet } from '../secrets/index';
import { transportError } from '../scim/errors';
import { cancelledBeforeSending } from '../scim/retry';
import type { RequestLog } from '../scim/request-log';
import { readCapped } from '../scim/response-body';
import { explainConnectionFailure } from './failures';
import type { Network } from './network';

export interface SendRequest {
  method: string;
  url: string;
  /** Headers as sent (credentials included). */
  headers: Record<string, string>;
  /** The same headers as the log shows them (credentials as "[redacted]"). */
  shownHeaders: Record<string, string>;
  body: string | null;
  signal?: AbortSignal | null;
  maxBodyBytes: number;
  /** Secrets in the answer (an access token), added before the exchange is logged. */
  secretsIn?: (text: string) => (string | null | undefined)[];
  /** Called at the moment the request is handed to the network: from then on it may have left. */
  onDispatch?: () => void;
}

export interface SendResult {
  status: number;
  headers: Record<string, string>;
  bytes: Buffer;
  size: number;
  proxy: string | null;
}

export interface SendDeps {
  network: Network;
  log: RequestLog;
  secrets: SecretSet;
  connectTimeoutMs: number;
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export async function send(deps: SendDeps, req: SendRequest): Promise<SendResult> {
  const { log, secrets } = deps;
  const started = Date.now();
  const t0 = performance.now();
  let logged = false;
  let proxy: string | null = null;
  let status: number | null = null;
  let resHeaders: Record<string, string> = {};
  let unsent = false;
  const record = (text: Uint8Array | null, size: number, error: string | null): void => {
    logged = true;
    log.record({ startedAt: started, method: req.method, url: req.url, status, durationMs: performance.now() - t0, requestHeaders: req.shownHeaders, requestBody: req.body, responseHeaders: resHeaders, responseBody: text, responseSize: size, error, redactor: secrets, proxy });
  };
  try {
    const target = new URL(req.url);
    const route = await deps.network.route(target);
    proxy = route.proxy;
    // Checked in the same tick as the hand-over below: a cancel seen here stops the request before
    // it leaves, so the caller may say it was not sent (and there is no exchange to log).
    if (req.signal?.aborted) {
      unsent = true;
      throw cancelledBeforeSending();
    }
    req.onDispatch?.();
    const res = await route.dispatcher
      .request({ origin: target.origin, path: `${target.pathname}${target.search}`, method: req.method as 'GET', headers: req.headers, body: req.body, signal: req.signal ?? null })
      .catch(async (error: unknown) => {
        throw (await explainConnectionFailure(error, { url: req.url, proxy, timeoutMs: deps.connectTimeoutMs, clientTls: deps.network.clientTls() })) ?? error;
      });
    status = res.statusCode;
    resHeaders = flatten(res.headers);
    const { bytes, size } = await readCapped(res.body, { method: req.method, url: req.url, status }, req.maxBodyBytes, resHeaders['content-length']);
    if (req.secretsIn) for (const s of req.secretsIn(bytes.toString('utf8'))) secrets.add(s);
    // The log keeps the bytes and redacts them when they are read.
    record(bytes, size, null);
    return { status, headers: resHeaders, bytes, size, proxy };
  } catch (error) {
    if (unsent) throw error;
    let failure = secrets.error(transportError(error, { method: req.method, url: req.url }));
    // A body that broke off after the status line still tells a write's caller it was accepted.
    if (status !== null && failure.details?.status === undefined) failure = new InspectorError(failure.code, failure.message, { ...failure.details, status });
    if (!logged) record(null, 0, failure.message);
    throw failure;
  }
}

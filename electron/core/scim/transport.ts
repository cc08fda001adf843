// The HTTP transport every SCIM call goes through: the connection's network (direct or through a
// proxy, with its CAs and client certificate), timeouts, cancellation, same-origin redirects,
// retries within a budget, and a request log entry for every exchange. Credentials come from the
// connection's auth scheme for each exchange (a bearer token by default) and go only into the
// headers it names; a 401 the scheme can cure (an expired OAuth token) is retried once with a new
// one. Errors and the request log are scrubbed of every form of every secret (transport.secrets);
// parsed answers are not — they are the tenant's data, which a later PUT may send back, so the
// hosts redact them where they are shown or exported.

import { InspectorError } from '../../../shared/errors';
import { bearerAuth } from '../auth/static';
import type { AppliedAuth, AuthContext, RequestAuth } from '../auth/types';
import { scanJsonLayout } from '../io/json-layout';
import { createNetwork } from '../net/network';
import { send } from '../net/send';
import { SecretSet } from '../secrets/index';
import { joinUrl, normalizeBaseUrl } from './base-url';
import { httpError, isRetryableFailure, transportError } from './errors';
import { createRequestLog, type RequestLogOptions } from './request-log';
import { DEFAULT_MAX_BODY_BYTES, parseErrorBody, parseSuccessBody } from './response-body';
import { backoffDelay, cancelled, cancelledBeforeSending, RetryBudget, serverRequestedWait, sleep } from './retry';
import type { ConnectionOptions, HttpRequest, HttpResponse, Transport } from './types';

const MAX_ATTEMPTS = 8;
const MAX_REDIRECTS = 5;
const USER_AGENT = 'scim-inspector/0.1.0';
const ACCEPT = 'application/scim+json, application/json;q=0.9, text/json;q=0.8';
// Headers the profile may not set: the transport and the auth scheme own them.
const RESERVED = /^(authorization|proxy-authorization|host|content-length|connection|transfer-encoding)$/i;
/** A token endpoint's answer is a small JSON document. */
const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;

export interface TransportTuning {
  log?: RequestLogOptions;
  /** Backoff randomness; injected by tests that need determinism. */
  random?: () => number;
  /** Backoff base (default 250 ms). */
  backoffBaseMs?: number;
}

interface Exchange {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body as received (BOM dropped): the text is decoded from it. */
  bytes: Buffer;
  size: number;
  url: string;
  /** The credentials it was sent with (a 401 names the one refused). */
  applied: AppliedAuth;
}

function allowedHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (!RESERVED.test(name)) out[name.toLowerCase()] = value;
  return out;
}

function defaultAuth(options: ConnectionOptions): RequestAuth {
  if (options.auth) return options.auth;
  const token = options.token;
  return bearerAuth(token ?? (() => Promise.reject(new InspectorError('token-missing', 'No token is set for this connection. Paste the SCIM bearer token from the service admin console into the profile.'))));
}

export function createTransport(options: ConnectionOptions, tuning: TransportTuning = {}): Transport {
  let baseUrl = normalizeBaseUrl(options.baseUrl);
  const origin = new URL(baseUrl).origin;
  // Credentials must not travel to another host: other bases are accepted only on the same origin.
  const sameOriginBase = (input: string): string => {
    const candidate = normalizeBaseUrl(input);
    if (new URL(candidate).origin !== origin) {
      throw new InspectorError('invalid-url', `${candidate} is on another host than this connection (${origin}). Create a connection for that URL instead.`);
    }
    return candidate;
  };
  const log = createRequestLog(tuning.log);
  const secrets = new SecretSet();
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const network = createNetwork({ ...options.network, connectTimeoutMs, headersTimeoutMs: options.headersTimeoutMs ?? 60_000, bodyTimeoutMs: options.bodyTimeoutMs ?? 60_000 }, secrets);
  const auth = defaultAuth(options);
  const deps = { network, log, secrets, connectTimeoutMs };
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const budgetMs = options.retryBudgetMs ?? 120_000;

  const authContext = (signal: AbortSignal | undefined): AuthContext => ({
    secrets,
    ...(signal ? { signal } : {}),
    async post(request) {
      const res = await send(deps, {
        method: 'POST',
        url: request.url,
        headers: { 'user-agent': USER_AGENT, ...request.headers },
        shownHeaders: { 'user-agent': USER_AGENT, ...request.headers, ...(request.headers.authorization ? { authorization: `${request.headers.authorization.split(' ')[0] ?? ''} [redacted]` } : {}) },
        body: request.body,
        signal: signal ?? null,
        maxBodyBytes: MAX_TOKEN_RESPONSE_BYTES,
        ...(request.secretsIn ? { secretsIn: request.secretsIn } : {}),
      });
      return { status: res.status, headers: res.headers, text: res.bytes.toString('utf8') };
    },
  });

  /** One HTTP exchange including same-origin redirects; each hop is logged. */
  async function exchange(req: HttpRequest, startUrl: string, bodyText: string | null, onDispatch: () => void): Promise<Exchange> {
    let url = startUrl;
    let method: HttpRequest['method'] = req.method;
    let body = bodyText;
    for (let hop = 0; ; hop++) {
      const applied = await auth.apply(authContext(req.signal));
      // A profile may override Content-Type: a few servers refuse application/scim+json.
      const headers: Record<string, string> = {
        accept: ACCEPT,
        'user-agent': USER_AGENT,
        ...(body !== null ? { 'content-type': 'application/scim+json; charset=utf-8' } : {}),
        ...allowedHeaders(options.headers),
        ...allowedHeaders(req.headers),
      };
      if (body === null) delete headers['content-type'];
      const res = await send(deps, { method, url, headers: { ...headers, ...applied.headers }, shownHeaders: { ...headers, ...applied.shown }, body, signal: req.signal ?? null, maxBodyBytes: maxBody, onDispatch });
      const { status } = res;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location !== undefined && status !== 304) {
        const next = new URL(location, url);
        if (next.origin !== origin) {
          throw new InspectorError('bad-response', `${method} ${url} redirected to another site (${next.origin}); its token is not sent there, nor any other credential. If that is the real SCIM endpoint, use ${next.origin}${next.pathname.replace(/\/+$/, '')} as the base URL.`, { status, method, url, redirect: next.origin });
        }
        if (hop + 1 > MAX_REDIRECTS) throw new InspectorError('bad-response', `${method} ${startUrl} redirected more than ${MAX_REDIRECTS} times. Check the base URL.`, { status, method, url });
        if (status === 303 || ((status === 301 || status === 302) && method === 'GET')) {
          method = 'GET';
          body = null;
        } else if (status !== 307 && status !== 308) {
          // Turning a write into a GET (what browsers do on 301/302) would silently drop the change.
          throw new InspectorError('bad-response', `${method} ${url} was redirected (${status}) in a way that would drop the request body. Use the redirect target ${next.href} as the base URL.`, { status, method, url });
        }
        url = next.href;
        continue;
      }
      // The text is parsed as the server sent it (a user whose title equals the token keeps it).
      return { status, headers: res.headers, text: res.bytes.toString('utf8'), bytes: res.bytes, size: res.size, url, applied };
    }
  }

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const idempotent = req.idempotent ?? req.method === 'GET';
    const url = joinUrl(req.baseUrl === undefined ? baseUrl : sameOriginBase(req.baseUrl), req.path, req.query);
    const bodyText = req.body === undefined ? null : JSON.stringify(req.body);
    const budget = new RetryBudget(budgetMs);
    let reauthorised = false;
    // Whether any attempt (or redirect hop) of this request was handed to the network: until then a
    // cancel proves it was not sent; after, it may have landed.
    let dispatched = false;
    const stopped = (): InspectorError => (dispatched ? cancelled() : cancelledBeforeSending());
    // A cancel while a new credential is fetched comes after this request was sent (and refused).
    const refreshed = async (answer: Exchange): Promise<boolean> =>
      (await auth.refreshAfter?.(answer.applied, answer, authContext(req.signal)).catch((error: unknown) => {
        throw error instanceof InspectorError && error.code === 'cancelled' ? stopped() : error;
      })) === true;
    for (let attempt = 0; ; attempt++) {
      if (req.signal?.aborted) throw stopped();
      const last = attempt + 1 >= MAX_ATTEMPTS;
      const retryAfter = async (ms: number): Promise<boolean> => {
        if (last || !budget.allows(ms)) return false;
        await sleep(ms, req.signal);
        return true;
      };
      const backoff = (): number => backoffDelay(attempt, { random: tuning.random, baseMs: tuning.backoffBaseMs });
      let ex: Exchange;
      try {
        ex = await exchange(req, url, bodyText, () => (dispatched = true));
      } catch (error) {
        // Redirect targets, token endpoint answers and echoed headers may carry a secret.
        const failure = secrets.error(error instanceof InspectorError ? error : transportError(error, { method: req.method, url }));
        if (failure.code === 'cancelled' || req.signal?.aborted) throw stopped();
        if (idempotent && isRetryableFailure(failure) && (await retryAfter(backoff()))) continue;
        throw idempotent || failure.code === 'token-missing' ? failure : writeOutcomeUnknown(failure, req.method);
      }
      // A 401 means the request was not processed, so even a write may be sent again, once, with
      // the credential the scheme renewed (an OAuth token that expired or was revoked).
      if (ex.status === 401 && !reauthorised && auth.refreshAfter && (await refreshed(ex))) {
        reauthorised = true;
        continue;
      }
      const ctx = { method: req.method, url: ex.url, status: ex.status };
      if (ex.status >= 200 && ex.status < 300) {
        try {
          // One scan of the bytes guards the depth and finds where each listed resource lies.
          const layout = scanJsonLayout(ex.bytes);
          const body = parseSuccessBody(ex.text, ex.headers['content-type'] ?? '', ctx, ex.size, (t) => secrets.text(t), layout);
          req.accept?.(body, ex.url, { bytes: ex.bytes, text: ex.text, layout });
          return { status: ex.status, headers: ex.headers, body, size: ex.size, url: ex.url };
        } catch (error) {
          if (!(error instanceof InspectorError)) throw error;
          // On an endpoint known to speak SCIM, a web page in place of JSON is a gateway's, not a wrong URL.
          const transient = isRetryableFailure(error) || (req.accept !== undefined && error.code === 'not-scim');
          if (idempotent && transient && (await retryAfter(backoff()))) continue;
          if (transient && req.accept !== undefined) throw secrets.error(persisted(error, attempt + 1));
          if (idempotent || error.code !== 'bad-response') throw secrets.error(error);
          throw secrets.error(new InspectorError(error.code, `${error.message} The ${req.method} was probably applied (the server answered ${ex.status}); reload the resource to see its state.`, error.details));
        }
      }
      const asked = serverRequestedWait(ex.headers);
      // 429 and 503 state the request was not processed, so even writes may be repeated.
      if (ex.status === 429 || ex.status === 503) {
        if (await retryAfter(asked ?? backoff())) continue;
      } else if (idempotent && ex.status >= 500 && ex.status !== 501 && (await retryAfter(backoff()))) {
        continue;
      }
      // The error is shown (CLI, dialogs, logs), so its body is scrubbed of every decoded form of
      // the secrets before a detail is cut from it: a server may echo the token JSON-escaped
      // ("Qk\/7x\u002B…"), and a cut through it would leave half a token no search finds.
      const body = secrets.value(parseErrorBody(ex.text));
      throw secrets.error(httpError({ status: ex.status, method: req.method, url: ex.url, body, text: secrets.text(ex.text), contentType: ex.headers['content-type'] ?? '', retryAfterMs: asked }));
    }
  }

  return {
    get baseUrl() {
      return baseUrl;
    },
    setBaseUrl(next: string) {
      baseUrl = sameOriginBase(next);
    },
    request,
    log,
    secrets,
    describe: () => ({ auth: auth.info(), network: network.info() }),
    close: () => network.close(),
  };
}

/** A transient answer that kept coming: the same error, saying it was retried. */
function persisted(error: InspectorError, attempts: number): InspectorError {
  const tries = attempts > 1 ? ` It was the answer to all ${attempts} attempts, so the call gave up; try again later, and if it repeats send the request log (HAR) to the vendor.` : '';
  return new InspectorError(error.code, `${error.message}${tries}`, { ...error.details, attempts });
}

// Failures that happen before a request can reach the server: a write hit by them was not applied.
const NEVER_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|UND_ERR_CONNECT_TIMEOUT)$|CERT|SSL|TLS/;

/** A write whose connection failed: it may have been applied, so it is not repeated blindly. */
function writeOutcomeUnknown(failure: InspectorError, method: string): InspectorError {
  if (failure.code !== 'network' && failure.code !== 'timeout') return failure;
  const cause = failure.details?.cause;
  if (typeof cause === 'string' && NEVER_SENT.test(cause)) return failure;
  const status = failure.details?.status;
  const outcome =
    typeof status === 'number' && status >= 200 && status < 300
      ? `The ${method} was probably applied (the server answered ${status} before the connection broke): reload the resource to see its state.`
      : `The ${method} may or may not have been applied: reload the resource to check before trying again.`;
  return new InspectorError(failure.code, `${failure.message} ${outcome}`, failure.details);
}

// The one place where HTTP answers and transport failures become InspectorErrors. Every message
// says what to do next; details carry status, method and URL (the URL never holds the token,
// which only ever travels in the Authorization header).

import { InspectorError, type ErrorCode } from '../../../shared/errors';

export interface ScimErrorFields {
  status?: number;
  scimType?: string;
  detail?: string;
}

export interface HttpErrorContext {
  status: number;
  method: string;
  url: string;
  /** Parsed JSON body when the body was JSON, else null. */
  body: unknown;
  /** Raw body text (already scrubbed of the token by the caller). */
  text: string;
  contentType: string;
  /** How long the server asked us to wait, when it said so. */
  retryAfterMs?: number | null;
}

const MAX_DETAIL = 300;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneLine(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > MAX_DETAIL ? `${collapsed.slice(0, MAX_DETAIL)}…` : collapsed;
}

/**
 * Reads an RFC 7644 §3.12 error body. Vendors send `status` as a string or a number and sometimes
 * use other casing ("Detail", "scimtype"), so keys are matched case-insensitively.
 */
export function parseScimError(body: unknown): ScimErrorFields | null {
  if (!isRecord(body)) return null;
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(body)) lower.set(k.toLowerCase(), v);
  const out: ScimErrorFields = {};
  const status = lower.get('status');
  if (typeof status === 'number' && Number.isFinite(status)) out.status = status;
  else if (typeof status === 'string' && /^\d{3}$/.test(status.trim())) out.status = Number(status.trim());
  const scimType = lower.get('scimtype');
  if (typeof scimType === 'string' && scimType.trim() !== '') out.scimType = scimType.trim();
  const detail = lower.get('detail') ?? lower.get('message') ?? lower.get('error_description') ?? lower.get('error');
  if (typeof detail === 'string' && detail.trim() !== '') out.detail = oneLine(detail);
  return out.status === undefined && out.scimType === undefined && out.detail === undefined ? null : out;
}

/** A short human excerpt of a non-SCIM body: the <title> of an HTML page, or the first line of text. */
export function describeNonScimBody(text: string, contentType: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/html/i.test(contentType) || /^<(!doctype|html)/i.test(trimmed)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(trimmed)?.[1];
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(trimmed)?.[1];
    const picked = title ?? h1;
    return picked ? oneLine(picked.replace(/<[^>]+>/g, '')) : 'an HTML page';
  }
  return oneLine(trimmed);
}

function codeFor(status: number, scimType: string | undefined): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 412) return 'precondition-failed';
  if (status === 429) return 'rate-limited';
  // "Not Implemented" / "Method Not Allowed" are answers about the request, not a failing server.
  if (status === 501 || status === 405) return 'not-supported';
  if (status >= 500) return 'server-error';
  if (status === 400 && scimType?.toLowerCase() === 'invalidfilter') return 'invalid-filter';
  // Some vendors answer a duplicate with 400 uniqueness instead of RFC 7644's 409.
  if (status === 400 && scimType?.toLowerCase() === 'uniqueness') return 'conflict';
  if (status === 400 || status === 413) return 'invalid-input';
  return 'bad-response';
}

function adviceFor(code: ErrorCode, ctx: HttpErrorContext, scimType: string | undefined): string {
  const s = ctx.status;
  switch (code) {
    case 'unauthorized':
      return `The server rejected the token (401): it is wrong, revoked or expired. Create a new SCIM token in the service's admin console and update it in the profile.`;
    case 'forbidden':
      return `The token was accepted but is not allowed to ${ctx.method} this (403). Check the token's permissions and that the plan includes SCIM.`;
    case 'not-found':
      return ctx.method === 'GET' && !/\/(Users|Groups)\/[^/]+$/i.test(new URL(ctx.url).pathname)
        ? `Nothing at ${ctx.url} (404). Check the base URL: it usually ends in /scim/v2 or /v2.`
        : `Not found (404) at ${ctx.url}: the resource is gone (deleted elsewhere?) or the base URL is wrong. Reload and check the base URL.`;
    case 'conflict':
      return `The server refused the change because of a conflict (${s}${scimType ? `, ${scimType}` : ''})${
        scimType?.toLowerCase() === 'uniqueness' ? ': another resource already has that unique value (userName, externalId or displayName)' : ''
      }. Reload and resolve the conflict before trying again.`;
    case 'precondition-failed':
      return `The resource changed since you loaded it (412): someone else modified it. Reload it, check the change still makes sense, and apply it again.`;
    case 'rate-limited': {
      const wait = ctx.retryAfterMs != null ? ` The server asked to wait ${Math.ceil(ctx.retryAfterMs / 1000)} s.` : '';
      return `The server is rate limiting requests (429) and retrying did not get through.${wait} Wait a while, or lower the concurrency, then try again.`;
    }
    case 'server-error':
      return `The server failed to answer ${ctx.method} ${ctx.url} (${s}). Try again later; if it keeps failing, send the request log (HAR) to the vendor.`;
    case 'not-supported':
      return `The server does not implement this ${ctx.method} (${s} ${s === 501 ? 'Not Implemented' : 'Method Not Allowed'}) at ${ctx.url}; this is not a temporary failure, so retrying will not help. Nothing was changed by it. Use another form of the change the server supports, if one is offered.`;
    case 'invalid-filter':
      return `The server rejected the filter (400, invalidFilter). Check the filter syntax and that the attribute is filterable on this server.`;
    case 'invalid-input':
      return `The server rejected the request as invalid (${s}${scimType ? `, ${scimType}` : ''}). Check the values sent; the detail below says what it disliked.`;
    default:
      return `Unexpected answer ${s} to ${ctx.method} ${ctx.url}.`;
  }
}

/** Maps a non-2xx HTTP answer to an InspectorError (the one mapping; see adviceFor). */
export function httpError(ctx: HttpErrorContext): InspectorError {
  const scim = parseScimError(ctx.body);
  const detail = scim?.detail ?? (ctx.body === null ? describeNonScimBody(ctx.text, ctx.contentType) : undefined);
  const code = codeFor(ctx.status, scim?.scimType);
  const advice = adviceFor(code, ctx, scim?.scimType);
  const message = detail ? `${advice} Server said: ${detail}` : advice;
  const details: Record<string, unknown> = { status: ctx.status, method: ctx.method, url: ctx.url };
  if (scim?.scimType) details.scimType = scim.scimType;
  if (detail) details.detail = detail;
  if (ctx.retryAfterMs != null) details.retryAfterMs = ctx.retryAfterMs;
  return new InspectorError(code, message, details);
}

export interface FailureContext {
  method: string;
  url: string;
}

/** Reads `code`/`name` off whatever undici or node threw, including a wrapped `cause`. */
function errorCodeOf(error: unknown): { code: string; name: string; message: string } {
  if (!isRecord(error) && !(error instanceof Error)) return { code: '', name: '', message: String(error) };
  const e = error as unknown as Record<string, unknown>;
  const cause = isRecord(e.cause) ? e.cause : undefined;
  const code = typeof e.code === 'string' ? e.code : typeof cause?.code === 'string' ? cause.code : '';
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : '';
  return { code, name, message };
}

/** Whether a transport failure may be retried for an idempotent read (not for refused/unknown hosts). */
export function isRetryableFailure(error: InspectorError): boolean {
  return error.details?.retryable === true;
}

/** Maps a thrown transport error (undici/node) to an InspectorError. */
export function transportError(error: unknown, ctx: FailureContext): InspectorError {
  if (error instanceof InspectorError) return error;
  const { code, name, message } = errorCodeOf(error);
  const base = { method: ctx.method, url: ctx.url, cause: code || name };
  if (name === 'AbortError' || code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') {
    return new InspectorError('cancelled', 'The operation was cancelled.', { method: ctx.method, url: ctx.url });
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new InspectorError('timeout', `Could not connect to ${new URL(ctx.url).host} in time. Check the base URL, VPN or firewall.`, { ...base, retryable: true });
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new InspectorError('timeout', `The server stopped answering ${ctx.method} ${ctx.url} (timed out). Try again, or raise the timeout for a slow tenant.`, { ...base, retryable: true });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new InspectorError('network', `The host ${new URL(ctx.url).hostname} could not be found. Check the base URL for typos.`, base);
  }
  if (code === 'ECONNREFUSED') {
    return new InspectorError('network', `Nothing is listening at ${new URL(ctx.url).host} (connection refused). Check the base URL and port.`, base);
  }
  if (/CERT|SSL|TLS/i.test(code)) {
    return new InspectorError('network', `The TLS certificate of ${new URL(ctx.url).host} could not be verified (${code}). Check the URL; a corporate proxy may be intercepting.`, base);
  }
  return new InspectorError(
    'network',
    `The connection failed during ${ctx.method} ${ctx.url} (${code || name || 'error'}: ${oneLine(message)}). Check the network and try again.`,
    { ...base, retryable: true },
  );
}

// The in-memory request log: every HTTP exchange the transport makes (retries included, since
// they are what an admin needs to see when a vendor misbehaves). Headers are redacted and the
// token string is scrubbed from bodies before an entry exists, so nothing downstream (UI, HAR,
// curl, CSV) can leak it.

import { InspectorError } from '../../../shared/errors';
import type { RequestLogEntry } from '../../../shared/scim';
import type { RequestLogApi } from './types';
import { toHar } from './har';

export const REDACTED = '[redacted]';

const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|api[-_]?key|password/i;

/**
 * Replaces every occurrence of the secret (the bearer token) in text, also in its URL-encoded
 * form: a HAR viewer decodes query strings, which would otherwise bring it back.
 */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  let out = text.includes(secret) ? text.split(secret).join(REDACTED) : text;
  const encoded = encodeURIComponent(secret);
  if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join(REDACTED);
  return out;
}

/** Headers as they may be shown anywhere: Authorization becomes "Bearer [redacted]". */
export function redactHeaders(headers: Record<string, string>, secret?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (/^(proxy-)?authorization$/i.test(name)) {
      const scheme = /^(\S+)\s/.exec(value)?.[1];
      out[name] = scheme ? `${scheme} ${REDACTED}` : REDACTED;
    } else if (SENSITIVE_HEADER.test(name)) {
      out[name] = REDACTED;
    } else {
      out[name] = redactSecret(value, secret);
    }
  }
  return out;
}

/** Cuts text to maxBytes of UTF-8 (never mid-character). */
export function capText(text: string, maxBytes: number): { text: string; truncated: boolean } {
  // Every character is at least one byte, so a long text can be cut before encoding (bodies reach 50 MB).
  const head = text.length > maxBytes ? text.slice(0, maxBytes) : text;
  const bytes = Buffer.from(head, 'utf8');
  if (head === text && bytes.length <= maxBytes) return { text, truncated: false };
  const cut = bytes.subarray(0, maxBytes).toString('utf8').replace(/\uFFFD$/, '');
  return { text: cut, truncated: true };
}

export interface LogRecord {
  startedAt: number;
  method: string;
  url: string;
  status: number | null;
  durationMs: number;
  /** Raw headers as sent; redacted here. */
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
  responseSize: number;
  error: string | null;
  /** The token used for this call, scrubbed from everything and then forgotten. */
  secret?: string;
}

export interface RequestLogOptions {
  /** Ring size (default 2,000 entries). */
  maxEntries?: number;
  /** Cap per body kept in the log (default 64 KB). */
  maxBodyBytes?: number;
  /**
   * Cap on all bodies kept together (default 24 MB of text): a 100,000-user listing must not keep
   * hundreds of MB of page bodies alive. The oldest entries lose their bodies first.
   */
  maxTotalBodyBytes?: number;
}

export interface RequestLog extends RequestLogApi {
  record(input: LogRecord): RequestLogEntry;
}

export function createRequestLog(options: RequestLogOptions = {}): RequestLog {
  const maxEntries = Math.max(1, options.maxEntries ?? 2000);
  const maxBody = Math.max(0, options.maxBodyBytes ?? 64 * 1024);
  const maxTotal = Math.max(0, options.maxTotalBodyBytes ?? 24 * 1024 * 1024);
  const ring: RequestLogEntry[] = [];
  let totalBody = 0;
  let oldestWithBody = 0; // index into ring: entries before it have had their bodies dropped
  const bodySize = (e: RequestLogEntry): number => (e.requestBody?.length ?? 0) + (e.responseBody?.length ?? 0);
  const listeners = new Set<(entry: RequestLogEntry) => void>();
  // The shared entry type has one bodiesTruncated flag; curl needs to know about the request side.
  const requestCut = new Set<number>();
  let nextId = 1;

  const keepBody = (body: string | null, secret: string | undefined): { text: string | null; truncated: boolean } => {
    if (body === null) return { text: null, truncated: false };
    const capped = capText(redactSecret(body, secret), maxBody);
    return { text: capped.text, truncated: capped.truncated };
  };

  return {
    record(input) {
      const req = keepBody(input.requestBody, input.secret);
      const res = keepBody(input.responseBody, input.secret);
      const entry: RequestLogEntry = {
        id: nextId++,
        startedAt: new Date(input.startedAt).toISOString(),
        method: input.method,
        url: redactSecret(input.url, input.secret),
        status: input.status,
        durationMs: Math.round(input.durationMs),
        requestHeaders: redactHeaders(input.requestHeaders, input.secret),
        requestBody: req.text,
        responseHeaders: redactHeaders(input.responseHeaders, input.secret),
        responseBody: res.text,
        responseSize: input.responseSize,
        bodiesTruncated: req.truncated || res.truncated,
        error: input.error === null ? null : redactSecret(input.error, input.secret),
      };
      ring.push(entry);
      totalBody += bodySize(entry);
      if (req.truncated) requestCut.add(entry.id);
      if (ring.length > maxEntries) {
        const dropped = ring.splice(0, ring.length - maxEntries);
        for (const d of dropped) requestCut.delete(d.id);
        // Bodies of dropped entries are counted only if they still had them.
        dropped.forEach((d, i) => {
          if (i >= oldestWithBody) totalBody -= bodySize(d);
        });
        oldestWithBody = Math.max(0, oldestWithBody - dropped.length);
      }
      // Entries are handed out, so they are replaced rather than mutated when their bodies go.
      while (totalBody > maxTotal && oldestWithBody < ring.length - 1) {
        const old = ring[oldestWithBody];
        if (old) {
          totalBody -= bodySize(old);
          if (old.requestBody !== null) requestCut.add(old.id);
          ring[oldestWithBody] = { ...old, requestBody: null, responseBody: null, bodiesTruncated: old.bodiesTruncated || bodySize(old) > 0 };
        }
        oldestWithBody++;
      }
      for (const listener of listeners) {
        // A broken subscriber (a closed window) must not turn a finished SCIM call into a failure.
        try {
          listener(entry);
        } catch (error) {
          console.error('request-log subscriber failed:', error instanceof Error ? error.message : String(error));
        }
      }
      return entry;
    },
    entries: () => ring.slice(),
    clear: () => {
      ring.length = 0;
      totalBody = 0;
      oldestWithBody = 0;
      requestCut.clear();
    },
    toHar: () => toHar(ring),
    toCurl: (entryId, envVar = 'SCIM_TOKEN') => {
      const entry = ring.find((e) => e.id === entryId);
      if (!entry) throw new InspectorError('invalid-input', `Request #${entryId} is no longer in the request log (it keeps the last ${maxEntries} calls).`);
      return toCurl(entry, envVar, requestCut.has(entry.id));
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const CURL_SKIP = new Set(['authorization', 'host', 'content-length', 'connection', 'accept-encoding', 'user-agent']);

/**
 * A copy-as-curl command. The token is read from $envVar at run time, so the command can be
 * pasted into a ticket or a terminal without disclosing it.
 */
export function toCurl(entry: RequestLogEntry, envVar = 'SCIM_TOKEN', requestBodyTruncated = false): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(envVar)) {
    throw new InspectorError('invalid-input', `"${envVar}" is not a valid environment variable name (letters, digits and _ only).`);
  }
  if (requestBodyTruncated) {
    const kept = Buffer.byteLength(entry.requestBody ?? '');
    throw new InspectorError('invalid-input', `The request body of #${entry.id} was cut to ${kept} bytes in the log, so a curl command would not repeat the call. Export the HAR instead.`);
  }
  const parts = ['curl'];
  if (/[[\]{}]/.test(entry.url)) parts.push('--globoff');
  if (entry.method !== 'GET') parts.push('-X', entry.method);
  parts.push(shellQuote(entry.url));
  parts.push('-H', `"Authorization: Bearer $${envVar}"`);
  for (const [name, value] of Object.entries(entry.requestHeaders)) {
    if (CURL_SKIP.has(name.toLowerCase())) continue;
    parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (entry.requestBody !== null && entry.requestBody !== '') parts.push('--data-raw', shellQuote(entry.requestBody));
  return parts.join(' ');
}

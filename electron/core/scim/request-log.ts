// The in-memory request log: every HTTP exchange the transport makes (retries included, since
// they are what an admin needs to see when a vendor misbehaves). Headers are redacted and the
// token string is scrubbed from bodies before an entry exists, so nothing downstream (UI, HAR,
// curl, CSV) can leak it.

import { isUtf8 } from 'node:buffer';
import { InspectorError } from '../../../shared/errors';
import type { RequestLogEntry } from '../../../shared/scim';
import { REDACTED, redactorFor, type Redactor } from '../secrets/index';
import type { RequestLogApi } from './types';
import { toHar } from './har';

export { REDACTED };

const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|api[-_]?key|password/i;

/**
 * Replaces every form of the secret in text (raw, escaped, URL-encoded, base64): a HAR viewer
 * decodes query strings and bodies, which would otherwise bring it back.
 */
export function redactSecret(text: string, secret: string | undefined): string {
  return redactorFor(secret).text(text);
}

/** Headers as they may be shown anywhere: Authorization becomes "Bearer [redacted]". */
export function redactHeaders(headers: Record<string, string>, secret?: string | Redactor): Record<string, string> {
  const redactor = typeof secret === 'object' ? secret : redactorFor(secret);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (/^(proxy-)?authorization$/i.test(name)) {
      const scheme = /^(\S+)\s/.exec(value)?.[1];
      out[name] = scheme ? `${scheme} ${REDACTED}` : REDACTED;
    } else if (SENSITIVE_HEADER.test(name)) {
      out[name] = REDACTED;
    } else {
      out[name] = redactor.text(value);
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
  /**
   * Text, or the raw UTF-8 bytes as received (BOM dropped). Bytes are kept as a bounded copy and
   * decoded only when the entry's body is read: most bodies of a long listing never are.
   */
  responseBody: string | Uint8Array | null;
  responseSize: number;
  error: string | null;
  /** One secret to scrub from everything (tests, one-off callers). */
  secret?: string;
  /** The proxy the call went through (origin), or null/absent for a direct connection. */
  proxy?: string | null;
  /**
   * The connection's secrets. The entry keeps a reference: a body kept as bytes is redacted when
   * it is first read, with every secret known by then.
   */
  redactor?: Redactor;
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

type EntryFields = Omit<RequestLogEntry, 'requestBody' | 'responseBody'>;
/** A response body kept as bytes: decoded on first read (cut = it was capped to the log's size). */
interface KeptBytes {
  bytes: Uint8Array;
  cut: boolean;
}
interface Slot {
  entry: RequestLogEntry;
  fields: EntryFields;
  /** Body size counted against the total cap: characters of text, or bytes kept. */
  size: number;
}

/** An entry whose response body, when kept as bytes, is decoded on first read and remembered. */
function entryOf(fields: EntryFields, requestBody: string | null, kept: string | KeptBytes | null, maxBody: number, redactor: Redactor): RequestLogEntry {
  let responseBody = kept;
  const read = (): string | null => {
    if (responseBody !== null && typeof responseBody !== 'string') {
      const { bytes, cut } = responseBody;
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
      // A cut through a character leaves a replacement character; invalid bytes may decode longer.
      const trimmed = redactor.text(cut ? text.replace(/\uFFFD$/, '') : text);
      responseBody = Buffer.byteLength(trimmed) > maxBody ? capText(trimmed, maxBody).text : trimmed;
    }
    return responseBody;
  };
  const { id, startedAt, method, url, status, durationMs, requestHeaders, responseHeaders, responseSize, bodiesTruncated, bodiesDropped, error, proxy } = fields;
  return {
    ...(proxy ? { proxy } : {}),
    ...(bodiesDropped ? { bodiesDropped } : {}),
    id, startedAt, method, url, status, durationMs, requestHeaders, requestBody, responseHeaders,
    get responseBody() {
      return read();
    },
    set responseBody(value: string | null) {
      responseBody = value;
    },
    responseSize, bodiesTruncated, error,
  };
}

export function createRequestLog(options: RequestLogOptions = {}): RequestLog {
  const maxEntries = Math.max(1, options.maxEntries ?? 2000);
  const maxBody = Math.max(0, options.maxBodyBytes ?? 64 * 1024);
  const maxTotal = Math.max(0, options.maxTotalBodyBytes ?? 24 * 1024 * 1024);
  const ring: Slot[] = [];
  let totalBody = 0;
  let oldestWithBody = 0; // index into ring: entries before it have had their bodies dropped
  const listeners = new Set<(entry: RequestLogEntry) => void>();
  // The shared entry type has one bodiesTruncated flag; curl needs to know about the request side.
  const requestCut = new Set<number>();
  let nextId = 1;

  const keepBody = (body: string | null, redactor: Redactor): { text: string | null; truncated: boolean } => {
    if (body === null) return { text: null, truncated: false };
    const capped = capText(redactor.text(body), maxBody);
    return { text: capped.text, truncated: capped.truncated };
  };
  /**
   * Bytes stay bytes (a bounded copy, never a view into a larger buffer) and are redacted when
   * read; only a secret cut in two by the cap is searched for now, since half of it would survive.
   */
  const keepResponse = (body: string | Uint8Array | null, redactor: Redactor): { kept: string | KeptBytes | null; size: number; truncated: boolean } => {
    if (body === null || typeof body === 'string' || (body.byteLength > maxBody && secretAcrossCut(body, maxBody, redactor)) || mayGrowWhenRead(body, maxBody, redactor)) {
      const text = body === null || typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
      const res = keepBody(text, redactor);
      return { kept: res.text, size: res.text?.length ?? 0, truncated: res.truncated };
    }
    const cut = body.byteLength > maxBody;
    const head = cut ? body.subarray(0, maxBody) : body;
    const own = head.byteOffset === 0 && head.byteLength === head.buffer.byteLength;
    return { kept: { bytes: own ? head : new Uint8Array(head), cut }, size: head.byteLength, truncated: cut };
  };

  return {
    record(input) {
      const redactor = input.redactor ?? redactorFor(input.secret);
      const req = keepBody(input.requestBody, redactor);
      const res = keepResponse(input.responseBody, redactor);
      const fields: EntryFields = {
        id: nextId++,
        startedAt: new Date(input.startedAt).toISOString(),
        method: input.method,
        url: redactor.text(input.url),
        status: input.status,
        durationMs: Math.round(input.durationMs),
        requestHeaders: redactHeaders(input.requestHeaders, redactor),
        responseHeaders: redactHeaders(input.responseHeaders, redactor),
        responseSize: input.responseSize,
        bodiesTruncated: req.truncated || res.truncated,
        error: input.error === null ? null : redactor.text(input.error),
        ...(input.proxy ? { proxy: input.proxy } : {}),
      };
      const entry = entryOf(fields, req.text, res.kept, maxBody, redactor);
      const size = (req.text?.length ?? 0) + res.size;
      ring.push({ entry, fields, size });
      totalBody += size;
      if (req.truncated) requestCut.add(entry.id);
      if (ring.length > maxEntries) {
        const dropped = ring.splice(0, ring.length - maxEntries);
        for (const d of dropped) requestCut.delete(d.entry.id);
        // Bodies of dropped entries are counted only if they still had them.
        dropped.forEach((d, i) => {
          if (i >= oldestWithBody) totalBody -= d.size;
        });
        oldestWithBody = Math.max(0, oldestWithBody - dropped.length);
      }
      // Entries are handed out, so they are replaced rather than mutated when their bodies go.
      while (totalBody > maxTotal && oldestWithBody < ring.length - 1) {
        const old = ring[oldestWithBody];
        if (old) {
          totalBody -= old.size;
          if (old.entry.requestBody !== null) requestCut.add(old.entry.id);
          const fieldsNow: EntryFields = { ...old.fields, bodiesTruncated: old.fields.bodiesTruncated || old.size > 0, ...(old.size > 0 ? { bodiesDropped: true as const } : {}) };
          ring[oldestWithBody] = { entry: entryOf(fieldsNow, null, null, maxBody, redactorFor()), fields: fieldsNow, size: 0 };
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
    entries: () => ring.map((s) => s.entry),
    counts: () => ({ made: nextId - 1, held: ring.length, capacity: maxEntries }),
    clear: () => {
      ring.length = 0;
      totalBody = 0;
      oldestWithBody = 0;
      requestCut.clear();
    },
    toHar: () => toHar(ring.map((s) => s.entry)),
    toCurl: (entryId, envVar = 'SCIM_TOKEN') => {
      const slot = ring.find((s) => s.entry.id === entryId);
      if (!slot) throw new InspectorError('invalid-input', `Request #${entryId} is no longer in the request log (it keeps the last ${maxEntries} calls).`);
      return toCurl(slot.entry, envVar, requestCut.has(entryId));
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Whether a secret straddles the byte where the log cuts a body: the window around the cut is
 * wide enough for the longest form spelled entirely in escapes (10 characters each, "&#x10FFFF;").
 */
function secretAcrossCut(bytes: Uint8Array, cut: number, redactor: Redactor): boolean {
  const longest = redactor.forms()[0]?.length ?? 0;
  if (longest === 0) return false;
  const reach = longest * 10;
  const from = Math.max(0, cut - reach);
  const to = Math.min(bytes.byteLength, cut + reach);
  const window = Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8');
  return redactor.test(window);
}

/**
 * Whether the kept bytes could decode and redact to more than the cap, so that reading them would
 * cut them again after the entry said its bodies were whole: invalid UTF-8 (each bad byte becomes
 * a 3-byte replacement character) or a secret spelled in fewer bytes than "[redacted]". Such a body
 * is decoded and capped now, where the cut is flagged. Tokens are longer than the marker, so the
 * search almost never runs; escaped spellings are longer than the secret and only shrink.
 */
function mayGrowWhenRead(body: Uint8Array, maxBody: number, redactor: Redactor): boolean {
  let end = Math.min(body.byteLength, maxBody);
  // A cut through a character leaves a partial one at the end, dropped on read: not invalid.
  if (end < body.byteLength) {
    let back = end;
    while (back > end - 3 && back > 0 && ((body[back - 1] as number) & 0xc0) === 0x80) back -= 1;
    if (back > 0 && ((body[back - 1] as number) & 0xc0) === 0xc0) end = back - 1;
  }
  const head = Buffer.from(body.buffer, body.byteOffset, end);
  if (!isUtf8(head)) return true;
  const marker = Buffer.byteLength(REDACTED);
  return redactor.forms().some((form) => Buffer.byteLength(form) < marker && head.includes(form));
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

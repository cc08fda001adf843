// HAR 1.2 export of the request log (http://www.softwareishard.com/blog/har-12-spec/), so a
// vendor's support team can open the exchange in any browser devtools. Entries are already
// redacted by the request log; this file only reshapes them.

import { STATUS_CODES } from 'node:http';
import type { RequestLogEntry } from '../../../shared/scim';

interface HarHeader {
  name: string;
  value: string;
}

const APP_VERSION = '0.1.0';

function headerList(headers: Record<string, string>): HarHeader[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function queryString(url: string): HarHeader[] {
  try {
    return [...new URL(url).searchParams.entries()].map(([name, value]) => ({ name, value }));
  } catch {
    // A URL that does not parse has no query to list; the entry keeps the raw URL.
    return [];
  }
}

function harEntry(entry: RequestLogEntry): Record<string, unknown> {
  const reqType = headerValue(entry.requestHeaders, 'content-type') ?? 'application/scim+json';
  const resType = headerValue(entry.responseHeaders, 'content-type') ?? '';
  const request: Record<string, unknown> = {
    method: entry.method,
    url: entry.url,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: headerList(entry.requestHeaders),
    queryString: queryString(entry.url),
    headersSize: -1,
    bodySize: entry.requestBody === null ? 0 : Buffer.byteLength(entry.requestBody),
  };
  if (entry.requestBody !== null) request.postData = { mimeType: reqType, text: entry.requestBody };
  const status = entry.status ?? 0;
  const content: Record<string, unknown> = { size: entry.responseSize, mimeType: resType };
  if (entry.responseBody !== null) content.text = entry.responseBody;
  const out: Record<string, unknown> = {
    startedDateTime: entry.startedAt,
    time: entry.durationMs,
    request,
    response: {
      status,
      statusText: entry.status === null ? '' : (STATUS_CODES[status] ?? ''),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(entry.responseHeaders),
      content,
      redirectURL: headerValue(entry.responseHeaders, 'location') ?? '',
      headersSize: -1,
      bodySize: entry.responseSize,
    },
    cache: {},
    // The transport measures one duration; HAR wants phases, so it all goes to "wait".
    timings: { send: 0, wait: entry.durationMs, receive: 0 },
  };
  const notes: string[] = [];
  if (entry.proxy) {
    notes.push(`sent through the proxy ${entry.proxy}`);
    out._proxy = entry.proxy;
  }
  if (entry.bodiesTruncated) notes.push('bodies truncated to the request log size cap');
  if (entry.error !== null) {
    notes.push(`error: ${entry.error}`);
    out._error = entry.error;
  }
  if (notes.length > 0) out.comment = notes.join('; ');
  return out;
}

/** A HAR 1.2 document of the given (already redacted) entries. */
export function toHar(entries: readonly RequestLogEntry[]): Record<string, unknown> {
  return {
    log: {
      version: '1.2',
      creator: { name: 'SCIM Inspector', version: APP_VERSION },
      pages: [],
      entries: entries.map(harEntry),
      comment: `Authorization headers and every secret of the connection are redacted.${entries.some((e) => e.proxy) ? ' Calls marked _proxy went through that proxy.' : ''}`,
    },
  };
}

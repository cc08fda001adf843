import { describe, expect, it } from 'vitest';
import { capText, createRequestLog, redactHeaders, toCurl, type LogRecord } from '../../../electron/core/scim/request-log';

const TOKEN = 'tok_9f8e7d6c5b4a';

function record(over: Partial<LogRecord> = {}): LogRecord {
  return {
    startedAt: Date.parse('2026-11-23T12:00:00Z'),
    method: 'PATCH',
    url: 'https://t.example/scim/v2/Users/1',
    status: 200,
    durationMs: 12.4,
    requestHeaders: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json', accept: 'application/scim+json', 'x-api-key': 'k123' },
    requestBody: JSON.stringify({ Operations: [{ op: 'replace', path: 'title', value: "O'Brien" }] }),
    responseHeaders: { 'content-type': 'application/scim+json', etag: 'W/"2"' },
    responseBody: JSON.stringify({ id: '1', detail: `echoed ${TOKEN}` }),
    responseSize: 40,
    error: null,
    secret: TOKEN,
    ...over,
  };
}

describe('request log', () => {
  it('redacts Authorization as "Bearer [redacted]" and other secret headers', () => {
    const log = createRequestLog();
    const e = log.record(record());
    expect(e.requestHeaders.authorization).toBe('Bearer [redacted]');
    expect(e.requestHeaders['x-api-key']).toBe('[redacted]');
    expect(redactHeaders({ Authorization: 'Basic abc' }).Authorization).toBe('Basic [redacted]');
  });
  it('never keeps the token, even when a server echoes it in a body or error', () => {
    const log = createRequestLog();
    log.record(record({ error: `failed with ${TOKEN}` }));
    const everything = JSON.stringify(log.entries()) + JSON.stringify(log.toHar()) + log.toCurl(1);
    expect(everything).not.toContain(TOKEN);
    expect(everything).toContain('[redacted]');
  });
  it('caps bodies and flags the entry', () => {
    const log = createRequestLog({ maxBodyBytes: 10 });
    const e = log.record(record({ requestBody: null, responseBody: 'ü'.repeat(20) }));
    expect(e.bodiesTruncated).toBe(true);
    expect(Buffer.byteLength(e.responseBody ?? '')).toBeLessThanOrEqual(10);
    expect(capText('héllo', 100)).toEqual({ text: 'héllo', truncated: false });
  });
  it('drops the bodies of the oldest entries once all bodies together pass the total cap', () => {
    const log = createRequestLog({ maxTotalBodyBytes: 250 });
    const first = log.record(record({ requestBody: null, responseBody: 'a'.repeat(100) }));
    log.record(record({ requestBody: 'b'.repeat(50), responseBody: 'b'.repeat(50) }));
    log.record(record({ requestBody: null, responseBody: 'c'.repeat(100) }));
    const [e1, e2, e3] = log.entries();
    expect(e1).toMatchObject({ id: 1, responseBody: null, bodiesTruncated: true, bodiesDropped: true, status: 200 });
    expect(e2?.responseBody).toBe('b'.repeat(50));
    expect(e2).not.toHaveProperty('bodiesDropped');
    expect(e3?.responseBody).toBe('c'.repeat(100));
    expect(first.responseBody).toBe('a'.repeat(100)); // handed-out entries are not mutated
    log.record(record({ requestBody: null, responseBody: 'd'.repeat(100) }));
    expect(log.entries()[1]?.requestBody).toBeNull();
    expect(() => log.toCurl(2)).toThrow(/HAR/);
  });
  it('is a bounded ring with increasing ids', () => {
    const log = createRequestLog({ maxEntries: 3 });
    for (let i = 0; i < 5; i++) log.record(record());
    expect(log.entries().map((e) => e.id)).toEqual([3, 4, 5]);
    log.clear();
    expect(log.entries()).toEqual([]);
  });
  it('counts every call made, beside how many the ring still holds', () => {
    const log = createRequestLog({ maxEntries: 3 });
    expect(log.counts()).toEqual({ made: 0, held: 0, capacity: 3 });
    for (let i = 0; i < 5; i++) log.record(record());
    expect(log.counts()).toEqual({ made: 5, held: 3, capacity: 3 });
    log.clear();
    expect(log.counts()).toEqual({ made: 5, held: 0, capacity: 3 });
  });
  it('notifies subscribers until they unsubscribe, and survives a throwing one', () => {
    const log = createRequestLog();
    const seen: number[] = [];
    const off = log.subscribe((e) => seen.push(e.id));
    log.subscribe(() => {
      throw new Error('window closed');
    });
    log.record(record());
    off();
    log.record(record());
    expect(seen).toEqual([1]);
  });
});

describe('copy as curl', () => {
  it('reads the token from an environment variable and quotes the body for the shell', () => {
    const log = createRequestLog();
    const e = log.record(record());
    const curl = toCurl(e);
    expect(curl).toContain(`-H "Authorization: Bearer $SCIM_TOKEN"`);
    expect(curl).toContain(`-X PATCH 'https://t.example/scim/v2/Users/1'`);
    expect(curl).toContain(`--data-raw '{"Operations":[{"op":"replace","path":"title","value":"O'\\''Brien"}]}'`);
    expect(curl).not.toContain(TOKEN);
    expect(log.toCurl(e.id, 'MY_TOK')).toContain('$MY_TOK');
  });
  it('omits -X for GET and refuses a bad variable name or a cut request body', () => {
    const log = createRequestLog({ maxBodyBytes: 5 });
    const get = log.record(record({ method: 'GET', requestBody: null, responseBody: 'x'.repeat(50) }));
    expect(log.toCurl(get.id)).not.toContain('-X');
    expect(() => log.toCurl(get.id, 'A;rm -rf')).toThrow(/environment variable/);
    const cut = log.record(record());
    expect(() => log.toCurl(cut.id)).toThrow(/HAR/);
    expect(() => log.toCurl(999)).toThrow(/no longer in the request log/);
  });
});

describe('HAR 1.2', () => {
  it('exports entries with request, response, postData and timings', () => {
    const log = createRequestLog();
    log.record(record({ method: 'GET', url: 'https://t.example/scim/v2/Users?filter=userName%20eq%20%22a%22&count=2', requestBody: null }));
    log.record(record({ status: null, error: 'connection reset', responseBody: null, responseHeaders: {} }));
    interface HarEntry {
      request: { queryString: unknown; postData?: unknown };
      response: { status: number };
      timings: { wait: number };
      comment?: string;
    }
    const har = log.toHar() as { log: { version: string; entries: HarEntry[] } };
    expect(har.log.version).toBe('1.2');
    const [get, failed] = har.log.entries;
    expect(get?.request.queryString).toEqual([{ name: 'filter', value: 'userName eq "a"' }, { name: 'count', value: '2' }]);
    expect(get?.request.postData).toBeUndefined();
    expect(get?.response).toMatchObject({ status: 200, statusText: 'OK', content: { mimeType: 'application/scim+json' } });
    expect(get?.timings.wait).toBe(12);
    expect(failed?.request.postData).toMatchObject({ mimeType: 'application/scim+json' });
    expect(failed?.response.status).toBe(0);
    expect(failed?.comment).toContain('connection reset');
  });
});

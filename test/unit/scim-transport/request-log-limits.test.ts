// The request log's limits, pinned to exact values: the cut of one body (UTF-8 bytes, never
// mid-character, flagged only when something was cut), response bodies kept as bytes (a bounded
// copy of their own, decoded on first read), the byte budget of all bodies together (what counts
// against it, when it is passed, which entries lose their bodies) and the ring of entries.

import { describe, expect, it } from 'vitest';
import { capText, createRequestLog, type LogRecord } from '../../../electron/core/scim/request-log';
import { logRecord } from './log-record';

/** A call with the SCIM headers a real one carries (curl repeats the request's). */
const call = (over: Partial<LogRecord> = {}): LogRecord =>
  logRecord({ requestHeaders: { accept: 'application/scim+json' }, responseHeaders: { 'content-type': 'application/scim+json' }, ...over });

describe('capText: one body cut to the byte cap', () => {
  it('cuts a text short in characters but over the cap in UTF-8 bytes', () => {
    // 5 characters, 10 bytes: the character count alone would let it through whole.
    expect(capText('ü'.repeat(5), 8)).toEqual({ text: 'üüüü', truncated: true });
  });
  it('keeps a text of exactly the cap whole and does not flag it', () => {
    expect(capText('abcde', 5)).toEqual({ text: 'abcde', truncated: false });
  });
  it('drops a character the cut went through instead of leaving a replacement character', () => {
    expect(capText('ééé', 5)).toEqual({ text: 'éé', truncated: true });
  });
  it('keeps a replacement character that was in the text itself, dropping only the one the cut made', () => {
    expect(capText('a\uFFFDbé', 6)).toEqual({ text: 'a\uFFFDb', truncated: true });
  });
});

describe('response bodies kept as bytes', () => {
  it('decodes a body cut mid-character without the broken character, and flags the entry', () => {
    const log = createRequestLog({ maxBodyBytes: 5 });
    const e = log.record(call({ responseBody: Buffer.from('ééé', 'utf8') }));
    expect(e.responseBody).toBe('éé');
    expect(e.bodiesTruncated).toBe(true);
  });
  it('keeps a replacement character the server sent when the cut breaks a later character', () => {
    const log = createRequestLog({ maxBodyBytes: 6 });
    const e = log.record(call({ responseBody: Buffer.from('a\uFFFDbé', 'utf8') }));
    expect(e.responseBody).toBe('a\uFFFDb');
  });
  it('does not flag a byte body of exactly the cap as truncated', () => {
    const log = createRequestLog({ maxBodyBytes: 5 });
    const e = log.record(call({ responseBody: Buffer.from('abcde', 'utf8') }));
    expect(e.bodiesTruncated).toBe(false);
    expect(e.responseBody).toBe('abcde');
  });
  it('flags a byte body that redaction lengthens past the cap, as it flags the same body given as text', () => {
    // A secret shorter than "[redacted]": the body fits the cap as received, not once redacted.
    const log = createRequestLog({ maxBodyBytes: 12 });
    const asText = log.record(call({ secret: 'abcd', responseBody: 'abcd abcd' }));
    const asBytes = log.record(call({ secret: 'abcd', responseBody: Buffer.from('abcd abcd', 'utf8') }));
    expect([asText.responseBody, asText.bodiesTruncated]).toEqual(['[redacted] [', true]);
    expect([asBytes.responseBody, asBytes.bodiesTruncated]).toEqual(['[redacted] [', true]);
  });
  it('flags a byte body of invalid UTF-8 that decodes past the cap (each bad byte becomes three)', () => {
    const log = createRequestLog({ maxBodyBytes: 6 });
    const e = log.record(call({ responseBody: Buffer.from([0x61, 0xff, 0xfe, 0x62]) }));
    expect([e.responseBody, e.bodiesTruncated]).toEqual(['a\uFFFD', true]);
  });
  it('keeps a valid body cut mid-character as bytes, and one with a long secret, without decoding early', () => {
    const log = createRequestLog({ maxBodyBytes: 5 });
    const cut = log.record(call({ responseBody: Buffer.from('ééé', 'utf8') }));
    expect([cut.responseBody, cut.bodiesTruncated]).toEqual(['éé', true]);
    const token = 'a-long-token-value';
    const whole = createRequestLog({ maxBodyBytes: 64 }).record(call({ secret: token, responseBody: Buffer.from(`{"t":"${token}"}`, 'utf8') }));
    expect([whole.responseBody, whole.bodiesTruncated]).toEqual(['{"t":"[redacted]"}', false]);
  });
  it('keeps its own copy of a cut body, so later writes to the caller’s buffer do not reach the log', () => {
    const log = createRequestLog({ maxBodyBytes: 10 });
    const whole = new Uint8Array(100).fill(0x61); // its own ArrayBuffer, cut at 10 bytes
    const cut = log.record(call({ responseBody: whole }));
    whole.fill(0x62);
    expect(cut.responseBody).toBe('a'.repeat(10));
  });
  it('keeps its own copy of a body that is a view into a larger buffer', () => {
    const log = createRequestLog({ maxBodyBytes: 64 });
    const backing = new Uint8Array(64).fill(0x61);
    const e = log.record(call({ responseBody: backing.subarray(8, 18) }));
    backing.fill(0x7a);
    expect(e.responseBody).toBe('a'.repeat(10));
  });
});

describe('the byte budget of all bodies together', () => {
  it('counts a body kept as bytes by its bytes, not its characters', () => {
    // 60 × "é" = 120 bytes, cut to 100; with a 60-character text the two pass a 150-byte budget.
    const log = createRequestLog({ maxBodyBytes: 100, maxTotalBodyBytes: 150 });
    log.record(call({ responseBody: Buffer.from('é'.repeat(60), 'utf8') }));
    log.record(call({ responseBody: 'a'.repeat(60) }));
    const [first, second] = log.entries();
    expect(first).toMatchObject({ id: 1, responseBody: null, bodiesTruncated: true, bodiesDropped: true });
    expect(second?.responseBody).toBe('a'.repeat(60));
  });
  it('keeps every body while they fill the budget exactly', () => {
    const log = createRequestLog({ maxTotalBodyBytes: 200 });
    log.record(call({ responseBody: 'a'.repeat(100) }));
    log.record(call({ responseBody: 'b'.repeat(100) }));
    expect(log.entries().map((e) => e.responseBody)).toEqual(['a'.repeat(100), 'b'.repeat(100)]);
    expect(log.entries().some((e) => e.bodiesDropped)).toBe(false);
  });
  it('lets the newest entry keep its bodies even when they alone pass the budget', () => {
    const log = createRequestLog({ maxTotalBodyBytes: 50 });
    log.record(call({ responseBody: 'a'.repeat(100) }));
    expect(log.entries()[0]).toMatchObject({ responseBody: 'a'.repeat(100), bodiesTruncated: false });
    expect(log.entries()[0]).not.toHaveProperty('bodiesDropped');
    log.record(call({ responseBody: 'b'.repeat(100) }));
    expect(log.entries().map((e) => e.responseBody)).toEqual([null, 'b'.repeat(100)]);
  });
  it('gives back the bytes of entries pushed out of the ring, so newer entries keep their bodies', () => {
    const log = createRequestLog({ maxEntries: 2, maxTotalBodyBytes: 250 });
    for (const c of ['a', 'b', 'c']) log.record(call({ responseBody: c.repeat(100) }));
    expect(log.entries().map((e) => [e.id, e.responseBody])).toEqual([
      [2, 'b'.repeat(100)],
      [3, 'c'.repeat(100)],
    ]);
    expect(log.entries().some((e) => e.bodiesDropped)).toBe(false);
  });
  it('drops the oldest bodies the ring still holds once it is full, staying within the budget', () => {
    const log = createRequestLog({ maxEntries: 3, maxTotalBodyBytes: 250 });
    for (const c of 'abcdefgh') log.record(call({ responseBody: c.repeat(100) }));
    expect(log.entries().map((e) => [e.id, e.responseBody, e.bodiesDropped ?? false])).toEqual([
      [6, null, true],
      [7, 'g'.repeat(100), false],
      [8, 'h'.repeat(100), false],
    ]);
  });
  it('leaves an entry that had no bodies as it was: not truncated, not dropped, still a curl command', () => {
    const log = createRequestLog({ maxTotalBodyBytes: 150 });
    log.record(call({ method: 'DELETE', url: 'https://t.example/scim/v2/Users/7', status: 204 }));
    log.record(call({ responseBody: 'a'.repeat(100) }));
    log.record(call({ responseBody: 'b'.repeat(100) }));
    const [deleted, second] = log.entries();
    expect(second).toMatchObject({ id: 2, responseBody: null, bodiesDropped: true });
    expect(deleted).toMatchObject({ id: 1, requestBody: null, responseBody: null, bodiesTruncated: false });
    expect(deleted).not.toHaveProperty('bodiesDropped');
    expect(log.toCurl(1)).toBe(`curl -X DELETE 'https://t.example/scim/v2/Users/7' -H "Authorization: Bearer $SCIM_TOKEN" -H 'accept: application/scim+json'`);
  });
  it('still gives a curl command for a GET whose response body was dropped (it had no request body)', () => {
    const log = createRequestLog({ maxTotalBodyBytes: 150 });
    log.record(call({ responseBody: 'a'.repeat(100) }));
    log.record(call({ responseBody: 'b'.repeat(100) }));
    expect(log.entries()[0]).toMatchObject({ id: 1, responseBody: null, bodiesDropped: true });
    expect(log.toCurl(1)).toBe(`curl 'https://t.example/scim/v2/Users' -H "Authorization: Bearer $SCIM_TOKEN" -H 'accept: application/scim+json'`);
  });
  it('refuses curl for a request whose body the log dropped, saying none of it is left', () => {
    const log = createRequestLog({ maxTotalBodyBytes: 150 });
    log.record(call({ method: 'POST', requestBody: 'p'.repeat(100) }));
    log.record(call({ responseBody: 'b'.repeat(100) }));
    expect(log.entries()[0]).toMatchObject({ id: 1, requestBody: null, bodiesDropped: true });
    expect(() => log.toCurl(1)).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        message: 'The request body of #1 was cut to 0 bytes in the log, so a curl command would not repeat the call. Export the HAR instead.',
      }),
    );
  });
});

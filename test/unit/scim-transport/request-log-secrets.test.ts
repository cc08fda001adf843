// What the request log shows of secrets and how it refuses, pinned to exact values: header
// redaction (which headers keep a scheme word, which are blanked whole), a secret split by the cut
// of a body kept as bytes, a byte body redacted on first read with every secret known by then,
// the codes of curl's refusals, --globoff, the proxy an entry went through, and a failing
// subscriber reported rather than thrown.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import { SecretSet } from '../../../electron/core/secrets/index';
import { createRequestLog, redactHeaders, redactSecret, toCurl } from '../../../electron/core/scim/request-log';
import { logRecord as call } from './log-record';

const TOKEN = 'tok_9f8e7d6c5b4a';

function thrown(fn: () => unknown): InspectorError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InspectorError) return error;
    throw error;
  }
  throw new Error('expected an InspectorError');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('redaction helpers', () => {
  it('redactSecret replaces the secret in text', () => {
    expect(redactSecret(`token was ${TOKEN}, see`, TOKEN)).toBe('token was [redacted], see');
  });
  it('redactHeaders scrubs the secret out of an ordinary header given as a string', () => {
    expect(redactHeaders({ 'x-trace': `echo ${TOKEN}`, accept: 'application/scim+json' }, TOKEN)).toEqual({
      'x-trace': 'echo [redacted]',
      accept: 'application/scim+json',
    });
  });
  it('keeps the scheme word only for Authorization and Proxy-Authorization; other secret-named headers are blanked whole', () => {
    expect(
      redactHeaders({
        Authorization: 'Bearer abc',
        'Proxy-Authorization': 'Basic dXNlcjpwYXNz',
        'x-secret-authorization': 'part-one part-two',
        'authorization-token': 'alpha beta',
      }),
    ).toEqual({
      Authorization: 'Bearer [redacted]',
      'Proxy-Authorization': 'Basic [redacted]',
      'x-secret-authorization': '[redacted]',
      'authorization-token': '[redacted]',
    });
  });
  it('blanks an Authorization value with no scheme, or one starting with a space, whole', () => {
    expect(redactHeaders({ authorization: 'opaquetoken123', 'proxy-authorization': ' leading-part rest' })).toEqual({
      authorization: '[redacted]',
      'proxy-authorization': '[redacted]',
    });
  });
});

describe('a secret and the cut of a body kept as bytes', () => {
  it('redacts a secret the cut goes through, instead of keeping its first half', () => {
    const log = createRequestLog({ maxBodyBytes: 28 });
    const body = Buffer.from(`${'x'.repeat(20)}${TOKEN}${'y'.repeat(20)}`, 'utf8');
    const e = log.record(call({ responseBody: body, secret: TOKEN }));
    expect(e.responseBody).toBe(`${'x'.repeat(20)}[redacte`);
    expect(e.bodiesTruncated).toBe(true);
    expect(JSON.stringify(log.toHar())).not.toContain('tok_9f8e');
  });
  it('redacts a byte body when first read, with a secret learnt after the call', () => {
    const secrets = new SecretSet();
    secrets.add(TOKEN);
    const later = 'rfr_0a1b2c3d4e5f';
    const text = `{"a":"${TOKEN}","b":"${later}"}`;
    // Exactly the cap: nothing is cut, so the body stays bytes until it is read.
    const log = createRequestLog({ maxBodyBytes: Buffer.byteLength(text) });
    const e = log.record(call({ responseBody: Buffer.from(text, 'utf8'), redactor: secrets }));
    secrets.add(later);
    expect(e.responseBody).toBe('{"a":"[redacted]","b":"[redacted]"}');
    expect(e.bodiesTruncated).toBe(false);
  });
});

describe('bodies cut mid-character stay bytes until read', () => {
  // A valid body whose cut falls inside a character (2, 3 or 4 bytes) is not invalid UTF-8: it is
  // kept as bytes and redacted when read, like a whole one, not decoded at once as a bad one is.
  it.each([
    ['é', 2],
    ['€', 3],
    ['😀', 4],
  ])('a cut inside %s (%i bytes): a secret learnt after the call is redacted on read', (ch, width) => {
    const later = 'rfr_0a1b2c3d4e5f';
    for (let inside = 1; inside < width; inside++) {
      const secrets = new SecretSet();
      const text = `{"b":"${later}","c":"${ch.repeat(3)}"}`;
      const cap = Buffer.byteLength(`{"b":"${later}","c":"${ch}`) + inside;
      const e = createRequestLog({ maxBodyBytes: cap }).record(call({ responseBody: Buffer.from(text, 'utf8'), redactor: secrets }));
      secrets.add(later);
      expect([e.responseBody, e.bodiesTruncated]).toEqual([`{"b":"[redacted]","c":"${ch}`, true]);
    }
  });
});

describe('curl refusals and form', () => {
  it('refuses an entry no longer in the ring with an invalid-input error naming the ring size', () => {
    const log = createRequestLog({ maxEntries: 1 });
    log.record(call());
    log.record(call());
    const error = thrown(() => log.toCurl(1));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe('Request #1 is no longer in the request log (it keeps the last 1 calls).');
  });
  it('refuses a bad environment variable name with an invalid-input error', () => {
    const log = createRequestLog();
    const e = log.record(call());
    const error = thrown(() => toCurl(e, '1TOKEN'));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe('"1TOKEN" is not a valid environment variable name (letters, digits and _ only).');
  });
  it('refuses a request body cut by the cap with an invalid-input error giving the bytes kept', () => {
    const log = createRequestLog({ maxBodyBytes: 5 });
    const e = log.record(call({ method: 'POST', requestBody: '{"userName":"a"}' }));
    expect(e.requestBody).toBe('{"use');
    const error = thrown(() => log.toCurl(e.id));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe('The request body of #1 was cut to 5 bytes in the log, so a curl command would not repeat the call. Export the HAR instead.');
  });
  it('adds --globoff when the URL holds brackets or braces, so curl does not glob it', () => {
    const log = createRequestLog();
    const e = log.record(call({ url: 'https://t.example/scim/v2/Users?filter=emails[type eq "work"]' }));
    expect(log.toCurl(e.id)).toBe(`curl --globoff 'https://t.example/scim/v2/Users?filter=emails[type eq "work"]' -H "Authorization: Bearer $SCIM_TOKEN"`);
  });
});

describe('entries', () => {
  it('say which proxy a call went through, in the entry and the HAR, and nothing for a direct call', () => {
    const log = createRequestLog();
    const proxied = log.record(call({ proxy: 'http://proxy.example:3128' }));
    const direct = log.record(call({ proxy: null }));
    expect(proxied.proxy).toBe('http://proxy.example:3128');
    expect(direct).not.toHaveProperty('proxy');
    const har = log.toHar() as { log: { entries: { _proxy?: string }[] } };
    expect(har.log.entries.map((h) => h._proxy)).toEqual(['http://proxy.example:3128', undefined]);
  });
  it('keep a proxied entry’s proxy after the log drops its bodies', () => {
    const log = createRequestLog({ maxTotalBodyBytes: 10 });
    log.record(call({ proxy: 'http://proxy.example:3128', responseBody: 'a'.repeat(10) }));
    log.record(call({ responseBody: 'b'.repeat(10) }));
    expect(log.entries()[0]).toMatchObject({ proxy: 'http://proxy.example:3128', responseBody: null, bodiesDropped: true });
  });
  it('take a new response body when one is assigned, like a plain field', () => {
    const log = createRequestLog();
    const e = log.record(call({ responseBody: Buffer.from('{"id":"1"}', 'utf8') }));
    e.responseBody = '{"id":"2"}';
    expect(e.responseBody).toBe('{"id":"2"}');
  });
  it('reach the other subscribers when one throws, and the failure is reported on stderr', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = createRequestLog();
    const seen: number[] = [];
    log.subscribe(() => {
      throw new Error('window closed');
    });
    log.subscribe((e) => seen.push(e.id));
    log.record(call());
    expect(seen).toEqual([1]);
    expect(errors.mock.calls).toEqual([['request-log subscriber failed:', 'window closed']]);
  });
});

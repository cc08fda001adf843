// Property: whatever a server echoes, and wherever, the token string never survives into the
// request log, its HAR export or a curl command.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRequestLog } from '../../../electron/core/scim/request-log';

// Realistic bearer tokens: 16+ characters of the base64url/JWT alphabet.
const token = fc.stringMatching(/^[A-Za-z0-9._~+/-]{16,64}$/);
const around = fc.string({ maxLength: 40 });

describe('token redaction (property)', () => {
  it('removes the token from url, headers, bodies and errors for any placement', () => {
    fc.assert(
      fc.property(token, around, around, fc.boolean(), (secret, before, after, cut) => {
        const echoed = `${before}${secret}${after}`;
        const log = createRequestLog({ maxBodyBytes: cut ? 50 : 64 * 1024 });
        const entry = log.record({
          startedAt: 0,
          method: 'POST',
          url: `https://t.example/scim/v2/Users?filter=${encodeURIComponent(echoed)}&q=${secret}`,
          status: 400,
          durationMs: 1,
          requestHeaders: { authorization: `Bearer ${secret}`, 'x-trace': echoed },
          requestBody: JSON.stringify({ note: echoed }),
          responseHeaders: { 'www-authenticate': `Bearer error="${echoed}"`, 'x-echo': echoed },
          responseBody: JSON.stringify({ detail: echoed }),
          responseSize: 10,
          error: `failed: ${echoed}`,
          secret,
        });
        let out = JSON.stringify(log.entries()) + JSON.stringify(log.toHar());
        try {
          out += log.toCurl(entry.id, 'SCIM_TOKEN');
        } catch {
          // A cut request body has no curl form; the log and HAR above are still checked.
        }
        expect(out).not.toContain(secret);
      }),
      { numRuns: 300 },
    );
  });

  it('removes the token from a response body kept as raw bytes, whole or cut', () => {
    fc.assert(
      fc.property(token, around, around, fc.boolean(), fc.boolean(), (secret, before, after, cut, encode) => {
        const echoed = `${before}${encode ? encodeURIComponent(secret) : secret}${after}`;
        const log = createRequestLog({ maxBodyBytes: cut ? 50 : 64 * 1024 });
        log.record({
          startedAt: 0,
          method: 'GET',
          url: 'https://t.example/scim/v2/Users',
          status: 200,
          durationMs: 1,
          requestHeaders: {},
          requestBody: null,
          responseHeaders: {},
          responseBody: Buffer.from(JSON.stringify({ detail: echoed }), 'utf8'),
          responseSize: 10,
          error: null,
          secret,
        });
        const out = JSON.stringify(log.entries()) + JSON.stringify(log.toHar());
        expect(out).not.toContain(secret);
        expect(out).not.toContain(encodeURIComponent(secret));
      }),
      { numRuns: 300 },
    );
  });
});

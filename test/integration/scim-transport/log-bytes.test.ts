// The request log keeps response bodies as the bytes received and decodes them when read. These
// pin that this is invisible: the token is still scrubbed from a successful answer in the log and
// HAR (the parsed body is the tenant's data and stays as sent: hosts redact what they show), a BOM
// is dropped, and a long non-ASCII body is cut on a character boundary to the log's cap, against
// a real HTTP server on 127.0.0.1.

import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport } from '../../../electron/core/scim/transport';
import type { Transport } from '../../../electron/core/scim/types';
import { listenOnLoopback, type Listening } from '../../support/peers/http-server';

const TOKEN = 'bytes-secret/9d2e+41aa77';

describe('request log bodies kept as bytes', () => {
  let server: Listening;
  let answer: (res: ServerResponse, auth: string) => void = (res) => res.end();
  const transports: Transport[] = [];
  const open = (maxBodyBytes?: number): Transport => {
    const t = createTransport({ baseUrl: `${server.origin}/scim/v2`, token: () => TOKEN }, { log: { maxBodyBytes } });
    transports.push(t);
    return t;
  };
  const send = (res: ServerResponse, bytes: Buffer): void => {
    res.writeHead(200, { 'content-type': 'application/scim+json; charset=utf-8', 'content-length': String(bytes.length) });
    res.end(bytes);
  };

  beforeAll(async () => {
    server = await listenOnLoopback((req, res) => answer(res, req.headers.authorization ?? ''));
  });
  afterAll(async () => {
    for (const t of transports) await t.close();
    await server?.close();
  });

  it('scrubs a token echoed in a successful answer, plain and URL-encoded, from the log and HAR, not from the data', async () => {
    answer = (res, auth) => send(res, Buffer.from(JSON.stringify({ id: '1', note: auth, link: `https://x/?t=${encodeURIComponent(TOKEN)}` })));
    const t = open();
    const res = await t.request({ method: 'GET', path: '/Users/1' });
    const logged = JSON.stringify(t.log.entries()) + JSON.stringify(t.log.toHar());
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain(encodeURIComponent(TOKEN));
    expect(logged).toContain('Bearer [redacted]');
    // The parsed body is what the server holds; what shows it redacts it with transport.secrets.
    expect(res.body).toMatchObject({ note: `Bearer ${TOKEN}` });
    expect(t.secrets.value(res.body)).toMatchObject({ note: 'Bearer [redacted]', link: 'https://x/?t=[redacted]' });
  });

  it('scrubs a token that the log cap would cut in two', async () => {
    const filler = 'x'.repeat(980);
    answer = (res, auth) => send(res, Buffer.from(JSON.stringify({ id: '4', pad: filler, note: auth })));
    const t = open(1001);
    await t.request({ method: 'GET', path: '/Users/4' });
    const kept = t.log.entries()[0]?.responseBody ?? '';
    expect(kept).not.toContain(TOKEN.slice(0, 6));
  });

  it('shows the body as text wherever an entry goes (JSON, spread, structured clone), BOM dropped', async () => {
    const body = { id: '2', displayName: 'Inés Παπαδόπουλος' };
    answer = (res) => send(res, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(body))]));
    const t = open();
    const res = await t.request({ method: 'GET', path: '/Users/2' });
    expect(res.body).toEqual(body);
    const entry = t.log.entries()[0];
    expect(entry?.responseBody).toBe(JSON.stringify(body));
    expect({ ...entry }.responseBody).toBe(JSON.stringify(body));
    expect(structuredClone(entry)?.responseBody).toBe(JSON.stringify(body));
    expect(JSON.parse(JSON.stringify(entry)) as unknown).toMatchObject({ responseBody: JSON.stringify(body), bodiesTruncated: false });
  });

  it('cuts a long non-ASCII body to the cap on a character boundary and flags the entry', async () => {
    const text = JSON.stringify({ id: '3', title: 'ü'.repeat(5000) });
    answer = (res) => send(res, Buffer.from(text));
    const t = open(1001);
    await t.request({ method: 'GET', path: '/Users/3' });
    const entry = t.log.entries()[0];
    const kept = entry?.responseBody ?? '';
    expect(entry?.bodiesTruncated).toBe(true);
    expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(1001);
    expect(Buffer.byteLength(kept)).toBeGreaterThanOrEqual(999);
    expect(text.startsWith(kept)).toBe(true);
    expect(entry?.responseSize).toBe(Buffer.byteLength(text));
  });
});

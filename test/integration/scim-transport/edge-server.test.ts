// Transport behaviour the sandbox tenant does not emulate (redirects, body caps, a server echoing
// the token), against a small real HTTP server on 127.0.0.1 whose answers each test chooses.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTransport } from '../../../electron/core/scim/transport';
import type { ConnectionOptions, Transport } from '../../../electron/core/scim/types';
import { listenOnLoopback, type Listening } from '../../support/peers/http-server';
import { failure } from '../../support/failure';

const TOKEN = 'edge-secret-7c1f0a9b3e';
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

describe('transport edge cases', () => {
  let main: Listening;
  let other: Listening;
  let handler: Handler = (_req, res) => res.end();
  const seenByOther: string[] = [];
  const seen: Array<{ method: string; url: string; auth: string | undefined }> = [];
  const transports: Transport[] = [];
  const open = (extra: Partial<ConnectionOptions> = {}): Transport => {
    const t = createTransport({ baseUrl: `${main.origin}/scim/v2`, token: () => TOKEN, retryBudgetMs: 2_000, ...extra }, { backoffBaseMs: 5 });
    transports.push(t);
    return t;
  };
  const json = (res: ServerResponse, status: number, body: unknown, type = 'application/scim+json'): void => {
    res.writeHead(status, { 'content-type': type });
    res.end(JSON.stringify(body));
  };

  beforeAll(async () => {
    main = await listenOnLoopback((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization });
        handler(req, res, body);
      });
    });
    other = await listenOnLoopback((req, res) => {
      seenByOther.push(req.headers.authorization ?? '(none)');
      json(res, 200, { id: 'stolen' });
    });
  });
  beforeEach(() => {
    seen.length = 0;
    seenByOther.length = 0;
  });
  afterAll(async () => {
    for (const t of transports) await t.close();
    await main?.close();
    await other?.close();
  });

  it('follows a same-origin redirect with the token and reports the final URL', async () => {
    handler = (req, res) => {
      if (req.url === '/scim/v2/Users/1') {
        res.writeHead(301, { location: '/v2/Users/1' });
        res.end();
      } else json(res, 200, { id: '1' });
    };
    const t = open();
    const res = await t.request({ method: 'GET', path: '/Users/1' });
    expect(res.body).toEqual({ id: '1' });
    expect(res.url).toBe(`${main.origin}/v2/Users/1`);
    expect(seen.map((s) => s.auth)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expect(t.log.entries().map((e) => e.status)).toEqual([301, 200]);
  });

  it('never follows a redirect to another origin, and says what to do', async () => {
    handler = (_req, res) => {
      res.writeHead(302, { location: `${other.origin}/scim/v2/Users` });
      res.end();
    };
    const error = await failure(open().request({ method: 'GET', path: '/Users' }));
    expect(error.code).toBe('bad-response');
    expect(error.message).toContain(other.origin);
    expect(error.message).toMatch(/token is not sent/);
    expect(seenByOther).toEqual([]);
  });

  it('gives up on a redirect loop and never turns a PATCH into a GET', async () => {
    handler = (req, res) => {
      res.writeHead(302, { location: req.url ?? '/' });
      res.end();
    };
    expect((await failure(open().request({ method: 'GET', path: '/Users' }))).message).toMatch(/more than 5 times/);
    seen.length = 0;
    const patch = await failure(open().request({ method: 'PATCH', path: '/Users/1', body: { Operations: [] } }));
    expect(patch.message).toMatch(/drop the request body/);
    expect(seen.map((s) => s.method)).toEqual(['PATCH']);
  });

  it('caps bodies, announced or streamed, with body-too-large', async () => {
    handler = (req, res) => {
      const big = JSON.stringify({ id: 'x', pad: 'y'.repeat(5000) });
      if (req.url?.includes('chunked')) {
        res.writeHead(200, { 'content-type': 'application/scim+json' });
        res.write(big.slice(0, 2500));
        res.end(big.slice(2500));
      } else {
        res.writeHead(200, { 'content-type': 'application/scim+json', 'content-length': String(Buffer.byteLength(big)) });
        res.end(big);
      }
    };
    const t = open({ maxBodyBytes: 1000 });
    for (const path of ['/Users/announced', '/Users/chunked']) {
      const error = await failure(t.request({ method: 'GET', path }));
      expect(error.code).toBe('body-too-large');
      expect(error.message).toMatch(/limit/);
    }
    expect(seen).toHaveLength(2); // not retried: a bigger answer will not get smaller
  });

  it('accepts JSON content types and refuses an HTML page on 200 as not-scim, naming the type', async () => {
    const types = ['application/json; charset=utf-8', 'text/json', 'application/scim+json;charset=UTF-8', 'APPLICATION/JSON'];
    let i = 0;
    handler = (req, res) => {
      if (req.url?.endsWith('/html')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html><head><title>Acme SSO</title></head></html>');
      } else json(res, 200, { id: String(i) }, types[i++]);
    };
    const t = open();
    for (let n = 0; n < types.length; n++) expect((await t.request({ method: 'GET', path: '/Users/x' })).body).toEqual({ id: String(n) });
    const error = await failure(t.request({ method: 'GET', path: '/Users/html' }));
    expect(error.code).toBe('not-scim');
    expect(error.message).toContain('text/html');
    expect(error.message).toContain('Acme SSO');
  });

  it('scrubs a token the server echoes back from errors, log and HAR', async () => {
    handler = (req, res) => json(res, 400, { status: '400', detail: `bad token ${req.headers.authorization ?? ''}` });
    const t = open();
    const error = await failure(t.request({ method: 'GET', path: '/Users' }));
    expect(error.code).toBe('invalid-input');
    const everything = error.message + JSON.stringify(error) + JSON.stringify(t.log.toHar()) + t.log.toCurl(t.log.entries()[0]?.id ?? 0);
    expect(everything).not.toContain(TOKEN);
    expect(everything).toContain('[redacted]');
  });

  it('sends profile headers but never lets them replace Authorization', async () => {
    handler = (_req, res) => json(res, 200, { id: '1' });
    await open({ headers: { Authorization: 'Bearer other', 'X-Tenant': 'acme' } }).request({ method: 'GET', path: '/Users/1' });
    expect(seen[0]?.auth).toBe(`Bearer ${TOKEN}`);
  });

  it('probes another base on the same origin but refuses another origin', async () => {
    handler = (_req, res) => json(res, 200, { id: '1' });
    const t = open();
    await t.request({ method: 'GET', path: '/ServiceProviderConfig', baseUrl: `${main.origin}/scim` });
    expect(seen[0]?.url).toBe('/scim/ServiceProviderConfig');
    expect((await failure(t.request({ method: 'GET', path: '/Users', baseUrl: other.origin }))).code).toBe('invalid-url');
    t.setBaseUrl(`${main.origin}/v2/`);
    expect(t.baseUrl).toBe(`${main.origin}/v2`);
    expect(seenByOther).toEqual([]);
  });

  it('reports a token source that fails as token-missing, without repeating its words', async () => {
    handler = (_req, res) => json(res, 200, { id: '1' });
    const t = createTransport({
      baseUrl: main.origin,
      token: () => {
        throw new Error(`keychain said ${TOKEN}`);
      },
    });
    transports.push(t);
    const error = await failure(t.request({ method: 'GET', path: '/Users/1' }));
    expect(error.code).toBe('token-missing');
    expect(error.message).not.toContain(TOKEN);
    expect(seen).toEqual([]);
    const empty = createTransport({ baseUrl: main.origin, token: () => '  ' });
    transports.push(empty);
    expect((await failure(empty.request({ method: 'GET', path: '/Users/1' }))).code).toBe('token-missing');
  });

  it('scrubs the token from a redirect error that would carry it', async () => {
    handler = (req, res) => {
      res.writeHead(302, { location: `${other.origin}/${encodeURIComponent(req.headers.authorization?.slice(7) ?? '')}` });
      res.end();
    };
    const t = open();
    const error = await failure(t.request({ method: 'GET', path: '/Users' }));
    expect(error.message).toContain(other.origin);
    expect(error.message + JSON.stringify(error) + JSON.stringify(t.log.toHar())).not.toContain(TOKEN);
  });

  it('fails fast on a refused connection, without retrying or calling a write uncertain', async () => {
    const gone = await listenOnLoopback((_req, res) => res.end());
    await gone.close();
    const t = createTransport({ baseUrl: gone.origin, token: () => TOKEN, retryBudgetMs: 10_000 });
    transports.push(t);
    const read = await failure(t.request({ method: 'GET', path: '/Users' }));
    expect(read.code).toBe('network');
    expect(read.message).toMatch(/connection refused/);
    const write = await failure(t.request({ method: 'POST', path: '/Users', body: {} }));
    expect(write.message).not.toMatch(/may or may not/);
    expect(t.log.entries()).toHaveLength(2);
  });

  it('lets a profile override Content-Type for servers that refuse application/scim+json', async () => {
    const types: Array<string | undefined> = [];
    handler = (req, res) => {
      types.push(req.headers['content-type']);
      json(res, 200, { id: '1' });
    };
    await open().request({ method: 'POST', path: '/Users', body: {} });
    await open({ headers: { 'Content-Type': 'application/json' } }).request({ method: 'POST', path: '/Users', body: {} });
    await open({ headers: { 'Content-Type': 'application/json' } }).request({ method: 'GET', path: '/Users' });
    expect(types).toEqual(['application/scim+json; charset=utf-8', 'application/json', undefined]);
  });

  it('fails a write whose connection dropped without repeating it, saying it may have been applied', async () => {
    handler = (req, res) => {
      if (req.method === 'PATCH') res.socket?.destroy();
      else json(res, 200, { id: '1' });
    };
    const error = await failure(open().request({ method: 'PATCH', path: '/Users/1', body: { Operations: [] } }));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/may or may not have been applied/);
    expect(seen.filter((s) => s.method === 'PATCH')).toHaveLength(1);
  });
});

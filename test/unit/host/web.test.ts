// Browser-mode host against the real sandbox tenant: the guards (secret, Host, Origin, no CORS),
// a round trip through the channel map, pushes over SSE and the HAR export.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/host/web';
import { raw, secretOf } from './web-client';
import { fileDir } from '../../support/temp-dir';

let host: WebHost;
let secret: string;
let hostHeader: string;
const work = fileDir('web-host-test-');
const rendererDir = join(work, 'dist');
const exportDir = join(work, 'exports');

beforeAll(async () => {
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SCIM Inspector</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(work, 'outside.txt'), 'must not be served');
  host = await startWebHost({ rendererDir, exportDir, sandboxUsers: 450, savedProfiles: false });
  secret = secretOf(host.url);
  hostHeader = new URL(host.origin).host;
});
afterAll(async () => {
  await host.close();
});

const post = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(host.origin, `/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: host.origin, 'X-Inspector-Secret': secret, ...headers },
    body: JSON.stringify(body),
  });

describe('guards', () => {
  it('listens on 127.0.0.1 with a long random secret in the fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#secret=/);
    expect(secret.length).toBeGreaterThanOrEqual(40);
  });

  // Headers are built lazily: the secret and port exist only once the host has started.
  it.each<[string, () => Record<string, string>]>([
    ['no secret', () => ({ 'X-Inspector-Secret': '' })],
    ['a wrong secret', () => ({ 'X-Inspector-Secret': `${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}` })],
    ['a rebinding Host', () => ({ Host: `evil.example:${new URL(host.origin).port}` })],
    ['localhost instead of 127.0.0.1', () => ({ Host: `localhost:${new URL(host.origin).port}` })],
    ['another Origin', () => ({ Origin: 'http://evil.example' })],
    ['a same-host Origin on another port', () => ({ Origin: 'http://127.0.0.1:1' })],
    ['a cross-site fetch', () => ({ 'Sec-Fetch-Site': 'cross-site' })],
  ])('answers 403 to a call with %s', async (_what, headers) => {
    const res = await post('app.info', null, headers());
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('requires an Origin on POST (browsers always send one; a missing one is not a browser page of ours)', async () => {
    const res = await raw(host.origin, '/api/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Inspector-Secret': secret }, body: '{}' });
    expect(res.status).toBe(403);
  });

  it('refuses static files to a rebinding Host too', async () => {
    expect((await raw(host.origin, '/', { headers: { Host: 'rebind.example' } })).status).toBe(403);
  });

  it('sends no CORS headers, not even to a preflight', async () => {
    const res = await raw(host.origin, '/api/app.info', { method: 'OPTIONS', headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } });
    expect(res.status).toBe(403);
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});

describe('static files', () => {
  it('serves the renderer with a CSP that allows only self', async () => {
    const res = await raw(host.origin, '/', { headers: { Host: hostHeader } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('SCIM Inspector');
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-eval');
    expect((await raw(host.origin, '/assets/app.js')).headers['content-type']).toContain('text/javascript');
  });

  it('never serves a file outside the renderer directory', async () => {
    for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/%2e%2e/%2e%2e/outside.txt']) {
      const res = await raw(host.origin, path);
      expect(res.body).not.toContain('must not be served');
    }
  });
});

describe('calls and pushes', () => {
  it('round-trips a call and validates its request', async () => {
    const ok = await post('sandbox.status', null);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { running: false } });
    const bad = await post('resources.list', { profileId: 'sandbox', kind: 'Robots', listId: 'x' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { field: 'kind' } } });
    expect((await post('no.such', null)).status).toBe(404);
  });

  it('streams list pages and progress over server-sent events while the call runs', async () => {
    const controller = new AbortController();
    const events = await fetch(`${host.origin}/api/events`, { headers: { 'X-Inspector-Secret': secret }, signal: controller.signal });
    expect(events.status).toBe(200);
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    const summary = JSON.parse((await post('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'sse-1' })).body);
    expect(summary).toMatchObject({ ok: true, value: { listId: 'sse-1', count: 450, complete: true } });
    let text = '';
    const loaded = (): number =>
      [...text.matchAll(/event: resources\.page\ndata: (.*)\n/g)].reduce((n, m) => n + (JSON.parse(m[1] ?? '{}') as { resources: unknown[] }).resources.length, 0);
    // Bounded read: the stream stays open, so stop once every page has been seen (or give up).
    for (let i = 0; i < 500 && loaded() < 450; i++) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    controller.abort();
    expect(loaded()).toBe(450);
    expect(text).toContain('event: requestLog.entry');
    expect(text).toContain('event: progress');
  });

  it('exports the request log as HAR into the export folder, without the token', async () => {
    const res = JSON.parse((await post('requestLog.exportHar', { profileId: 'sandbox' })).body);
    expect(res).toMatchObject({ ok: true, value: { saved: true } });
    const files = readdirSync(exportDir);
    expect(files).toHaveLength(1);
    const har = readFileSync(join(exportDir, files[0] ?? ''), 'utf8');
    expect(JSON.parse(har).log.entries.length).toBeGreaterThan(0);
    expect(har).not.toContain('sandbox-demo-token');
  });
});

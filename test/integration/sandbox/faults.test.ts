// Each fault switch of the sandbox does what it says, through real HTTP. The client's quirk
// tests rely on these, so each one is pinned here with the exact shape it produces.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { call, patchBody, q, resources } from './http';

let sb: SandboxHandle;
const USERS = 230;

beforeAll(async () => {
  sb = await startSandbox({ users: USERS, seed: 11 });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.reset());

describe('request faults', () => {
  it('adds latency to every request', async () => {
    sb.setFaults({ latencyMs: 120 });
    const started = performance.now();
    await call(sb, 'GET', '/Users?count=1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('answers 429 on every Nth request with Retry-After seconds', async () => {
    sb.setFaults({ rateLimitEvery: 3, retryAfter: { seconds: 7, format: 'seconds' } });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await call(sb, 'GET', '/Users?count=1')).status);
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
    sb.setFaults({ rateLimitEvery: 1, retryAfter: { seconds: 7, format: 'seconds' } });
    expect((await call(sb, 'GET', '/Users')).headers.get('retry-after')).toBe('7');
  });

  it('speaks the http-date and x-rate-limit-reset dialects of 429', async () => {
    sb.setFaults({ rateLimitEvery: 1, retryAfter: { seconds: 60, format: 'http-date' } });
    const dated = await call(sb, 'GET', '/Users');
    const when = Date.parse(dated.headers.get('retry-after') ?? '');
    expect(when - Date.now()).toBeGreaterThan(50_000);
    sb.setFaults({ rateLimitEvery: 1, retryAfter: { seconds: 60, format: 'x-rate-limit-reset' } });
    const reset = await call(sb, 'GET', '/Users');
    expect(reset.headers.get('retry-after')).toBeNull();
    expect(Number(reset.headers.get('x-rate-limit-reset')) * 1000 - Date.now()).toBeGreaterThan(50_000);
  });

  it('fails the last `length` requests of every `every` with the burst status', async () => {
    sb.setFaults({ serverErrorBurst: { every: 4, length: 2, status: 503 } });
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await call(sb, 'GET', '/Users?count=1')).status);
    expect(statuses).toEqual([200, 200, 503, 503, 200, 200, 503, 503]);
  });

  it('destroys the socket mid-body on every Nth request', async () => {
    sb.setFaults({ resetEvery: 2 });
    expect((await call(sb, 'GET', '/Users?count=50')).status).toBe(200);
    await expect(call(sb, 'GET', '/Users?count=50')).rejects.toThrow();
  });

  it('sends cut JSON without Content-Length on every Nth request', async () => {
    sb.setFaults({ truncateEvery: 1 });
    const res = await call(sb, 'GET', '/Users?count=50');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.json).toBeNull();
    expect(res.text.startsWith('{"schemas"')).toBe(true);
  });

  it('dribbles the body out over slowBodyMs', async () => {
    sb.setFaults({ slowBodyMs: 300 });
    const started = performance.now();
    const res = await call(sb, 'GET', '/Users?count=20');
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(resources(res)).toHaveLength(20);
  });
});

describe('paging faults', () => {
  it('caps the page below count', async () => {
    sb.setFaults({ pageCap: 7 });
    const res = await call(sb, 'GET', '/Users?count=50');
    expect(resources(res)).toHaveLength(7);
    expect(res.json?.itemsPerPage).toBe(7);
  });

  it('omits itemsPerPage', async () => {
    sb.setFaults({ omitItemsPerPage: true });
    expect(Object.keys((await call(sb, 'GET', '/Users?count=5')).json ?? {})).not.toContain('itemsPerPage');
  });

  it('reports a wrong or capped totalResults', async () => {
    sb.setFaults({ wrongTotalResults: -30 });
    expect((await call(sb, 'GET', '/Users?count=1')).json?.totalResults).toBe(USERS - 30);
    sb.setFaults({ totalResultsCapped: 100 });
    expect((await call(sb, 'GET', '/Users?count=1')).json?.totalResults).toBe(100);
  });

  it('reads startIndex as 0-based', async () => {
    sb.setFaults({ zeroBasedIndex: true });
    const ids = sb.store.ids('Users');
    const page = await call(sb, 'GET', '/Users?startIndex=1&count=2');
    expect(resources(page).map((r) => r.id)).toEqual([ids[1], ids[2]]);
    expect(page.json?.startIndex).toBe(1);
    const first = await call(sb, 'GET', '/Users?startIndex=0&count=1');
    expect(resources(first)[0]?.id).toBe(ids[0]);
  });

  it('ignores count and answers its own page size', async () => {
    sb.setFaults({ ignoreCount: true });
    expect(resources(await call(sb, 'GET', '/Users?count=5'))).toHaveLength(100);
  });

  it('pages only by cursor, ignoring startIndex', async () => {
    sb.setFaults({ cursorOnly: true });
    const first = await call(sb, 'GET', '/Users?count=10');
    const again = await call(sb, 'GET', '/Users?count=10&startIndex=11');
    expect(resources(again).map((r) => r.id)).toEqual(resources(first).map((r) => r.id));
    expect(again.json).not.toHaveProperty('startIndex');
    const next = await call(sb, 'GET', `/Users?count=10&cursor=${String(first.json?.nextCursor)}`);
    expect(resources(next)[0]?.id).toBe(sb.store.ids('Users')[10]);
  });

  it('ignores every filter silently', async () => {
    sb.setFaults({ ignoreFilter: true });
    const res = await call(sb, 'GET', `/Users?count=0&filter=${q('userName eq "nobody@nowhere"')}`);
    expect(res.status).toBe(200);
    expect(res.json?.totalResults).toBe(USERS);
    expect((await call(sb, 'GET', `/Users?filter=${q('((broken')}`)).status).toBe(200);
  });
});

describe('representation faults', () => {
  it('renames attributes to odd case and sends string booleans', async () => {
    sb.setFaults({ caseVariantNames: true, stringBooleans: true });
    const user = resources(await call(sb, 'GET', '/Users?count=1'))[0] ?? {};
    expect(user).toHaveProperty('UserName');
    expect(user).toHaveProperty('Emails');
    expect(user).not.toHaveProperty('userName');
    expect(['True', 'False']).toContain(user.Active);
  });

  it('answers 401, 404 and 5xx as HTML pages', async () => {
    sb.setFaults({ htmlErrors: true });
    const unauth = await fetch(`${sb.url}/Users`);
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await unauth.text()).toMatch(/<html>/);
    const missing = await call(sb, 'GET', '/Users/nope');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    sb.setFaults({ htmlErrors: true, serverErrorBurst: { every: 1, length: 1, status: 502 } });
    expect((await call(sb, 'GET', '/Users')).headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('answers PATCH and PUT with 204 and no body', async () => {
    sb.setFaults({ noContentOnWrite: true });
    const id = sb.store.ids('Users')[0] as string;
    const res = await call(sb, 'PATCH', `/Users/${id}`, patchBody({ op: 'replace', path: 'title', value: 'Quiet' }));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(sb.store.get('Users', id)?.res.title).toBe('Quiet');
  });

  it('hides or locks the discovery endpoints', async () => {
    sb.setFaults({ missingDiscovery: true });
    for (const p of ['/ServiceProviderConfig', '/ResourceTypes', '/Schemas']) expect((await call(sb, 'GET', p)).status).toBe(404);
    sb.setFaults({ discoveryUnauthorized: true });
    expect((await call(sb, 'GET', '/ServiceProviderConfig')).status).toBe(401);
    expect((await call(sb, 'GET', '/Users?count=1')).status).toBe(200);
  });

  it('sends the configured Content-Type and members: null', async () => {
    sb.setFaults({ contentType: 'text/json; charset=utf-8', nullMembers: true });
    const res = await call(sb, 'GET', '/Groups?count=2');
    expect(res.headers.get('content-type')).toBe('text/json; charset=utf-8');
    expect(resources(res).every((g) => g.members === null)).toBe(true);
  });
});

describe('admin endpoint', () => {
  const admin = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${sb.origin}/__sandbox/${path}`, { ...init, headers: { Authorization: `Bearer ${sb.token}`, 'Content-Type': 'application/json' } });

  it('replaces the fault set, reports stats and resets, behind the token', async () => {
    expect((await fetch(`${sb.origin}/__sandbox/stats`)).status).toBe(401);
    expect((await admin('faults', { method: 'POST', body: JSON.stringify({ pageCap: 3 }) })).status).toBe(200);
    expect(resources(await call(sb, 'GET', '/Users?count=10'))).toHaveLength(3);
    expect((await admin('faults', { method: 'POST', body: JSON.stringify({ pageCap: 'x' }) })).status).toBe(400);
    expect((await admin('faults', { method: 'POST', body: JSON.stringify({ bogus: true }) })).status).toBe(400);
    const stats = (await (await admin('stats')).json()) as { requests: number; byMethod: Record<string, number> };
    expect(stats.requests).toBe(1);
    expect(stats.byMethod.GET).toBe(1);
    await call(sb, 'DELETE', `/Users/${sb.store.ids('Users')[0] as string}`);
    expect(sb.store.count('Users')).toBe(USERS - 1);
    expect((await admin('reset', { method: 'POST' })).status).toBe(200);
    expect(sb.store.count('Users')).toBe(USERS);
    expect(resources(await call(sb, 'GET', '/Users?count=10'))).toHaveLength(10);
    expect(sb.stats()).toEqual({ requests: 1, byMethod: { GET: 1 }, writes: 0 });
  });

  it('refuses invalid fault sets from code with invalid-input', () => {
    expect(() => sb.setFaults({ rateLimitEvery: -1 })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => sb.setFaults({ serverErrorBurst: { every: 2, length: 3, status: 500 } })).toThrow(/length <= every/);
  });

  it('is never faulted itself', async () => {
    sb.setFaults({ rateLimitEvery: 1, htmlErrors: true, resetEvery: 1 });
    const res = await admin('stats');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
  });
});

// The rfc profile (seed 004) through real HTTP: auth, public discovery, index and cursor paging,
// filters, sort, projection, writes with uniqueness and ETags, group PATCH with bracket paths.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../../shared/scim';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { call, patchBody, q, resources } from './http';

let sb: SandboxHandle;
const USERS = 250;

beforeAll(async () => {
  sb = await startSandbox({ vendor: 'rfc', users: USERS, seed: 7 });
});
afterAll(async () => {
  await sb.close();
});

describe('rfc sandbox: access and discovery', () => {
  it('answers 401 with a SCIM error without the bearer token', async () => {
    const res = await fetch(`${sb.url}/Users`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/Bearer/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.schemas).toEqual([SCHEMAS.error]);
    expect(body.status).toBe('401');
    const wrong = await fetch(`${sb.url}/Users`, { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
  });

  it('serves discovery publicly, advertising cursor paging, sort, etag and maxResults', async () => {
    const res = await fetch(`${sb.url}/ServiceProviderConfig`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/scim+json');
    const spc = (await res.json()) as Record<string, Record<string, unknown>>;
    expect(spc.sort?.supported).toBe(true);
    expect(spc.etag?.supported).toBe(true);
    expect(spc.filter?.maxResults).toBe(1000);
    expect(spc.pagination?.cursor).toBe(true);
    const types = await call(sb, 'GET', '/ResourceTypes');
    expect(resources(types).map((t) => t.id)).toEqual(['User', 'Group']);
    const schemas = await call(sb, 'GET', '/Schemas');
    expect(resources(schemas).map((s) => s.id)).toContain(SCHEMAS.enterpriseUser);
  });

  it('answers 404 outside the base path', async () => {
    expect((await call(sb, 'GET', `${sb.origin}/Users`)).status).toBe(404);
  });
});

describe('rfc sandbox: paging', () => {
  it('pages with startIndex/count through every user exactly once', async () => {
    const seen = new Set<string>();
    for (let start = 1; start <= USERS; start += 40) {
      const page = await call(sb, 'GET', `/Users?startIndex=${start}&count=40`);
      expect(page.json?.totalResults).toBe(USERS);
      expect(page.json?.startIndex).toBe(start);
      expect(page.json?.itemsPerPage).toBe(resources(page).length);
      for (const r of resources(page)) seen.add(r.id as string);
    }
    expect(seen.size).toBe(USERS);
  });

  it('answers count=0 with the total only and caps count at maxResults', async () => {
    const zero = await call(sb, 'GET', '/Users?count=0');
    expect(zero.json?.totalResults).toBe(USERS);
    expect(resources(zero)).toHaveLength(0);
    expect((await call(sb, 'GET', '/Users?count=abc')).json?.scimType).toBe('invalidValue');
  });

  it('pages by cursor with nextCursor until the end, and refuses a forged cursor', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 20; i++) {
      const page = await call(sb, 'GET', `/Users?count=60&cursor=${encodeURIComponent(cursor)}`);
      seen.push(...resources(page).map((r) => r.id as string));
      if (typeof page.json?.nextCursor !== 'string') break;
      cursor = page.json.nextCursor;
    }
    expect(new Set(seen).size).toBe(USERS);
    expect(seen).toHaveLength(USERS);
    const bad = await call(sb, 'GET', '/Users?cursor=garbage');
    expect(bad.status).toBe(400);
    expect(bad.json?.scimType).toBe('invalidCursor');
  });
});

describe('rfc sandbox: filters, sort and projection', () => {
  it('matches userName case-insensitively, so both planted case twins come back', async () => {
    const [upper, lower] = sb.store.planted.caseCollidingUserNames[0] ?? ['', ''];
    const res = await call(sb, 'GET', `/Users?filter=${q(`userName eq "${lower.toUpperCase()}"`)}`);
    expect(resources(res).map((r) => r.userName).sort()).toEqual([upper, lower].sort());
  });

  it('evaluates general filters exactly (active eq false = planted inactive count)', async () => {
    const res = await call(sb, 'GET', `/Users?count=0&filter=${q('active eq false')}`);
    expect(res.json?.totalResults).toBe(sb.store.planted.inactiveUsers);
    const both = await call(sb, 'GET', `/Users?count=0&filter=${q('active eq false or not (externalId pr)')}`);
    const inactiveOrNoExternalId = sb.store.ids('Users').filter((u) => {
      const res = sb.store.get('Users', u)?.res;
      return res?.active === false || res?.externalId === undefined;
    });
    expect(inactiveOrNoExternalId.length).toBeGreaterThan(sb.store.planted.inactiveUsers);
    expect(both.json?.totalResults).toBe(inactiveOrNoExternalId.length);
    const id = sb.store.ids('Users')[3] as string;
    const byId = await call(sb, 'GET', `/Users?filter=${q(`id eq "${id}"`)}`);
    expect(resources(byId).map((r) => r.id)).toEqual([id]);
    const row = sb.store.get('Users', id);
    const email = ((row?.res.emails as Array<{ value: string }>)[0] as { value: string }).value;
    const byEmail = await call(sb, 'GET', `/Users?filter=${q(`emails.value eq "${email}"`)}`);
    expect(resources(byEmail).map((r) => r.id)).toContain(id);
  });

  it('treats externalId as caseExact', async () => {
    const row = sb.store.get('Users', sb.store.ids('Users').find((i) => typeof sb.store.get('Users', i)?.res.externalId === 'string') as string);
    const ext = row?.res.externalId as string;
    expect(resources(await call(sb, 'GET', `/Users?filter=${q(`externalId eq "${ext}"`)}`))).toHaveLength(1);
    expect(resources(await call(sb, 'GET', `/Users?filter=${q(`externalId eq "${ext.toUpperCase()}"`)}`))).toHaveLength(0);
  });

  it('refuses an invalid filter with 400 invalidFilter', async () => {
    const res = await call(sb, 'GET', `/Users?filter=${q('userName eq')}`);
    expect(res.status).toBe(400);
    expect(res.json?.scimType).toBe('invalidFilter');
  });

  it('sorts by sortBy/sortOrder', async () => {
    const asc = resources(await call(sb, 'GET', '/Users?sortBy=userName&count=1000')).map((r) => (r.userName as string).toLowerCase());
    expect(asc).toEqual([...asc].sort());
    const desc = resources(await call(sb, 'GET', '/Users?sortBy=userName&sortOrder=descending&count=1000')).map((r) => (r.userName as string).toLowerCase());
    expect(desc).toEqual([...asc].reverse());
  });

  it('answers POST /Users/.search like the equivalent GET', async () => {
    const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: 'active eq false', count: 5, attributes: ['userName'] };
    const res = await call(sb, 'POST', '/Users/.search', body);
    expect(res.status).toBe(200);
    expect(res.json?.totalResults).toBe(sb.store.planted.inactiveUsers);
    expect(resources(res)).toHaveLength(5);
    expect(Object.keys(resources(res)[0] ?? {}).sort()).toEqual(['id', 'schemas', 'userName']);
  });

  it('returns only the requested attributes, or all but the excluded ones', async () => {
    const only = resources(await call(sb, 'GET', '/Users?count=2&attributes=userName,name.givenName'))[0] ?? {};
    expect(Object.keys(only).sort()).toEqual(['id', 'name', 'schemas', 'userName']);
    expect(Object.keys(only.name as object)).toEqual(['givenName']);
    const without = resources(await call(sb, 'GET', '/Groups?count=5&excludedAttributes=members'));
    expect(without.every((g) => !('members' in g) && typeof g.displayName === 'string')).toBe(true);
  });
});

describe('rfc sandbox: writes', () => {
  it('creates with 201 + Location + ETag and refuses a case-insensitive duplicate with 409 uniqueness', async () => {
    const made = await call(sb, 'POST', '/Users', { schemas: [SCHEMAS.user], userName: 'Zed@Example.test', active: true });
    expect(made.status).toBe(201);
    expect(made.headers.get('location')).toBe(`${sb.url}/Users/${String(made.json?.id)}`);
    expect(made.headers.get('etag')).toBe('W/"1"');
    const dup = await call(sb, 'POST', '/Users', { schemas: [SCHEMAS.user], userName: 'zed@example.TEST' });
    expect(dup.status).toBe(409);
    expect(dup.json?.scimType).toBe('uniqueness');
    expect(dup.json?.schemas).toEqual([SCHEMAS.error]);
  });

  it('checks If-Match: 412 on a stale ETag, success and a new version on the current one', async () => {
    const id = sb.store.ids('Users')[20] as string;
    const current = await call(sb, 'GET', `/Users/${id}`);
    const etag = current.headers.get('etag') as string;
    expect(etag).toMatch(/^W\/"\d+"$/);
    const stale = await call(sb, 'PATCH', `/Users/${id}`, patchBody({ op: 'replace', path: 'title', value: 'x' }), { 'If-Match': 'W/"999"' });
    expect(stale.status).toBe(412);
    const ok = await call(sb, 'PATCH', `/Users/${id}`, patchBody({ op: 'replace', path: 'title', value: 'Chief' }), { 'If-Match': etag });
    expect(ok.status).toBe(200);
    expect(ok.json?.title).toBe('Chief');
    expect(ok.headers.get('etag')).not.toBe(etag);
    expect((ok.json?.meta as Record<string, unknown>).version).toBe(ok.headers.get('etag'));
  });

  it('refuses capitalised op names (the strict RFC dialect)', async () => {
    const id = sb.store.ids('Users')[21] as string;
    const res = await call(sb, 'PATCH', `/Users/${id}`, patchBody({ op: 'Replace', path: 'active', value: false }));
    expect(res.status).toBe(400);
    expect(res.json?.scimType).toBe('invalidSyntax');
  });

  it('replaces with PUT and deletes with 204, then 404', async () => {
    const id = sb.store.ids('Users')[22] as string;
    const before = sb.store.get('Users', id)?.res;
    const put = await call(sb, 'PUT', `/Users/${id}`, { schemas: [SCHEMAS.user], userName: before?.userName, displayName: 'Replaced', active: false });
    expect(put.status).toBe(200);
    expect(put.json?.displayName).toBe('Replaced');
    expect(put.json).not.toHaveProperty('title');
    expect((await call(sb, 'DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await call(sb, 'GET', `/Users/${id}`)).status).toBe(404);
  });

  it('removes a group member with an Azure-style bracket path', async () => {
    const groupId = sb.store.ids('Groups')[0] as string;
    const members = sb.store.get('Groups', groupId)?.res.members as Array<{ value: string }>;
    const victim = (members[0] as { value: string }).value;
    const res = await call(sb, 'PATCH', `/Groups/${groupId}`, patchBody({ op: 'remove', path: `members[value eq "${victim}"]` }));
    expect(res.status).toBe(200);
    const after = (res.json?.members as Array<{ value: string }>).map((m) => m.value);
    expect(after).not.toContain(victim);
    expect(after).toHaveLength(members.length - 1);
  });

  it('computes the read-only Users groups attribute from membership and drops a deleted user from groups', async () => {
    const groupId = sb.store.ids('Groups')[4] as string;
    const member = ((sb.store.get('Groups', groupId)?.res.members as Array<{ value: string }>)[0] as { value: string }).value;
    const user = await call(sb, 'GET', `/Users/${member}`);
    expect((user.json?.groups as Array<{ value: string }>).map((g) => g.value)).toContain(groupId);
    const put = await call(sb, 'PUT', `/Users/${member}`, { ...user.json, groups: [{ value: 'forged' }] });
    expect((put.json?.groups as Array<{ value: string }>).map((g) => g.value)).not.toContain('forged');
    const writesBefore = sb.stats().writes;
    expect((await call(sb, 'DELETE', `/Users/${member}`)).status).toBe(204);
    expect(sb.stats().writes).toBe(writesBefore + 1);
    const group = await call(sb, 'GET', `/Groups/${groupId}`);
    expect((group.json?.members as Array<{ value: string }>).map((m) => m.value)).not.toContain(member);
  });

  it('counts requests and writes in stats', async () => {
    const before = sb.stats();
    await call(sb, 'GET', '/Users?count=1');
    const after = sb.stats();
    expect(after.requests).toBe(before.requests + 1);
    expect(after.byMethod.GET).toBe((before.byMethod.GET ?? 0) + 1);
    expect(after.writes).toBe(before.writes);
    const id = sb.store.ids('Users')[0] as string;
    expect((await call(sb, 'PATCH', `/Users/${id}`, { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'title', value: 'Counted' }] })).status).toBe(200);
    expect(sb.stats()).toMatchObject({ requests: before.requests + 2, writes: before.writes + 1 });
    expect(sb.stats().byMethod.PATCH).toBe((before.byMethod.PATCH ?? 0) + 1);
  });
});

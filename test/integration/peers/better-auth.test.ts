// Better Auth's SCIM plugin as a real third-party SCIM server: what it does over plain HTTP,
// pinned so a change in the peer (or in our reading of it) shows up here first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBetterAuthScim } from '../../support/peers/better-auth';
import { body, PATCH_OP, peerFetch, q, resourceIds, USER_SCHEMA } from '../../support/peers/scim-fetch';
import type { PeerHandle } from '../../support/peers/types';

// More than one capped page, so the count cap and paging are visible.
const USERS = 105;
let peer: PeerHandle;
const get = (path: string) => peerFetch(peer.url, peer.token, path);

beforeAll(async () => {
  peer = await startBetterAuthScim({ users: USERS });
});
afterAll(async () => {
  await peer?.close();
});

describe('Better Auth SCIM peer', () => {
  it('starts on loopback under /api/auth/scim/v2 with the seeded users and groups', () => {
    expect(peer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/auth\/scim\/v2$/);
    expect(peer.seedUserIds).toHaveLength(USERS);
    expect(new Set(peer.seedUserIds).size).toBe(USERS);
    expect(peer.seedGroupIds).toHaveLength(2);
  });

  it('rejects a wrong bearer token with a SCIM 401 and a Bearer challenge', async () => {
    const res = await fetch(`${peer.url}/Users`, { headers: { authorization: 'Bearer wrong-token' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await res.json()) as Record<string, unknown>).schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
  });

  it('lists every seeded user exactly once, in creation order, when paged', async () => {
    const seen: string[] = [];
    for (let start = 1; start <= USERS; start += 40) seen.push(...resourceIds(await get(`/Users?startIndex=${start}&count=40`)));
    expect(seen).toEqual(peer.seedUserIds);
  });

  it('count defaults to 100 and is capped at 100', async () => {
    const dflt = body(await get('/Users'));
    expect(dflt.totalResults).toBe(USERS);
    expect(dflt.itemsPerPage).toBe(100);
    expect(dflt.Resources).toHaveLength(100);
    const asked = body(await get('/Users?count=500'));
    expect(asked.itemsPerPage).toBe(100);
    expect(asked.Resources).toHaveLength(100);
  });

  it('itemsPerPage is what came back, and a startIndex past the end is an empty page', async () => {
    const tail = body(await get(`/Users?startIndex=${USERS - 1}&count=10`));
    expect(tail.itemsPerPage).toBe(2);
    const past = body(await get(`/Users?startIndex=${USERS + 50}&count=10`));
    expect(past.itemsPerPage).toBe(0);
    expect(past.Resources).toEqual([]);
  });

  it('silently ignores sortBy/sortOrder', async () => {
    const sorted = resourceIds(await get('/Users?sortBy=userName&sortOrder=descending&count=10'));
    expect(sorted).toEqual(peer.seedUserIds.slice(0, 10));
    const spc = body(await get('/ServiceProviderConfig'));
    expect(spc.sort).toEqual({ supported: false });
  });

  it('filters with eq on userName, externalId, emails.value and id', async () => {
    expect(resourceIds(await get(`/Users?filter=${q('userName eq "peer.user0003"')}`))).toEqual([peer.seedUserIds[3]]);
    expect(resourceIds(await get(`/Users?filter=${q('externalId eq "ext-0004"')}`))).toEqual([peer.seedUserIds[4]]);
    expect(resourceIds(await get(`/Users?filter=${q('emails.value eq "peer.user0006@example.test"')}`))).toEqual([peer.seedUserIds[6]]);
    expect(resourceIds(await get(`/Users?filter=${q(`id eq "${peer.seedUserIds[7]}"`)}`))).toEqual([peer.seedUserIds[7]]);
  });

  it('answers any other filter with 400 invalidFilter', async () => {
    const others = ['userName sw "peer"', 'displayName eq "x"', 'active eq true', 'emails eq "peer.user0006@example.test"', 'userName eq "a" or userName eq "b"', 'userName eq "peer.user0003" and active eq true', 'userName pr'];
    for (const filter of others) {
      const res = await get(`/Users?filter=${q(filter)}`);
      expect({ filter, status: res.status, scimType: body(res).scimType }).toEqual({ filter, status: 400, scimType: 'invalidFilter' });
    }
  });

  it('has no ETags: no header, no meta.version, etag unsupported in ServiceProviderConfig', async () => {
    const res = await get(`/Users/${peer.seedUserIds[0]}`);
    expect(res.status).toBe(200);
    expect(res.etag).toBeNull();
    expect((body(res).meta as Record<string, unknown>).version).toBeUndefined();
    expect(body(await get('/ServiceProviderConfig')).etag).toEqual({ supported: false });
  });

  it('PATCH answers 200 with the whole resource and the change persists', async () => {
    const id = peer.seedUserIds[1];
    const res = await peerFetch(peer.url, peer.token, `/Users/${id}`, {
      method: 'PATCH',
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] },
    });
    expect(res.status).toBe(200);
    expect(body(res)).toMatchObject({ id, userName: 'peer.user0001', active: false });
    expect(body(await get(`/Users/${id}`)).active).toBe(false);
  });

  it('POST needs an email unless userName is one; a duplicate userName is 409 uniqueness', async () => {
    const noEmail = await peerFetch(peer.url, peer.token, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA], userName: 'no.email' } });
    expect(noEmail.status).toBe(400);
    expect(body(noEmail).scimType).toBe('invalidValue');
    const emailName = await peerFetch(peer.url, peer.token, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA], userName: 'self@example.test' } });
    expect(emailName.status).toBe(201);
    expect(body(emailName).emails).toEqual([{ value: 'self@example.test', primary: true }]);
    const dup = await peerFetch(peer.url, peer.token, '/Users', {
      method: 'POST',
      body: { schemas: [USER_SCHEMA], userName: 'peer.user0002', emails: [{ value: 'other@example.test' }] },
    });
    expect(dup.status).toBe(409);
    expect(body(dup).scimType).toBe('uniqueness');
  });

  it('/Bulk, /Me and /Users/.search answer 404 with an empty body', async () => {
    for (const [path, method] of [['/Bulk', 'POST'], ['/Me', 'GET'], ['/Users/.search', 'POST']] as const) {
      const res = await peerFetch(peer.url, peer.token, path, { method, ...(method === 'POST' ? { body: { schemas: [] } } : {}) });
      expect({ path, status: res.status, text: res.text }).toEqual({ path, status: 404, text: '' });
    }
  });

  it('lists the seeded groups with their members', async () => {
    expect(resourceIds(await get('/Groups'))).toEqual(peer.seedGroupIds);
    const first = body(await get(`/Groups/${peer.seedGroupIds[0]}`));
    const evenUsers = peer.seedUserIds.filter((_, i) => i % 2 === 0);
    expect((first.members as Record<string, unknown>[]).map((m) => m.value).sort()).toEqual(evenUsers.sort());
  });

  it('quirk: creating a group with more than 100 members is a 400 invalidValue', async () => {
    const create = (n: number) =>
      peerFetch(peer.url, peer.token, '/Groups', {
        method: 'POST',
        body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `Big ${n}`, members: peer.seedUserIds.slice(0, n).map((value) => ({ value })) },
      });
    expect((await create(100)).status).toBe(201);
    const refused = await create(101);
    expect(refused.status).toBe(400);
    expect(body(refused)).toMatchObject({ scimType: 'invalidValue', detail: 'One or more Group members are invalid' });
  });

  it('DELETE answers 204 and the user is then 404', async () => {
    const id = peer.seedUserIds[USERS - 1];
    expect((await peerFetch(peer.url, peer.token, `/Users/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await get(`/Users/${id}`)).status).toBe(404);
  });

  // Last: it closes the shared peer (afterAll's close is then a no-op).
  it('close() stops the server and is safe to call twice', async () => {
    await peer.close();
    await peer.close();
    await expect(fetch(`${peer.url}/Users`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  });
});

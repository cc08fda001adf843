// SCIMMY (+ scimmy-routers on express 4) as a real third-party SCIM server: what it does over
// plain HTTP, including the quirks a client's listing engine has to survive. One file per process
// because SCIMMY's configuration is global.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCIMMY_ADVERTISED_MAX_RESULTS, startScimmy } from '../../support/peers/scimmy';
import { body, PATCH_OP, peerFetch, q, resourceIds, USER_SCHEMA } from '../../support/peers/scim-fetch';
import type { PeerHandle } from '../../support/peers/types';

const USERS = 30;
let peer: PeerHandle;
const get = (path: string) => peerFetch(peer.url, peer.token, path);

beforeAll(async () => {
  peer = await startScimmy({ users: USERS, groups: 3 });
});
afterAll(async () => {
  await peer?.close();
});

describe('SCIMMY peer', () => {
  it('starts on loopback with seeded users and groups and refuses a second instance in the process', async () => {
    expect(peer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2$/);
    expect(peer.seedUserIds).toHaveLength(USERS);
    expect(new Set(peer.seedUserIds).size).toBe(USERS);
    expect(peer.seedGroupIds).toHaveLength(3);
    await expect(startScimmy()).rejects.toThrow(/already running/);
  });

  it('rejects a wrong bearer token with a SCIM 401', async () => {
    const res = await peerFetch(peer.url, 'not-the-token', '/Users');
    expect(res.status).toBe(401);
    expect(body(res).schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
  });

  it('lists every seeded user exactly once when paged by startIndex/count', async () => {
    const seen: string[] = [];
    for (let start = 1; start <= USERS; start += 7) {
      seen.push(...resourceIds(await get(`/Users?startIndex=${start}&count=7`)));
    }
    expect(seen).toEqual(peer.seedUserIds);
    expect(body(await get('/Users?count=1')).totalResults).toBe(USERS);
  });

  it('quirk: the advertised filter.maxResults is not enforced', async () => {
    const spc = body(await get('/ServiceProviderConfig'));
    expect(spc.filter).toEqual({ supported: true, maxResults: SCIMMY_ADVERTISED_MAX_RESULTS });
    expect(USERS).toBeGreaterThan(SCIMMY_ADVERTISED_MAX_RESULTS);
    expect(resourceIds(await get(`/Users?count=${USERS}`))).toEqual(peer.seedUserIds);
  });

  it('quirk: itemsPerPage echoes the requested count, not how many came back', async () => {
    const res = body(await get(`/Users?startIndex=${USERS - 1}&count=10`));
    expect(res.Resources).toHaveLength(2);
    expect(res.itemsPerPage).toBe(10);
    // Without a count it echoes its default page size of 20.
    expect(body(await get('/Users')).itemsPerPage).toBe(20);
  });

  it('quirk: a startIndex past the end returns resources from the start instead of an empty page', async () => {
    const res = body(await get(`/Users?startIndex=${USERS + 50}&count=5`));
    expect(res.startIndex).toBe(USERS + 50);
    expect(res.totalResults).toBe(USERS);
    expect(resourceIds(await get(`/Users?startIndex=${USERS + 50}&count=5`))).toEqual(peer.seedUserIds.slice(0, 5));
    // With a count covering everything, that is ALL resources again: a naive pager double-counts.
    expect(resourceIds(await get(`/Users?startIndex=${USERS + 1}&count=100`))).toEqual(peer.seedUserIds);
  });

  it('quirk: content type carries a charset and express adds a weak body-hash ETag, not a version', async () => {
    const res = await get(`/Users/${peer.seedUserIds[0]}`);
    expect(res.contentType).toBe('application/scim+json; charset=utf-8');
    expect(res.etag).toMatch(/^W\/"/);
    expect((body(res).meta as Record<string, unknown>).version).toBeUndefined();
    // meta.location is relative because no https base URI is configured.
    expect((body(res).meta as Record<string, unknown>).location).toBe(`/scim/v2/Users/${peer.seedUserIds[0]}`);
    // The ETag is not a precondition: a stale If-Match still writes.
    const patched = await peerFetch(peer.url, peer.token, `/Users/${peer.seedUserIds[0]}`, {
      method: 'PATCH',
      headers: { 'if-match': 'W/"stale"' },
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Stale-ok' }] },
    });
    expect(patched.status).toBe(200);
  });

  it('evaluates the full filter grammar and sorts', async () => {
    const eq = await get(`/Users?filter=${q('userName eq "peer.user0003"')}`);
    expect(resourceIds(eq)).toEqual([peer.seedUserIds[3]]);
    const complex = await get(`/Users?filter=${q('userName sw "peer.user001" and active eq true')}&sortBy=userName&sortOrder=descending&count=100`);
    const names = (body(complex).Resources as Record<string, unknown>[]).map((r) => r.userName);
    // users 10..19, minus the inactive ones (index % 7 === 3 → 10 and 17), newest name first
    expect(names).toEqual(['peer.user0019', 'peer.user0018', 'peer.user0016', 'peer.user0015', 'peer.user0014', 'peer.user0013', 'peer.user0012', 'peer.user0011']);
    const emails = await get(`/Users?filter=${q('emails[value co "user0007@"]')}`);
    expect(resourceIds(emails)).toEqual([peer.seedUserIds[7]]);
  });

  it('answers an unparsable filter with 400 invalidFilter', async () => {
    const res = await get(`/Users?filter=${q('userName qq "x"')}`);
    expect(res.status).toBe(400);
    expect(body(res).scimType).toBe('invalidFilter');
  });

  it('quirk: a comparison without a value ("userName eq") is accepted and matches nothing', async () => {
    const res = await get(`/Users?filter=${q('userName eq')}`);
    expect(res.status).toBe(200);
    expect(body(res).totalResults).toBe(0);
  });

  it('quirk: a string value with an escaped quote is a 400 invalidFilter (valid per RFC 7644)', async () => {
    const res = await get(`/Users?filter=${q('userName eq "a\\"b"')}`);
    expect(res.status).toBe(400);
    expect(body(res).scimType).toBe('invalidFilter');
  });

  it('quirk: eq on userName and emails.value is case-sensitive (RFC 7643 says caseExact false)', async () => {
    expect(resourceIds(await get(`/Users?filter=${q('userName eq "PEER.USER0004"')}`))).toEqual([]);
    expect(resourceIds(await get(`/Users?filter=${q('emails.value eq "PEER.USER0004@example.test"')}`))).toEqual([]);
    expect(resourceIds(await get(`/Users?filter=${q('userName eq "peer.user0004"')}`))).toEqual([peer.seedUserIds[4]]);
  });

  it('quirk: a URN-qualified attribute path silently matches nothing', async () => {
    const plain = await get(`/Users?filter=${q('userName eq "peer.user0001"')}`);
    expect(resourceIds(plain)).toEqual([peer.seedUserIds[1]]);
    const qualified = await get(`/Users?filter=${q(`${USER_SCHEMA}:userName eq "peer.user0001"`)}`);
    expect(qualified.status).toBe(200);
    expect(body(qualified).totalResults).toBe(0);
  });

  it('quirk: a value filter on an attribute no user has is a 400 invalidValue (a server-side TypeError)', async () => {
    const res = await get(`/Users?filter=${q('groups[value eq "x"]')}`);
    expect(res.status).toBe(400);
    expect(body(res).scimType).toBe('invalidValue');
  });

  it('serves POST /.search like GET with a filter', async () => {
    const res = await peerFetch(peer.url, peer.token, '/Users/.search', {
      method: 'POST',
      body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: 'externalId eq "ext-0005"' },
    });
    expect(res.status).toBe(200);
    expect(resourceIds(res)).toEqual([peer.seedUserIds[5]]);
  });

  it('PATCH replaces a value and answers 200 with the resource', async () => {
    const id = peer.seedUserIds[1];
    const res = await peerFetch(peer.url, peer.token, `/Users/${id}`, {
      method: 'PATCH',
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'Renamed Peer' }] },
    });
    expect(res.status).toBe(200);
    expect(body(res).displayName).toBe('Renamed Peer');
    expect(body(await get(`/Users/${id}`)).displayName).toBe('Renamed Peer');
  });

  it('POST creates (201), a duplicate userName is 409 uniqueness, DELETE is 204 then 404', async () => {
    const created = await peerFetch(peer.url, peer.token, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA], userName: 'fresh.peer' } });
    expect(created.status).toBe(201);
    const dup = await peerFetch(peer.url, peer.token, '/Users', { method: 'POST', body: { schemas: [USER_SCHEMA], userName: 'FRESH.peer' } });
    expect(dup.status).toBe(409);
    expect(body(dup).scimType).toBe('uniqueness');
    const id = String(body(created).id);
    expect((await peerFetch(peer.url, peer.token, `/Users/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await get(`/Users/${id}`)).status).toBe(404);
  });

  it('lists groups with their members, runs POST /Bulk and answers unknown endpoints 404', async () => {
    const groups = body(await get('/Groups?count=100'));
    expect(resourceIds(await get('/Groups?count=100'))).toEqual(peer.seedGroupIds);
    const first = (groups.Resources as Record<string, unknown>[])[0];
    expect((first?.members as unknown[]).length).toBe(USERS);
    const bulk = await peerFetch(peer.url, peer.token, '/Bulk', {
      method: 'POST',
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
        Operations: [{ method: 'POST', path: '/Users', bulkId: 'b1', data: { schemas: [USER_SCHEMA], userName: 'bulk.peer' } }],
      },
    });
    expect(bulk.status).toBe(200);
    expect(body(bulk).Operations).toMatchObject([{ bulkId: 'b1', status: '201' }]);
    expect((await get('/Nothing')).status).toBe(404);
  });

  // Last: it closes the shared peer (afterAll's close is then a no-op).
  it('close() stops the server and releases SCIMMY for the next peer in this process', async () => {
    await peer.close();
    await peer.close();
    await expect(fetch(`${peer.url}/Users`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
    const next = await startScimmy({ users: 2, groups: 0 });
    try {
      expect(resourceIds(await peerFetch(next.url, next.token, '/Users'))).toEqual(next.seedUserIds);
    } finally {
      await next.close();
    }
  });
});

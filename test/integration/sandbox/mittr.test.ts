// mittr profile (seed 003): Users only, discovery is ServiceProviderConfig alone, only
// `userName eq` and `emails eq` filters — anything else silently ignored and ALL users returned —
// DELETE soft-deletes (active false, row kept), duplicates 409 uniqueness, no PUT.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../../shared/scim';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { call, q, resources } from './http';

let sb: SandboxHandle;
const USERS = 150;

beforeAll(async () => {
  sb = await startSandbox({ vendor: 'mittr', users: USERS, seed: 9 });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.reset());

describe('mittr sandbox', () => {
  it('has no /Groups, no ResourceTypes and no Schemas, only ServiceProviderConfig', async () => {
    expect((await call(sb, 'GET', '/Groups')).status).toBe(404);
    expect((await call(sb, 'POST', '/Groups', { displayName: 'x' })).status).toBe(404);
    expect((await call(sb, 'GET', '/ResourceTypes')).status).toBe(404);
    expect((await call(sb, 'GET', '/Schemas')).status).toBe(404);
    expect((await call(sb, 'GET', '/ServiceProviderConfig')).status).toBe(200);
    expect(sb.store.count('Groups')).toBe(0);
  });

  it('honours userName eq and emails eq', async () => {
    const row = sb.store.get('Users', sb.store.ids('Users')[12] as string)?.res;
    const byName = await call(sb, 'GET', `/Users?filter=${q(`userName eq "${String(row?.userName)}"`)}`);
    expect(resources(byName).map((r) => r.id)).toEqual([row?.id]);
    const email = (row?.emails as Array<{ value: string }>)[0]?.value;
    const byEmail = await call(sb, 'GET', `/Users?filter=${q(`emails eq "${String(email)}"`)}`);
    expect(resources(byEmail).map((r) => r.id)).toContain(row?.id);
  });

  it('silently ignores any other filter and returns every user', async () => {
    for (const f of ['externalId eq "x"', 'displayName eq "nobody"', 'userName sw "zzz"', 'active eq false', 'userName eq "a" and active eq true', '((not a filter']) {
      const res = await call(sb, 'GET', `/Users?count=0&filter=${q(f)}`);
      expect(res.status, f).toBe(200);
      expect(res.json?.totalResults, f).toBe(USERS);
    }
  });

  it('soft-deletes on DELETE: the row stays, active false', async () => {
    const id = sb.store.ids('Users').find((i) => sb.store.get('Users', i)?.res.active === true) as string;
    expect((await call(sb, 'DELETE', `/Users/${id}`)).status).toBe(204);
    const after = await call(sb, 'GET', `/Users/${id}`);
    expect(after.status).toBe(200);
    expect(after.json?.active).toBe(false);
    expect((await call(sb, 'GET', '/Users?count=0')).json?.totalResults).toBe(USERS);
  });

  it('answers a duplicate userName with 409 scimType uniqueness', async () => {
    const existing = sb.store.get('Users', sb.store.ids('Users')[0] as string)?.res.userName as string;
    const res = await call(sb, 'POST', '/Users', { schemas: [SCHEMAS.user], userName: existing });
    expect(res.status).toBe(409);
    expect(res.json?.scimType).toBe('uniqueness');
    expect(res.json?.schemas).toEqual([SCHEMAS.error]);
  });

  it('does not offer PUT (PATCH only)', async () => {
    const id = sb.store.ids('Users')[0] as string;
    const res = await call(sb, 'PUT', `/Users/${id}`, { schemas: [SCHEMAS.user], userName: 'x@y' });
    expect(res.status).toBe(405);
  });
});

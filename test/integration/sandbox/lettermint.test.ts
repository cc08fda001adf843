// lettermint profile (seed 001): only the documented eq filters (others 400), PATCH on users
// changes only `active`, PUT replaces profile fields, DELETE removes, group members must be
// active users, POST re-activates an inactive team member.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../../shared/scim';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { call, patchBody, q, resources } from './http';

let sb: SandboxHandle;

beforeAll(async () => {
  sb = await startSandbox({ vendor: 'lettermint', users: 120, seed: 5 });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.reset());

const userWhere = (active: boolean): string => sb.store.ids('Users').find((i) => sb.store.get('Users', i)?.res.active === active) as string;

describe('lettermint sandbox', () => {
  it('serves /scim/v2', () => {
    expect(sb.url).toBe(`${sb.origin}/scim/v2`);
  });

  it('supports userName eq and externalId eq on users, and refuses every other filter with 400', async () => {
    const row = sb.store.get('Users', sb.store.ids('Users').find((i) => typeof sb.store.get('Users', i)?.res.externalId === 'string') as string);
    expect(resources(await call(sb, 'GET', `/Users?filter=${q(`userName eq "${String(row?.res.userName)}"`)}`))).toHaveLength(1);
    expect(resources(await call(sb, 'GET', `/Users?filter=${q(`externalId eq "${String(row?.res.externalId)}"`)}`))).toHaveLength(1);
    for (const f of ['userName sw "a"', 'emails eq "x@y"', 'active eq true', 'userName eq "a" and active eq true', 'displayName eq "x"']) {
      const res = await call(sb, 'GET', `/Users?filter=${q(f)}`);
      expect(res.status, f).toBe(400);
      expect(res.json?.scimType).toBe('invalidFilter');
    }
  });

  it('supports displayName eq and externalId eq on groups only', async () => {
    const group = sb.store.get('Groups', sb.store.ids('Groups')[0] as string)?.res;
    expect(resources(await call(sb, 'GET', `/Groups?filter=${q(`displayName eq "${String(group?.displayName)}"`)}`)).map((g) => g.id)).toEqual([group?.id]);
    expect((await call(sb, 'GET', `/Groups?filter=${q('displayName co "Staff"')}`)).status).toBe(400);
    expect((await call(sb, 'GET', `/Groups?filter=${q('userName eq "x"')}`)).status).toBe(400);
  });

  it('PATCH on a user changes only active', async () => {
    const id = userWhere(true);
    const res = await call(sb, 'PATCH', `/Users/${id}`, patchBody({ op: 'replace', path: 'displayName', value: 'Renamed' }, { op: 'replace', path: 'active', value: false }));
    expect(res.status).toBe(200);
    expect(res.json?.active).toBe(false);
    expect(res.json?.displayName).not.toBe('Renamed');
  });

  it('PUT replaces the profile fields and applies active', async () => {
    const id = userWhere(true);
    const { userName, title } = sb.store.get('Users', id)?.res ?? {};
    const res = await call(sb, 'PUT', `/Users/${id}`, { schemas: [SCHEMAS.user], userName, name: { givenName: 'New', familyName: 'Name' }, active: false });
    expect(res.status).toBe(200);
    expect(res.json?.name).toEqual({ givenName: 'New', familyName: 'Name' });
    // Lettermint takes no title from SCIM: a PUT without one leaves it as it was.
    expect(res.json?.title).toEqual(title);
    expect(res.json?.active).toBe(false);
  });

  it('DELETE removes the user', async () => {
    const id = userWhere(true);
    expect((await call(sb, 'DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await call(sb, 'GET', `/Users/${id}`)).status).toBe(404);
    expect(sb.store.count('Users')).toBe(119);
  });

  it('accepts only active users as group members', async () => {
    const inactive = userWhere(false);
    const active = userWhere(true);
    const refused = await call(sb, 'POST', '/Groups', { schemas: [SCHEMAS.group], displayName: 'Ops', members: [{ value: inactive }] });
    expect(refused.status).toBe(400);
    const made = await call(sb, 'POST', '/Groups', { schemas: [SCHEMAS.group], displayName: 'Ops', members: [{ value: active }] });
    expect(made.status).toBe(201);
    const add = await call(sb, 'PATCH', `/Groups/${String(made.json?.id)}`, patchBody({ op: 'add', path: 'members', value: [{ value: inactive }] }));
    expect(add.status).toBe(400);
    const seededMembers = (sb.store.get('Groups', sb.store.ids('Groups')[0] as string)?.res.members as Array<{ value: string }>).map((m) => m.value);
    expect(seededMembers.every((m) => sb.store.get('Users', m)?.res.active === true)).toBe(true);
  });

  it('POST of an inactive member\'s userName re-activates them instead of 409', async () => {
    const id = userWhere(false);
    const userName = sb.store.get('Users', id)?.res.userName;
    const res = await call(sb, 'POST', '/Users', { schemas: [SCHEMAS.user], userName });
    expect(res.status).toBe(200);
    expect(res.json?.id).toBe(id);
    expect(res.json?.active).toBe(true);
    const again = await call(sb, 'POST', '/Users', { schemas: [SCHEMAS.user], userName });
    expect(again.status).toBe(409);
  });
});

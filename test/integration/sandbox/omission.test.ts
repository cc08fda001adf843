// omission profile: a server that lies by omission. Under-matching filters (200 + empty list for
// emails.value eq, externalId eq, Groups displayName eq) while emails[value eq …] works,
// case-sensitive userName eq, 400 for every other filter, one 200-with-Error first page, 501 on
// member removal through a filter path (the value-array form works), pages capped at 50 unsaid.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../../shared/scim';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { call, patchBody, q, resources } from './http';

let sb: SandboxHandle;
const USERS = 120;

beforeAll(async () => {
  sb = await startSandbox({ vendor: 'omission', users: USERS, seed: 13 });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.reset());

function userWithOtherEmail(): Record<string, unknown> {
  for (const id of sb.store.ids('Users')) {
    const res = sb.store.get('Users', id)?.res;
    const email = (res?.emails as Array<{ value: string }> | undefined)?.[0]?.value;
    if (res && typeof res.externalId === 'string' && email && email.toLowerCase() !== String(res.userName).toLowerCase()) return res;
  }
  throw new Error('no planted user with an email other than its userName');
}

describe('omission sandbox', () => {
  it('answers its first list GET for more than one resource with a 200 SCIM Error body, once', async () => {
    const probe = await call(sb, 'GET', '/Users?count=1');
    expect(resources(probe)).toHaveLength(1);
    const first = await call(sb, 'GET', '/Users');
    expect(first.status).toBe(200);
    expect(first.json?.schemas).toEqual([SCHEMAS.error]);
    const second = await call(sb, 'GET', '/Users');
    expect(second.json?.schemas).toEqual([SCHEMAS.listResponse]);
    sb.reset();
    expect((await call(sb, 'GET', '/Groups')).json?.schemas).toEqual([SCHEMAS.error]);
  });

  it('under-matches emails.value eq, emails eq and externalId eq, but evaluates emails[value eq …]', async () => {
    await call(sb, 'GET', '/Users');
    const user = userWithOtherEmail();
    const email = (user.emails as Array<{ value: string }>)[0]?.value as string;
    for (const f of [`emails.value eq "${email}"`, `emails eq "${email}"`, `externalId eq "${String(user.externalId)}"`]) {
      const res = await call(sb, 'GET', `/Users?filter=${q(f)}`);
      expect(res.status, f).toBe(200);
      expect(res.json?.totalResults, f).toBe(0);
      expect(resources(res), f).toEqual([]);
    }
    const bracket = await call(sb, 'GET', `/Users?filter=${q(`emails[value eq "${email.toUpperCase()}"]`)}`);
    expect(resources(bracket).map((r) => r.id)).toEqual([user.id]);
  });

  it('compares userName eq case-sensitively', async () => {
    await call(sb, 'GET', '/Users');
    const user = userWithOtherEmail();
    const exact = await call(sb, 'GET', `/Users?filter=${q(`userName eq "${String(user.userName)}"`)}`);
    expect(resources(exact).map((r) => r.id)).toEqual([user.id]);
    const upper = await call(sb, 'GET', `/Users?filter=${q(`userName eq "${String(user.userName).toUpperCase()}"`)}`);
    expect(upper.status).toBe(200);
    expect(resources(upper)).toEqual([]);
  });

  it('rejects active eq false, title eq and compound filters with 400 invalidFilter', async () => {
    await call(sb, 'GET', '/Users');
    for (const f of ['active eq false', 'title eq "Engineer"', 'userName eq "a" or userName eq "b"']) {
      const res = await call(sb, 'GET', `/Users?filter=${q(f)}`);
      expect(res.status, f).toBe(400);
      expect(res.json?.scimType, f).toBe('invalidFilter');
      expect(String(res.json?.detail), f).toMatch(/not supporting advanced filtering/);
    }
  });

  it('under-matches displayName eq on Groups', async () => {
    await call(sb, 'GET', '/Groups');
    const group = sb.store.get('Groups', sb.store.ids('Groups')[0] as string)?.res;
    const res = await call(sb, 'GET', `/Groups?filter=${q(`displayName eq "${String(group?.displayName)}"`)}`);
    expect(res.status).toBe(200);
    expect(resources(res)).toEqual([]);
  });

  it('caps pages at 50 without advertising it, and claims filter support (or not, with filterUnadvertised)', async () => {
    await call(sb, 'GET', '/Users');
    const page = await call(sb, 'GET', '/Users?count=500');
    expect(resources(page)).toHaveLength(50);
    expect(page.json?.totalResults).toBe(USERS);
    const spc = await call(sb, 'GET', '/ServiceProviderConfig');
    expect(spc.json?.filter).toEqual({ supported: true });
    sb.setFaults({ filterUnadvertised: true });
    expect((await call(sb, 'GET', '/ServiceProviderConfig')).json?.filter).toEqual({ supported: false });
  });

  it('answers 501 to removing a member by filter path and accepts the value-array form', async () => {
    const group = sb.store.get('Groups', sb.store.ids('Groups')[0] as string)?.res;
    const member = (group?.members as Array<{ value: string }>)[0]?.value as string;
    const byPath = await call(sb, 'PATCH', `/Groups/${String(group?.id)}`, patchBody({ op: 'remove', path: `members[value eq "${member}"]` }));
    expect(byPath.status).toBe(501);
    expect(sb.store.get('Groups', String(group?.id))?.res.members).toContainEqual(expect.objectContaining({ value: member }));
    const byValue = await call(sb, 'PATCH', `/Groups/${String(group?.id)}`, patchBody({ op: 'remove', path: 'members', value: [{ value: member }] }));
    expect(byValue.status).toBe(200);
    const after = (sb.store.get('Groups', String(group?.id))?.res.members as Array<{ value: string }>).map((m) => m.value);
    expect(after).not.toContain(member);
    expect(after.length).toBe((group?.members as unknown[]).length - 1);
  });
});

describe('list-page faults', () => {
  it('okErrorEvery, okEmptyEvery and okHtmlEvery answer 200 with an Error body, an empty list, an HTML page', async () => {
    await call(sb, 'GET', '/Users');
    sb.setFaults({ okErrorEvery: 1 });
    expect((await call(sb, 'GET', '/Users')).json?.schemas).toEqual([SCHEMAS.error]);
    sb.setFaults({ okEmptyEvery: 1 });
    const empty = await call(sb, 'GET', '/Users');
    expect(empty.json).toMatchObject({ totalResults: 0, Resources: [] });
    sb.setFaults({ okHtmlEvery: 2 });
    expect((await call(sb, 'GET', '/Users')).json?.schemas).toEqual([SCHEMAS.listResponse]);
    const html = await call(sb, 'GET', '/Users');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    // Single resources are never faulted this way.
    sb.setFaults({ okErrorEvery: 1 });
    expect((await call(sb, 'GET', `/Users/${sb.store.ids('Users')[0] as string}`)).json?.schemas).toContain(SCHEMAS.user);
  });
});

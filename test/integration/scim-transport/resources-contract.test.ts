// The single-resource calls' contract (resources.ts) on the sandbox tenant, behind a loopback server
// that reshapes answers the ways real servers answer: what is refused before anything is sent (a
// read-only connection, an unknown type, a blank id), what a write is read back from (a 201 with
// only a Location, a 200 with `{}`), what is never taken for a resource (an empty 200), and that a
// write is sent once.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMAS, type PatchRequest, type ResourceKind, type ScimGroup, type ScimUser } from '../../../shared/scim';
import { createTransport } from '../../../electron/core/scim/transport';
import { createResources, type Resources } from '../../../electron/core/scim/resources';
import type { Transport } from '../../../electron/core/scim/types';
import { startReshapingTenant, type Answer, type ReshapingTenant } from '../../support/reshaping-tenant';
import { failure } from '../../support/failure';

const deactivate: PatchRequest = { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'active', value: false }] };
const JSON_TYPE = { 'content-type': 'application/scim+json' };

let tenant: ReshapingTenant;
let userId: string;
const transports: Transport[] = [];

beforeAll(async () => {
  tenant = await startReshapingTenant({ vendor: 'rfc', users: 6, groups: 5, seed: 19 });
  userId = tenant.sandbox.store.ids('Users')[0] ?? '';
});
beforeEach(() => {
  tenant.sandbox.reset();
  tenant.reshape(null);
});
afterAll(async () => {
  for (const t of transports) await t.close();
  await tenant?.close();
});

function open(readOnly = false): { t: Transport; r: Resources } {
  const t = createTransport({ baseUrl: tenant.url, token: () => tenant.sandbox.token, retryBudgetMs: 2_000 }, { backoffBaseMs: 5 });
  transports.push(t);
  return { t, r: createResources(t, { readOnly }) };
}
const calls = (t: Transport): string[] => t.log.entries().map((e) => `${e.method} ${e.status ?? 'failed'}`);
/** Only this method's answers are replaced; the sandbox has applied the request already. */
const onMethod = (method: string, answer: (upstream: Answer) => Answer) => (req: { method: string }, upstream: Answer) => (req.method === method ? answer(upstream) : null);

describe('refused before anything is sent', () => {
  it('a read-only connection names the method and the type it did not send', async () => {
    const { t, r } = open(true);
    const attempts: [string, ResourceKind, () => Promise<unknown>][] = [
      ['POST', 'Users', () => r.create('Users', { userName: 'ro@example.test' })],
      ['PUT', 'Users', () => r.replace('Users', userId, { userName: 'ro@example.test' })],
      ['PATCH', 'Groups', () => r.patch('Groups', 'g1', deactivate)],
      ['DELETE', 'Users', () => r.delete('Users', userId)],
    ];
    for (const [method, kind, attempt] of attempts) {
      const error = await failure(attempt());
      expect(error.code).toBe('refused-read-only');
      expect(error.message).toBe(`This connection is read-only, so the ${method} on ${kind} was not sent. Edit the profile and turn off read-only if you mean to change this tenant.`);
      expect(error.details).toEqual({ method, kind });
    }
    expect(t.log.entries()).toEqual([]);
    expect(tenant.sandbox.stats().requests).toBe(0);
  });

  it('an unknown resource type, and a missing or blank id, are refused naming what was wrong', async () => {
    const { t, r } = open();
    for (const attempt of [() => r.get('Schemas' as ResourceKind, userId), () => r.create('Schemas' as ResourceKind, { userName: 'x@example.test' })]) {
      const error = await failure(attempt());
      expect(error.code).toBe('invalid-input');
      expect(error.message).toBe('Unknown resource type "Schemas": use Users or Groups.');
    }
    for (const [kind, id, what] of [
      ['Users', '', 'user'],
      ['Groups', '   ', 'group'],
      ['Users', 42, 'user'],
    ] as const) {
      const error = await failure(r.get(kind, id as string));
      expect(error.code).toBe('invalid-input');
      expect(error.message).toBe(`A ${what} id is required.`);
    }
    expect(t.log.entries()).toEqual([]);
  });
});

describe('reads', () => {
  it('a GET asks for the attributes named, comma-separated', async () => {
    const { t, r } = open();
    const user = await r.get<ScimUser>('Users', userId, { attributes: ['userName', 'active'] });
    expect(user.id).toBe(userId);
    expect(new URL(t.log.entries()[0]?.url ?? '').searchParams.get('attributes')).toBe('userName,active');
  });

  it('a GET answered 200 with an empty body is an error naming the answer, never a resource', async () => {
    tenant.reshape(onMethod('GET', () => ({ status: 200, headers: JSON_TYPE, body: '' })));
    const { r } = open();
    const error = await failure(r.get('Users', userId));
    expect(error.code).toBe('bad-response');
    const url = `${tenant.url}/Users/${userId}`;
    expect(error.message).toBe(`GET ${url} answered 200 with an empty body instead of the resource. Check the base URL; if it is right, report this to the vendor.`);
    expect(error.details).toEqual({ status: 200, method: 'GET', url });
  });

  it('a GET answered with another resource is an error naming both ids, never that resource; an id in another case is the same', async () => {
    const otherId = tenant.sandbox.store.ids('Users')[1] ?? '';
    const withId = (id: string) => onMethod('GET', (upstream) => ({ ...upstream, body: JSON.stringify({ ...(JSON.parse(upstream.body) as object), id }) }));
    tenant.reshape(withId(otherId));
    const { r } = open();
    const error = await failure(r.get('Users', userId));
    expect(error.code).toBe('bad-response');
    const url = `${tenant.url}/Users/${userId}`;
    expect(error.message).toBe(`GET ${url} answered 200 with another resource (id "${otherId}", not "${userId}"), so nothing in it is taken for the one asked for. Reload; if it happens again, report this to the vendor.`);
    expect(error.details).toEqual({ status: 200, url, asked: userId, answered: otherId });
    tenant.reshape(withId(userId.toUpperCase()));
    expect((await r.get<ScimUser>('Users', userId)).id).toBe(userId.toUpperCase());
  });
});

describe('a write is read back from what the server answered', () => {
  const created = (kind: ResourceKind): string => tenant.sandbox.store.ids(kind).at(-1) ?? '';

  it('a 201 with only a Location (absolute, a path, or with the type in another case) is read from that location', async () => {
    const absolute = (up: Answer): string => up.headers.location ?? '';
    for (const location of [absolute, (up: Answer) => new URL(absolute(up)).pathname, (up: Answer) => absolute(up).replace('/Users/', '/users/')]) {
      tenant.reshape(onMethod('POST', (up) => ({ status: 201, headers: { location: location(up) }, body: '' })));
      const { t, r } = open();
      const user = await r.create<ScimUser>('Users', { userName: `located.${t.log.entries().length}.${Date.now()}@example.test` });
      expect(user.id).toBe(created('Users'));
      expect(calls(t)).toEqual(['POST 201', 'GET 200']);
    }
  });

  it('a 201 with neither body nor a usable Location says the server accepted it, and that the id is unknown', async () => {
    const locations: (string | null)[] = [null, 'http://[unparsable', '/scim/v2/Users/%zz', 'https://scim.example.test/Elsewhere/x'];
    for (const [i, location] of locations.entries()) {
      const headers: Record<string, string> = location === null ? {} : { location };
      tenant.reshape(onMethod('POST', () => ({ status: 201, headers, body: '' })));
      const { t, r } = open();
      const before = tenant.sandbox.store.count('Users');
      const error = await failure(r.create('Users', { userName: `unlocated.${i}@example.test` }));
      expect(error.code, String(location)).toBe('bad-response');
      expect(error.message).toBe('The server accepted the new user (201) but returned neither the resource nor its location. Search for it to find its id.');
      expect(error.details).toEqual({ status: 201, url: `${tenant.url}/Users` });
      // The user was created: the error says so rather than inviting a second create.
      expect(tenant.sandbox.store.count('Users')).toBe(before + 1);
      expect(calls(t)).toEqual(['POST 201']);
    }
    tenant.reshape(onMethod('POST', () => ({ status: 201, headers: {}, body: '' })));
    const group = await failure(open().r.create('Groups', { displayName: 'Unlocated' }));
    expect(group.message).toMatch(/^The server accepted the new group \(201\)/);
  });

  it('a 200 with `{}` or with a bare JSON value is followed by a GET of the resource', async () => {
    for (const body of ['{}', '"done"']) {
      tenant.sandbox.reset();
      tenant.reshape(onMethod('PATCH', () => ({ status: 200, headers: JSON_TYPE, body })));
      const { t, r } = open();
      const patched = await r.patch<ScimUser>('Users', userId, deactivate);
      expect(patched).toMatchObject({ id: userId, active: false });
      expect(calls(t), body).toEqual(['PATCH 200', 'GET 200']);
    }
  });

  it('the read after a 204 honours the caller\'s cancel', async () => {
    tenant.sandbox.setFaults({ noContentOnWrite: true });
    const { t, r } = open();
    const controller = new AbortController();
    t.log.subscribe((entry) => {
      if (entry.method === 'PATCH') controller.abort();
    });
    const error = await failure(r.patch('Users', userId, deactivate, { signal: controller.signal }));
    expect(error.code).toBe('cancelled');
    expect(calls(t)).toEqual(['PATCH 204']);
  });

  it('a create without schemas is sent with the schema of its type, one with schemas as it is', async () => {
    const { t, r } = open();
    const group = await r.create<ScimGroup>('Groups', { displayName: 'Schemas Added' });
    const user = await r.create<ScimUser>('Users', { userName: 'schemas.added@example.test' });
    const own = [SCHEMAS.user, SCHEMAS.enterpriseUser];
    await r.create<ScimUser>('Users', { schemas: own, userName: 'schemas.own@example.test' });
    const sent = t.log.entries().filter((e) => e.method === 'POST').map((e) => JSON.parse(e.requestBody ?? '{}') as { schemas?: string[] });
    expect(sent.map((b) => b.schemas)).toEqual([[SCHEMAS.group], [SCHEMAS.user], own]);
    expect([group.displayName, user.userName]).toEqual(['Schemas Added', 'schemas.added@example.test']);
  });
});

describe('a write is sent once', () => {
  it('a 500 to a POST, PUT, PATCH or DELETE is not repeated (reads are)', async () => {
    tenant.sandbox.setFaults({ serverErrorBurst: { every: 1, length: 1, status: 500 } });
    const { t, r } = open();
    const writes: [string, () => Promise<unknown>][] = [
      ['POST', () => r.create('Users', { userName: 'once@example.test' })],
      ['PUT', () => r.replace('Users', userId, { userName: 'once@example.test' })],
      ['PATCH', () => r.patch('Users', userId, deactivate)],
      ['DELETE', () => r.delete('Users', userId)],
    ];
    for (const [method, write] of writes) {
      expect((await failure(write())).details?.status, method).toBe(500);
      expect(t.log.entries().filter((e) => e.method === method), method).toHaveLength(1);
    }
    await failure(r.get('Users', userId));
    expect(t.log.entries().filter((e) => e.method === 'GET').length).toBeGreaterThan(1);
  });
});

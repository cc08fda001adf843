// The core resolver against servers that lie by omission (the omission dialect), ignore filters
// (mittr) and honour them (rfc). Each value must resolve to exactly the user it names, saying how;
// "not found" only after a verified-complete listing proved it; 0 or 2+ matches reported.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScimUser } from '../../../shared/scim';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { listingCacheFor, resolveValues } from '../../../electron/core/resolve';

const handles: SandboxHandle[] = [];
const clients: ScimClient[] = [];

async function open(vendor: 'omission' | 'mittr' | 'rfc', users = 150): Promise<{ sb: SandboxHandle; client: ScimClient }> {
  const sb = await startSandbox({ vendor, users, seed: 21 });
  handles.push(sb);
  const client = createScimClient({ baseUrl: sb.url, token: () => sb.token });
  clients.push(client);
  await client.discover();
  return { sb, client };
}

afterAll(async () => {
  for (const c of clients) await c.close();
  for (const h of handles) await h.close();
});

/** A seeded user whose primary email is not its userName and that has an externalId. */
function emailUser(sb: SandboxHandle): ScimUser {
  const colliding = new Set(sb.store.planted.caseCollidingUserNames.flat().map((n) => n.toLowerCase()));
  for (const id of sb.store.ids('Users')) {
    const res = sb.store.get('Users', id)?.res as ScimUser | undefined;
    if (!res || colliding.has(res.userName.toLowerCase())) continue;
    const email = res?.emails?.find((e) => e.primary)?.value;
    if (res && res.externalId && email && email.toLowerCase() !== res.userName.toLowerCase() && !sb.store.lookup('Users', 'emails', email).some((other) => other !== id)) return res;
  }
  throw new Error('no such seeded user');
}

const primary = (u: ScimUser): string => u.emails?.find((e) => e.primary)?.value as string;

describe('on a server that lies by omission (omission dialect)', () => {
  let sb: SandboxHandle;
  let client: ScimClient;
  beforeAll(async () => {
    ({ sb, client } = await open('omission'));
  });

  it('finds a user by an email other than the userName, through a verified-complete listing', async () => {
    const user = emailUser(sb);
    const out = await resolveValues<ScimUser>(client, 'Users', [primary(user)]);
    expect(out.results[0]).toMatchObject({ status: 'found', resolvedBy: 'complete-listing', proven: true, listing: { kind: 'Users', size: 150 } });
    expect(out.results[0]?.resource?.id).toBe(user.id);
    expect(out.results[0]?.reason).toMatch(/verified-complete listing of 150 users/);
  });

  it('finds a user by the upper-cased userName', async () => {
    listingCacheFor(client).drop('Users');
    const user = emailUser(sb);
    const out = await resolveValues<ScimUser>(client, 'Users', [user.userName.toUpperCase()]);
    expect(out.results[0]).toMatchObject({ status: 'found', resolvedBy: 'complete-listing', matchedOn: ['userName'] });
    expect(out.results[0]?.resource?.id).toBe(user.id);
  });

  it('finds a user by externalId (which the server under-matches)', async () => {
    const user = emailUser(sb);
    const out = await resolveValues<ScimUser>(client, 'Users', [user.externalId as string]);
    expect(out.results[0]?.status).toBe('found');
    expect(out.results[0]?.resource?.id).toBe(user.id);
  });

  it('says not found only with the complete listing that proved it', async () => {
    const out = await resolveValues(client, 'Users', ['nobody@nowhere.example']);
    expect(out.results[0]).toMatchObject({ status: 'not-found', resolvedBy: 'complete-listing', proven: true, listing: { size: 150 } });
    expect(out.results[0]?.reason).toMatch(/holds none/);
  });

  it('reports a case-colliding userName as ambiguous, never picking one', async () => {
    listingCacheFor(client).drop('Users');
    const pair = sb.store.planted.caseCollidingUserNames[0] as [string, string];
    const out = await resolveValues(client, 'Users', [pair[0]]);
    expect(out.results[0]?.status).toBe('ambiguous');
    expect(out.results[0]?.candidates.map((c) => c.userName?.toLowerCase())).toEqual([pair[0].toLowerCase(), pair[0].toLowerCase()]);
  });

  it('one listing serves a whole bulk run, and warnings are said once', async () => {
    listingCacheFor(client).drop('Users');
    const ids = sb.store.ids('Users').slice(20, 60);
    const emails = ids.map((id) => primary(sb.store.get('Users', id)?.res as ScimUser));
    const before = sb.stats().requests;
    const out = await resolveValues<ScimUser>(client, 'Users', emails, { fields: ['email'] });
    expect(out.results.map((r) => r.resource?.id)).toEqual(ids);
    expect(out.results.every((r) => r.status === 'found')).toBe(true);
    const used = sb.stats().requests - before;
    // A listing of 150 users at 50 a page is a handful of requests; 40 values each listing would be hundreds.
    expect(used).toBeLessThan(40 * 2 + 20);
    expect(new Set(out.warnings).size).toBe(out.warnings.length);
  });

  it('resolves a group by displayName, which the server under-matches', async () => {
    const group = sb.store.get('Groups', sb.store.ids('Groups')[3] as string)?.res;
    const out = await resolveValues(client, 'Groups', [String(group?.displayName).toUpperCase()]);
    expect(out.results[0]).toMatchObject({ status: 'found', resolvedBy: 'complete-listing' });
    expect(out.results[0]?.resource?.id).toBe(group?.id);
  });

  it('serverFilterOnly never lists: a value the server under-matches is "not found", unproven', async () => {
    const user = emailUser(sb);
    const out = await resolveValues(client, 'Users', [primary(user)], { serverFilterOnly: true, fields: ['email'] });
    expect(out.results[0]).toMatchObject({ status: 'not-found', proven: false, resolvedBy: 'server-filter', listing: null });
  });

  it('a write through the session drops the held listing', async () => {
    await resolveValues(client, 'Users', ['nobody-2@nowhere.example']);
    expect(listingCacheFor(client).held('Users')).not.toBeNull();
    const id = sb.store.ids('Users')[0] as string;
    await client.patch('Users', id, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'title', value: 'x' }] });
    expect(listingCacheFor(client).held('Users')).toBeNull();
  });
});

describe('on a server that ignores filters it cannot evaluate (mittr)', () => {
  it('a unique match in a verified-complete listing is proof enough; the output says so', async () => {
    const { sb, client } = await open('mittr');
    const user = emailUser(sb);
    const out = await resolveValues<ScimUser>(client, 'Users', [user.externalId as string, primary(user)]);
    expect(out.results.map((r) => r.status)).toEqual(['found', 'found']);
    expect(out.results[0]).toMatchObject({ resolvedBy: 'complete-listing' });
    expect(out.results[0]?.resource?.id).toBe(user.id);
    expect(out.warnings.filter((w) => /ignores/.test(w))).toHaveLength(1);
  });
});

describe('on an RFC server', () => {
  it('resolves by the server filter, without listing the tenant', async () => {
    const { sb, client } = await open('rfc', 400);
    const user = emailUser(sb);
    const before = sb.stats().requests;
    const out = await resolveValues<ScimUser>(client, 'Users', [user.userName.toUpperCase(), primary(user)]);
    expect(out.results.map((r) => [r.status, r.resolvedBy, r.resource?.id])).toEqual([
      ['found', 'server-filter', user.id],
      ['found', 'server-filter', user.id],
    ]);
    // A few filtered reads per value (each verified listing also asks startIndex=0 once), no full listing.
    expect(sb.stats().requests - before).toBeLessThan(25);
    expect(listingCacheFor(client).held('Users')).toBeNull();
  });
});

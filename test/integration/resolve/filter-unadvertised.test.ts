// Issue 13 behaviour 1 "sometimes its ServiceProviderConfig says filter.supported: false, and
// sometimes it says true": the omission server with the filterUnadvertised fault denies filter
// support in its ServiceProviderConfig while filtering (and under-matching) exactly as before. What
// the product proves must not depend on that claim: the same users are found, "not found" is still
// proven by a complete listing, and a filter it rejects is still applied locally.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScimUser } from '../../../shared/scim';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { resolveValues } from '../../../electron/core/resolve';

const USERS = 140;
let sb: SandboxHandle;
let client: ScimClient;
let user: ScimUser;

beforeAll(async () => {
  sb = await startSandbox({ vendor: 'omission', users: USERS, seed: 34, faults: { filterUnadvertised: true } });
  client = createScimClient({ baseUrl: sb.url, token: () => sb.token });
  const discovery = await client.discover();
  expect(discovery.capabilities.filter).toBe(false);
  const colliding = new Set(sb.store.planted.caseCollidingUserNames.flat().map((n) => n.toLowerCase()));
  user = sb.store
    .ids('Users')
    .map((id) => sb.store.get('Users', id)?.res as ScimUser)
    .find((u) => !colliding.has(u.userName.toLowerCase()) && (u.emails?.[0]?.value ?? '').toLowerCase() !== u.userName.toLowerCase()) as ScimUser;
});

afterAll(async () => {
  await client?.close();
  await sb?.close();
});

describe('a server whose ServiceProviderConfig denies filtering, but filters and under-matches', () => {
  it('finds a user by an email other than the userName and by the upper-cased userName', async () => {
    const out = await resolveValues<ScimUser>(client, 'Users', [user.emails?.[0]?.value ?? '', user.userName.toUpperCase()], { fields: ['userName', 'email'] });
    expect(out.results.map((r) => [r.status, r.resource?.id, r.resolvedBy])).toEqual([
      ['found', user.id, 'complete-listing'],
      ['found', user.id, 'complete-listing'],
    ]);
  });

  it('says "not found" only with the complete listing that proved it', async () => {
    const out = await resolveValues(client, 'Users', ['nobody-such@nowhere.example'], { fields: ['userName', 'email'] });
    expect(out.results[0]).toMatchObject({ status: 'not-found', proven: true, resolvedBy: 'complete-listing', listing: { size: USERS } });
  });

  it('applies a filter it rejects locally, with a warning', async () => {
    const expected = sb.store.ids('Users').filter((id) => (sb.store.get('Users', id)?.res as ScimUser).title === 'Engineer').sort();
    expect(expected.length).toBeGreaterThan(0);
    const listed = await client.list<ScimUser>('Users', { filter: 'title eq "Engineer"' });
    expect(listed.complete).toBe(true);
    expect(listed.Resources.map((u) => u.id).sort()).toEqual(expected);
    expect(listed.warnings.join(' ')).toMatch(/rejected the filter \(400/);
  });
});

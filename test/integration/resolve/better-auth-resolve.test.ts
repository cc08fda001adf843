// The resolver against Better Auth's SCIM plugin: it honours eq on userName, externalId,
// emails.value and id, so values resolve by the server's filter without listing the tenant; a
// value it does not hold is "not found" only once a complete listing proved it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScimUser } from '../../../shared/scim';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { listingCacheFor, resolveValues } from '../../../electron/core/resolve';
import { seedUser, startBetterAuthScim, type PeerHandle } from '../../support/peers/index';

let peer: PeerHandle;
let client: ScimClient;

beforeAll(async () => {
  peer = await startBetterAuthScim({ users: 30 });
  client = createScimClient({ baseUrl: peer.url, token: () => peer.token });
  await client.discover();
});
afterAll(async () => {
  await client?.close();
  await peer?.close();
});

describe('resolution on Better Auth', () => {
  it('userName (other case), email and externalId resolve by the server filter', async () => {
    const out = await resolveValues<ScimUser>(client, 'Users', [seedUser(3).userName.toUpperCase(), seedUser(5).email, seedUser(6).externalId]);
    expect(out.results.map((r) => [r.status, r.resource?.id])).toEqual([
      ['found', peer.seedUserIds[3]],
      ['found', peer.seedUserIds[5]],
      ['found', peer.seedUserIds[6]],
    ]);
    expect(listingCacheFor(client).held('Users')).toBeNull();
    expect(out.results.every((r) => r.resolvedBy === 'server-filter')).toBe(true);
  });

  it('an unknown value is not found, proven by a complete listing of the 30 users', async () => {
    const out = await resolveValues(client, 'Users', ['nobody@example.test']);
    expect(out.results[0]).toMatchObject({ status: 'not-found', resolvedBy: 'complete-listing', proven: true, listing: { size: 30 } });
  });
});

describe('the behaviour probe on Better Auth', () => {
  it('sees the filters it honours and the ones it rejects (400), no sort, page cap not reached by 30 users', async () => {
    const { probeServer } = await import('../../../electron/core/probe/index');
    const facts = await probeServer(client);
    const verdicts = Object.fromEntries(Object.entries(facts.filters).map(([k, v]) => [k, v.verdict]));
    expect(verdicts).toMatchObject({ 'Users.userName': 'honoured', 'Users.emails.value': 'honoured', 'Users.externalId': 'honoured', 'Users.active': 'rejected' });
    expect(facts.sort.value).toBe('ignored');
  });
});

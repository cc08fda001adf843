// The resolver against SCIMMY, a real third-party server whose `userName eq` and `emails.value eq`
// are case-sensitive (RFC 7643 says caseExact false): a value in another letter case must still
// resolve to its user, through a verified-complete listing, and the output must say so.
// One SCIMMY per process: keep this file to itself.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScimUser } from '../../../shared/scim';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { resolveValues } from '../../../electron/core/resolve';
import { seedUser, startScimmy, type PeerHandle } from '../../support/peers/index';

let peer: PeerHandle;
let client: ScimClient;

beforeAll(async () => {
  peer = await startScimmy({ users: 40, groups: 3 });
  client = createScimClient({ baseUrl: peer.url, token: () => peer.token });
  await client.discover();
});
afterAll(async () => {
  await client?.close();
  await peer?.close();
});

describe('resolution on SCIMMY (case-sensitive eq)', () => {
  it('an exact-case userName: the session sees SCIMMY compare userName case-sensitively, so the match is proven in a complete listing', async () => {
    const out = await resolveValues<ScimUser>(client, 'Users', [seedUser(4).userName]);
    expect(out.results[0]?.status).toBe('found');
    expect(out.results[0]?.resource?.id).toBe(peer.seedUserIds[4]);
    // The session learned how SCIMMY compares userName: in another case it finds nothing.
    expect(out.warnings.join(' ')).toMatch(/case-sensitively/);
    expect(out.results[0]?.resolvedBy).toBe('complete-listing');
  });

  it('the UPPER-CASED userName and email resolve to their users through a verified-complete listing', async () => {
    const out = await resolveValues<ScimUser>(client, 'Users', [seedUser(7).userName.toUpperCase(), seedUser(9).email.toUpperCase()]);
    expect(out.results.map((r) => [r.status, r.resolvedBy, r.resource?.id])).toEqual([
      ['found', 'complete-listing', peer.seedUserIds[7]],
      ['found', 'complete-listing', peer.seedUserIds[9]],
    ]);
    expect(out.results[0]?.listing).toMatchObject({ kind: 'Users', size: 40 });
  });

  it('a value nobody has is not found, proven by the complete listing', async () => {
    const out = await resolveValues(client, 'Users', ['PEER.NOBODY@example.test']);
    expect(out.results[0]).toMatchObject({ status: 'not-found', proven: true, resolvedBy: 'complete-listing', listing: { size: 40 } });
  });

  it('a group by displayName in another case', async () => {
    const out = await resolveValues(client, 'Groups', ['PEER GROUP 2']);
    expect(out.results[0]?.status).toBe('found');
    expect(out.results[0]?.resource?.id).toBe(peer.seedGroupIds[2]);
  });
});

describe('the behaviour probe on SCIMMY', () => {
  it('sees its case-sensitive userName eq, and that it honours the rest', async () => {
    const { probeServer } = await import('../../../electron/core/probe/index');
    const facts = await probeServer(client);
    const verdicts = Object.fromEntries(Object.entries(facts.filters).map(([k, v]) => [k, v.verdict]));
    expect(verdicts).toMatchObject({ 'Users.userName': 'honoured', 'Users.userName.otherCase': 'under-matches', 'Users.externalId': 'honoured', 'Users.emails.value': 'honoured', 'Groups.displayName': 'honoured' });
    expect(facts.filters['Users.userName.otherCase']?.detail).toMatch(/^case-sensitive/);
    expect(facts.sort.value).toBe('honoured');
  });
});

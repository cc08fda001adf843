// The resolve channels through the app's dispatch, on the omission sandbox (a server that
// under-matches filters and compares userName case-sensitively): what the member picker and any
// view that names people will call.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeldListings } from '../../../shared/channels/resolve';
import type { CapabilitiesView } from '../../../shared/channels/explorer';
import type { ConnectionTestResult, ProfileList } from '../../../shared/channels/profiles';
import type { ObservedFacts } from '../../../shared/observed';
import type { ListingInfo, ResolveOutcome } from '../../../shared/resolve';
import { SCHEMAS, type ScimUser } from '../../../shared/scim';
import { featureContext, value } from './features-context';

let f: Awaited<ReturnType<typeof featureContext>>;

beforeAll(async () => {
  f = await featureContext(120, { vendor: 'omission' });
});
afterAll(async () => {
  await f?.close();
});

/** A user of the demo tenant, read straight from the session's client (not through resolution). */
async function sandboxUser(index: number): Promise<ScimUser> {
  const { client } = await f.ctx.sessions.discoveredSession('sandbox');
  const all = await client.list<ScimUser>('Users');
  // One whose email is not its userName, so the two values below are two lookups.
  return all.Resources.slice(index).find((u) => u.emails?.[0]?.value?.toLowerCase() !== u.userName.toLowerCase()) as ScimUser;
}

describe('resolve channels', () => {
  it('resolve.values finds a user by an upper-cased email and says how; resolve.listings shows the held listing', async () => {
    const user = await sandboxUser(40);
    const email = user.emails?.[0]?.value as string;
    const out = value<ResolveOutcome<ScimUser>>(await f.call('resolve.values', { profileId: 'sandbox', kind: 'Users', values: [email.toUpperCase(), user.userName.toUpperCase()] }));
    expect(out.results.map((r) => [r.status, r.resolvedBy, r.resource?.id])).toEqual([
      ['found', 'complete-listing', user.id],
      ['found', 'complete-listing', user.id],
    ]);
    const held = value<HeldListings>(await f.call('resolve.listings', { profileId: 'sandbox' }));
    expect(held.Users).toMatchObject({ kind: 'Users', size: 120 });
    expect(Date.parse(held.Users?.takenAt ?? '')).not.toBeNaN();
    expect(held.Groups).toBeNull();
  });

  it('resolve.refresh takes a new listing (a later time); bad requests are refused by the channel', async () => {
    const before = value<HeldListings>(await f.call('resolve.listings', { profileId: 'sandbox' })).Users as ListingInfo;
    await new Promise((r) => setTimeout(r, 5));
    const fresh = value<ListingInfo>(await f.call('resolve.refresh', { profileId: 'sandbox', kind: 'Users' }));
    expect(fresh.size).toBe(120);
    expect(Date.parse(fresh.takenAt)).toBeGreaterThan(Date.parse(before.takenAt));
    const bad = await f.call('resolve.values', { profileId: 'sandbox', kind: 'Users', values: [], fields: ['nonsense'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it("the member picker's fields (id, userName, email, displayName): a user by display name in any case; a shared display name is ambiguous, both listed", async () => {
    const { client } = await f.ctx.sessions.discoveredSession('sandbox');
    const all = (await client.list<ScimUser>('Users')).Resources;
    const byName = new Map<string, ScimUser[]>();
    for (const u of all) if (typeof u.displayName === 'string') byName.set(u.displayName.toLowerCase(), [...(byName.get(u.displayName.toLowerCase()) ?? []), u]);
    const unique = [...byName.values()].find((us) => us.length === 1)?.[0] as ScimUser;
    const picker = { profileId: 'sandbox', kind: 'Users', fields: ['id', 'userName', 'email', 'displayName'] };
    const found = value<ResolveOutcome<ScimUser>>(await f.call('resolve.values', { ...picker, values: [(unique.displayName as string).toUpperCase()] }));
    expect(found.results[0]).toMatchObject({ status: 'found', resolvedBy: 'complete-listing', matchedOn: ['displayName'] });
    expect(found.results[0]?.resource?.id).toBe(unique.id);
    // Two users given one display name (a write drops the held listing, so the next lookup lists again).
    const [a, b] = all.filter((u) => u.id !== unique.id) as [ScimUser, ScimUser];
    await client.patch('Users', b.id, { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'displayName', value: a.displayName as string }] });
    const shared = value<ResolveOutcome<ScimUser>>(await f.call('resolve.values', { ...picker, values: [a.displayName as string] }));
    expect(shared.results[0]?.status).toBe('ambiguous');
    expect(shared.results[0]?.candidates.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('groups resolve by displayName in another case (the server under-matches displayName eq)', async () => {
    const session = await f.ctx.sessions.session('sandbox');
    const groups = await session.client.list('Groups');
    const group = groups.Resources[2] as unknown as { id: string; displayName: string };
    const out = value<ResolveOutcome>(await f.call('resolve.values', { profileId: 'sandbox', kind: 'Groups', values: [group.displayName.toLowerCase()] }));
    expect(out.results[0]).toMatchObject({ status: 'found', resolvedBy: 'complete-listing' });
    expect(out.results[0]?.resource?.id).toBe(group.id);
  });
});

describe('observed facts through the app', () => {
  it('Test connection probes the demo tenant; Capabilities shows the facts; explorer.probe records new ones', async () => {
    const tested = value<ConnectionTestResult>(await f.call('profiles.test', { profileId: 'sandbox' }));
    expect(tested.ok).toBe(true);
    expect(tested.observed?.filters['Users.emails.value']).toEqual({ verdict: 'under-matches', detail: 'empty for a known email' });
    expect(tested.observed?.pageCap.value).toBe(50);
    const caps = value<CapabilitiesView>(await f.call('explorer.capabilities', { profileId: 'sandbox' }));
    expect(caps.capabilities.filter).toBe(true);
    expect(caps.observed).toEqual(tested.observed);
    const again = value<ObservedFacts>(await f.call('explorer.probe', { profileId: 'sandbox' }));
    expect(Date.parse(again.observedAt)).toBeGreaterThanOrEqual(Date.parse(tested.observed?.observedAt ?? ''));
    const list = value<ProfileList>(await f.call('profiles.list', undefined));
    expect(list.profiles[0]?.observed?.observedAt).toBe(again.observedAt);
  });
});

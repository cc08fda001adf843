// Issue 13's "Done when", by the app: the explorer's listing and the deactivation channels through
// the app's dispatch, on the omission sandbox (a server that sends one 200-with-Error first page,
// rejects `title eq`, under-matches email and externalId filters and compares userName
// case-sensitively). The CLI side is test/integration/cli/cli-omission.test.ts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListSummary } from '../../../shared/channels';
import type { PlannedRun, RunOutcome } from '../../../shared/channels/deactivate';
import type { ScimResource, ScimUser } from '../../../shared/scim';
import { featureContext, value, type Pushed } from './features-context';

const USERS = 120;
let f: Awaited<ReturnType<typeof featureContext>>;

beforeAll(async () => {
  f = await featureContext(USERS, { vendor: 'omission' });
});
afterAll(async () => {
  await f?.close();
});

/** The resources a listing pushed to the renderer, page by page. */
function listed(listId: string): ScimResource[] {
  return f.pushed
    .filter((p: Pushed) => p.event === 'resources.page' && (p.payload as { listId: string }).listId === listId)
    .flatMap((p) => (p.payload as { resources: ScimResource[] }).resources);
}

/** Request log summaries pushed since `from` (index into f.pushed). */
function requestsSince(from: number): { method: string; url: string; status: number | null }[] {
  return f.pushed.slice(from).filter((p) => p.event === 'requestLog.entry').map((p) => (p.payload as { entry: { method: string; url: string; status: number | null } }).entry);
}

describe('the app on a server that lies by omission', () => {
  it("the first listing's 200-with-Error first page is retried: the exact list, complete", async () => {
    const from = f.pushed.length;
    const summary = value<ListSummary>(await f.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'all' }));
    expect(summary).toMatchObject({ complete: true, count: USERS, reportedTotal: USERS });
    const ids = listed('all').map((u) => u.id);
    expect(ids).toHaveLength(USERS);
    expect(new Set(ids).size).toBe(USERS);
    // The first page was asked twice, both answered 200: the first answer (the Error body) was
    // retried, not read as an empty or one-user list.
    const firstPages = requestsSince(from).filter((e) => e.method === 'GET' && /\/Users\?startIndex=1&count=([2-9]|\d\d+)/.test(e.url));
    expect(firstPages.map((e) => e.status)).toEqual([200, 200]);
    expect(firstPages[0]?.url).toBe(firstPages[1]?.url);
  });

  it('a filter the server rejects (title eq "Engineer") is applied locally: the right users, with a warning', async () => {
    const everyone = listed('all') as ScimUser[];
    const engineers = everyone.filter((u) => u.title === 'Engineer').map((u) => u.id).sort();
    expect(engineers.length).toBeGreaterThan(0);
    const summary = value<ListSummary>(await f.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'eng', filter: 'title eq "Engineer"' }));
    expect(summary.complete).toBe(true);
    expect(summary.count).toBe(engineers.length);
    expect(listed('eng').map((u) => u.id).sort()).toEqual(engineers);
    expect(summary.warnings.join(' ')).toMatch(/The server rejected the filter \(400.*applied locally over a complete listing/);
  });

  it('deactivating a user named by an email other than the userName changes exactly that user, with one write', async () => {
    const everyone = listed('all') as ScimUser[];
    const leaver = everyone.find((u) => u.active === true && (u.emails?.[0]?.value ?? '').toLowerCase() !== u.userName.toLowerCase()) as ScimUser;
    const email = (leaver.emails?.[0]?.value ?? '').toUpperCase();
    const { planId, plan } = value<PlannedRun>(await f.call('deactivate.plan', { profileId: 'sandbox', inputs: [email] }));
    expect(plan.unresolved).toEqual([]);
    expect(plan.targets.map((t) => t.id)).toEqual([leaver.id]);
    expect(plan.targets[0]).toMatchObject({ resolvedBy: 'complete-listing', listing: { kind: 'Users', size: USERS } });

    const from = f.pushed.length;
    const run = value<RunOutcome>(await f.call('deactivate.execute', { planId, operationId: 'omission-run', confirmCount: 1 }));
    expect(run.done).toHaveLength(1);
    expect(run.failed).toHaveLength(0);
    const writes = requestsSince(from).filter((e) => e.method !== 'GET');
    expect(writes).toHaveLength(1);
    expect(writes[0]?.url).toMatch(new RegExp(`/Users/${leaver.id}$`));

    const after = value<ListSummary>(await f.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'after' }));
    expect(after.count).toBe(USERS);
    const changed = (listed('after') as ScimUser[]).filter((u) => u.active !== everyone.find((b) => b.id === u.id)?.active).map((u) => u.id);
    expect(changed).toEqual([leaver.id]);
  });
});

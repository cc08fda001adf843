// History is kept per tenant: two apps on two sandbox tenants share one data folder. Each sees its
// own edits, runs and snapshots by default and the other's only on request, labelled; undo and
// retry of the other's run are refused before any typed count, and say which tenant to open. A
// refused call ends its status-bar operation instead of leaving it at "0".
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditView, SnapshotFile } from '../../../shared/channels/audit';
import type { JournalList, PlannedRun, RunOutcome } from '../../../shared/channels/deactivate';
import type { EditJournalView } from '../../../shared/channels/edit';
import type { EditPreview, SendOutcome } from '../../../shared/edit';
import type { ScimResource } from '../../../shared/scim';
import { featureContext, value } from './features-context';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  // The second app shares the first one's folder: close it first, the owner removes the folder.
  for (const close of closers.reverse()) await close();
  closers = [];
});

async function twoTenants() {
  const a = await featureContext(20);
  const b = await featureContext(20, { vendor: 'mindtickle', dataDir: a.dataDir });
  closers.push(a.close, b.close);
  return { a, b };
}

async function someActiveUser(f: Awaited<ReturnType<typeof featureContext>>): Promise<ScimResource> {
  const { client } = await f.ctx.sessions.session('sandbox');
  return (await client.list('Users', { filter: 'active eq true', limit: 1 })).Resources[0] as ScimResource;
}

describe('history per tenant', () => {
  it("lists only the open tenant's edits and runs; others on request, labelled", async () => {
    const { a, b } = await twoTenants();
    const user = await someActiveUser(a);
    const preview = value<EditPreview>(await a.call('edit.preview', { profileId: 'sandbox', kind: 'Users', id: user.id, change: { edited: { ...user, title: 'Tenant A' } } }));
    expect(value<SendOutcome>(await a.call('edit.send', { profileId: 'sandbox', preview })).status).toBe('applied');
    const { planId } = value<PlannedRun>(await a.call('deactivate.plan', { profileId: 'sandbox', inputs: [user.id] }));
    const run = value<RunOutcome>(await a.call('deactivate.execute', { planId, operationId: 'a-run', confirmCount: 1 }));

    const own = value<EditJournalView>(await a.call('edit.journal', { profileId: 'sandbox' }));
    expect(own.entries).toHaveLength(1);
    expect(own.entries[0]?.tenant).toMatchObject({ current: true, name: 'Sandbox tenant (demo, rfc)' });
    expect(value<JournalList>(await a.call('deactivate.journals', { profileId: 'sandbox' })).journals[0]?.tenant.current).toBe(true);

    const edits = value<EditJournalView>(await b.call('edit.journal', { profileId: 'sandbox' }));
    expect(edits).toMatchObject({ entries: [], otherTenants: 1 });
    const runs = value<JournalList>(await b.call('deactivate.journals', { profileId: 'sandbox' }));
    expect(runs).toEqual({ journals: [], otherTenants: 1 });

    const allEdits = value<EditJournalView>(await b.call('edit.journal', { profileId: 'sandbox', all: true }));
    expect(allEdits.entries).toHaveLength(1);
    const aBase = (await a.ctx.sessions.session('sandbox')).client.baseUrl;
    expect(allEdits.entries[0]?.tenant).toEqual({ baseUrl: aBase, name: aBase, current: false });
    const allRuns = value<JournalList>(await b.call('deactivate.journals', { profileId: 'sandbox', all: true }));
    expect(allRuns.journals.map((j) => [j.journalName, j.tenant.current])).toEqual([[run.journalName, false]]);
  });

  it("refuses undo and retry of another tenant's run before the typed count, and ends the operation", async () => {
    const { a, b } = await twoTenants();
    const user = await someActiveUser(a);
    const { planId } = value<PlannedRun>(await a.call('deactivate.plan', { profileId: 'sandbox', inputs: [user.id] }));
    const run = value<RunOutcome>(await a.call('deactivate.execute', { planId, operationId: 'a-run', confirmCount: 1 }));
    for (const channel of ['deactivate.undo', 'deactivate.retry']) {
      // A wrong count on purpose: the tenant refusal comes first, naming the tenant to open.
      const refused = await b.call(channel, { profileId: 'sandbox', journalName: run.journalName, operationId: `b-${channel.split(".")[1]}`, confirmCount: 99 });
      expect(refused).toMatchObject({ ok: false, error: { code: 'refused-unverifiable' } });
      expect(refused.ok ? '' : refused.error.message).toMatch(/open that tenant's profile/);
    }
    // The user is still inactive on tenant A: nothing was written anywhere.
    const { client } = await a.ctx.sessions.session('sandbox');
    expect((await client.get('Users', user.id)).active).toBe(false);
    // From its own tenant the undo runs, and its operation ends with a last progress.
    const undo = value<RunOutcome>(await a.call('deactivate.undo', { profileId: 'sandbox', journalName: run.journalName, operationId: 'a-undo', confirmCount: 1 }));
    expect(undo.done).toHaveLength(1);
    const last = a.pushed.filter((p) => p.event === 'progress' && (p.payload as { operationId: string }).operationId === 'a-undo').at(-1);
    expect(last?.payload).toMatchObject({ ended: true });
  });

  it("lists the open tenant's snapshots with label and tenant name; others only on request", async () => {
    const { a, b } = await twoTenants();
    const audit = value<AuditView>(await a.call('audit.run', { profileId: 'sandbox', operationId: 'a-audit' }));
    const saved = value<SnapshotFile>(await a.call('audit.saveSnapshot', { profileId: 'sandbox', auditId: audit.auditId, label: 'before cutover' }));
    expect(saved).toMatchObject({ label: 'before cutover', takenAt: audit.takenAt, tenant: { name: 'Sandbox tenant (demo, rfc)', current: true } });
    expect(value<{ snapshots: SnapshotFile[]; otherTenants: number }>(await b.call('audit.snapshots', { profileId: 'sandbox' }))).toEqual({ snapshots: [], otherTenants: 1 });
    const all = value<{ snapshots: SnapshotFile[] }>(await b.call('audit.snapshots', { profileId: 'sandbox', all: true })).snapshots;
    // Saved with the tenant's name in it: the other app labels it by that name.
    expect(all).toEqual([expect.objectContaining({ name: saved.name, label: 'before cutover', tenant: expect.objectContaining({ name: 'Sandbox tenant (demo, rfc)', current: false }) })]);
  });
});

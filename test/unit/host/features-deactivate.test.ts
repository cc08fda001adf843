// The deactivation channels through dispatch() against the real sandbox: plan (dry run) → typed
// count → run with progress events and a journal in <dataDir>/journals → undo from that journal.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CsvColumnValues, JournalList, PlannedRun, RunOutcome } from '../../../shared/channels/deactivate';
import type { ScimResource } from '../../../shared/scim';
import { featureContext, value } from './features-context';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe('deactivation channels', () => {
  it('plans, refuses a wrong typed count, runs with progress, lists the journal and undoes it', async () => {
    const f = await featureContext(30);
    close = f.close;
    value(await f.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'l1', limit: 10 }));
    const users = (f.pushed.find((p) => p.event === 'resources.page')?.payload as { resources: ScimResource[] }).resources.filter((u) => u.active !== false).slice(0, 3);
    expect(users).toHaveLength(3);
    const { planId, plan } = value<PlannedRun>(await f.call('deactivate.plan', { profileId: 'sandbox', inputs: [...users.map((u) => u.id), 'nobody-such'] }));
    expect(plan.targets.map((t) => t.id).sort()).toEqual(users.map((u) => u.id).sort());
    expect(plan.targets[0]?.request.method).toBe('PATCH');
    expect(plan.unresolved.map((u) => u.input)).toEqual(['nobody-such']);

    const wrong = await f.call('deactivate.execute', { planId, operationId: 'op1', confirmCount: 4 });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(existsSync(join(f.dataDir, 'journals'))).toBe(false);

    const run = value<RunOutcome>(await f.call('deactivate.execute', { planId, operationId: 'op1', confirmCount: 3 }));
    expect(run.done).toHaveLength(3);
    expect(run.failed).toHaveLength(0);
    expect(run.journalName).toMatch(/^deactivate-.*\.jsonl$/);
    expect(existsSync(join(f.dataDir, 'journals', run.journalName ?? ''))).toBe(true);
    const progress = f.pushed.filter((p) => p.event === 'progress' && (p.payload as { operationId: string }).operationId === 'op1');
    expect(progress.at(-2)?.payload).toMatchObject({ done: 3, total: 3 });
    expect(progress.at(-1)?.payload).toMatchObject({ ended: true });
    // A plan runs once.
    expect(await f.call('deactivate.execute', { planId, operationId: 'op2', confirmCount: 3 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    const journals = value<JournalList>(await f.call('deactivate.journals', { profileId: 'sandbox' })).journals;
    expect(journals).toHaveLength(1);
    expect(journals[0]).toMatchObject({ journalName: run.journalName, reactivatable: 3, pending: 0 });
    expect(journals[0]?.runs[0]).toMatchObject({ action: 'deactivate', done: 3, failed: 0, ended: true });

    const undo = value<RunOutcome>(await f.call('deactivate.undo', { profileId: 'sandbox', journalName: run.journalName, operationId: 'op3', confirmCount: 3 }));
    expect(undo.action).toBe('reactivate');
    expect(undo.done).toHaveLength(3);
    const after = value<JournalList>(await f.call('deactivate.journals', { profileId: 'sandbox' })).journals;
    expect(after[0]).toMatchObject({ reactivatable: 0 });
    expect(after[0]?.runs.map((r) => r.action)).toEqual(['deactivate', 'reactivate']);
    const again = value<PlannedRun>(await f.call('deactivate.plan', { profileId: 'sandbox', inputs: users.map((u) => u.id) }));
    expect(again.plan.targets.every((t) => t.active)).toBe(true);
  });

  it('cancels a running deactivation between writes; retry finishes what was left', async () => {
    // Cancel as soon as the first write is reported, from the progress event itself.
    let cancelled: Promise<{ ok: boolean }> | null = null;
    const f = await featureContext(120, {
      onEmit: ({ event, payload }) => {
        const p = payload as { operationId?: string; done?: number };
        if (!cancelled && event === 'progress' && p.operationId === 'run-c' && (p.done ?? 0) >= 1) cancelled = f.call('deactivate.cancel', { operationId: 'run-c' });
      },
    });
    close = f.close;
    value(await f.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'lc' }));
    const ids = f.pushed
      .filter((p) => p.event === 'resources.page')
      .flatMap((p) => (p.payload as { resources: ScimResource[] }).resources)
      .filter((u) => u.active !== false)
      .map((u) => u.id);
    const { planId, plan } = value<PlannedRun>(await f.call('deactivate.plan', { profileId: 'sandbox', inputs: ids }));
    const total = plan.targets.length;
    const run = value<RunOutcome>(await f.call('deactivate.execute', { planId, operationId: 'run-c', confirmCount: total }));
    expect(cancelled).not.toBeNull();
    expect(value<{ cancelled: boolean }>(await (cancelled as unknown as Promise<{ ok: boolean }>))).toEqual({ cancelled: true });
    expect(run.cancelled).toBe(true);
    expect(run.done.length).toBeLessThan(total);
    const [journal] = value<JournalList>(await f.call('deactivate.journals', { profileId: 'sandbox' })).journals;
    expect(journal?.pending).toBe(total - run.done.length);
    const retry = value<RunOutcome>(await f.call('deactivate.retry', { profileId: 'sandbox', journalName: run.journalName, operationId: 'run-r', confirmCount: journal?.pending }));
    expect(retry.done).toHaveLength(total);
    expect(retry.failed).toHaveLength(0);
  });

  it('refuses a journal name that is a path', async () => {
    const f = await featureContext(5);
    close = f.close;
    const r = await f.call('deactivate.undo', { profileId: 'sandbox', journalName: '../../etc/x.jsonl', operationId: 'o', confirmCount: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('takes a chosen CSV column and rejects a malformed list with its line number', async () => {
    const f = await featureContext(5);
    close = f.close;
    const ok = value<CsvColumnValues>(await f.call('deactivate.parseCsv', { text: 'name,email\nA,a@x.test\nB,b@x.test\n', column: 'email' }));
    expect(ok).toMatchObject({ column: 'email', values: ['a@x.test', 'b@x.test'] });
    const several = value<CsvColumnValues>(await f.call('deactivate.parseCsv', { text: 'name,email\nA,a@x.test\n' }));
    expect(several).toMatchObject({ column: null, headers: ['name', 'email'], values: [] });
    const bad = await f.call('deactivate.parseCsv', { text: 'name,email\nA,a@x.test\nB,"b@x.test\n', column: 'email' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-csv' } });
    expect(bad.ok ? '' : bad.error.message).toMatch(/line 3/);
  });
});

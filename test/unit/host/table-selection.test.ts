// A table's selection as a description main resolves (issue 15, the explorer at 1M): "select all
// minus 2" travels as one part and two exceptions, main counts it from its index, and the bulk
// actions (deactivation plan, CSV rows of the selection) act on exactly those rows. When the table
// changed since the rows were selected (a write, a new listing), main says so and acts on nothing.
// Through dispatch on the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedRun } from '../../../shared/channels/deactivate';
import type { TableRow, TableWindow } from '../../../shared/channels/table';
import type { EditPreview, SendOutcome } from '../../../shared/edit';
import type { SelectionCount, SelectionPart, TableSelection } from '../../../shared/selection';
import { featureContext, value } from './features-context';

let t: Awaited<ReturnType<typeof featureContext>>;
const USERS = 1500;
const base = { profileId: 'sandbox', kind: 'Users', listId: 'rows' };
beforeAll(async () => {
  t = await featureContext(USERS);
  value(await t.call('resources.list', { ...base, pages: 'rows' }));
});
afterAll(() => t.close());

const part = async (input: Record<string, unknown>) => value<{ part: SelectionPart; rows: number }>(await t.call('table.selectPart', { ...base, search: '', value: true, ...input }));
/** The first `count` ids of a view, once main has worked it to the end. */
const ids = async (search = '', count = 1000): Promise<string[]> => {
  for (;;) {
    const w = value<TableWindow>(await t.call('table.window', { ...base, search, from: 0, count, exact: true }));
    if (w.exact) return w.rows.map((r) => r.id);
  }
};
const selected = async (selection: TableSelection): Promise<string[]> => {
  const out: string[] = [];
  for (let after: number | null = 0; after !== null; ) {
    const page: { rows: TableRow[]; next: number | null } = value(await t.call('table.selected', { profileId: 'sandbox', selection, after, count: 400 }));
    out.push(...page.rows.map((r) => r.id));
    after = page.next;
  }
  return out;
};

describe('a selection main resolves', () => {
  it('all minus 2: counted by main, planned and exported for exactly N-2 users', async () => {
    const all = await part({ to: null });
    expect(all.rows).toBe(USERS);
    const [a, b] = await ids('', 2);
    const selection: TableSelection = { kind: 'Users', listId: 'rows', parts: [all.part], overrides: [a, b].map((id) => ({ id: id as string, value: false, after: 1 })) };
    expect(value<SelectionCount>(await t.call('table.selection', { profileId: 'sandbox', selection, search: '' }))).toEqual({ count: USERS - 2, inView: USERS - 2, stale: null, missing: 0 });

    const rows = await selected(selection);
    expect(rows).toHaveLength(USERS - 2);
    expect(rows).not.toContain(a);
    expect(rows).not.toContain(b);

    const { plan } = value<PlannedRun>(await t.call('deactivate.plan', { profileId: 'sandbox', selection }));
    const acted = [...plan.targets.map((x) => x.id), ...plan.skipped.map((x) => x.id)];
    expect(new Set(acted).size).toBe(USERS - 2);
    expect(acted).not.toContain(a);
    expect(plan.unresolved).toEqual([]);

    // The windows say which part covers each row; the renderer applies the two exceptions.
    const w = value<TableWindow>(await t.call('table.window', { ...base, from: 0, count: 3, selection: { ...selection, overrides: [] } }));
    expect(w.rows.map((r) => r.part)).toEqual([0, 0, 0]);
  });

  it('a range and a search: later parts and later toggles win, in order', async () => {
    const q = 'ana';
    const matching = await ids(q, 1000);
    expect(matching.length).toBeGreaterThan(10);
    const everyone = await part({ to: null });
    const unselectSearch = await part({ search: q, to: null, value: false });
    const range = await part({ search: q, from: 2, to: 5 });
    const selection: TableSelection = {
      kind: 'Users',
      listId: 'rows',
      parts: [everyone.part, unselectSearch.part, range.part],
      // Toggled on before the search was unselected (loses), toggled off after the range (wins).
      overrides: [
        { id: matching[0] as string, value: true, after: 1 },
        { id: matching[3] as string, value: false, after: 3 },
      ],
    };
    const count = value<SelectionCount>(await t.call('table.selection', { profileId: 'sandbox', selection, search: q }));
    expect(count).toEqual({ count: USERS - matching.length + 2, inView: 2, stale: null, missing: 0 });
    const rows = new Set(await selected(selection));
    expect(matching.filter((id) => rows.has(id))).toEqual([matching[2], matching[4]]);
  });

  it('a write since the rows were selected: main says so, and plans nothing', async () => {
    const all = await part({ to: null });
    const selection: TableSelection = { kind: 'Users', listId: 'rows', parts: [all.part], overrides: [] };
    const [id] = await ids('', 1);
    const user = value<Record<string, unknown>>(await t.call('explorer.get', { profileId: 'sandbox', kind: 'Users', id }));
    const preview = value<EditPreview>(await t.call('edit.preview', { profileId: 'sandbox', kind: 'Users', id, change: { edited: { ...user, title: 'Changed since' } }, before: user }));
    expect(value<SendOutcome>(await t.call('edit.send', { profileId: 'sandbox', preview })).status).toBe('applied');

    const count = value<SelectionCount>(await t.call('table.selection', { profileId: 'sandbox', selection, search: '' }));
    expect(count.count).toBeNull();
    expect(count.stale).toContain('a write changed or removed some of them');
    const plan = await t.call('deactivate.plan', { profileId: 'sandbox', selection });
    expect(plan).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await t.call('table.selected', { profileId: 'sandbox', selection })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // A new listing replaces the one selected from: said too. Ids checked by hand stay valid.
    value(await t.call('resources.list', { ...base, listId: 'again', pages: 'rows' }));
    const relisted = value<SelectionCount>(await t.call('table.selection', { profileId: 'sandbox', selection, search: '' }));
    expect(relisted.stale).toContain('listed again');
    const byHand: TableSelection = { kind: 'Users', listId: null, parts: [], overrides: [{ id: id as string, value: true, after: 0 }, { id: 'no-such-user', value: true, after: 0 }] };
    expect(value<SelectionCount>(await t.call('table.selection', { profileId: 'sandbox', selection: byHand }))).toEqual({ count: 1, inView: null, stale: null, missing: 1 });
  });
});

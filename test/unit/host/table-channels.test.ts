// The grid's channels over main's index (issue 15, the explorer at 1M), through dispatch() on the
// real sandbox: a listing asked with pages: 'rows' sends no resources to the renderer, and the
// windows, ids and lookups answer what a listing that did send them would have shown — search,
// sort, and a verified write included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../shared/channels';
import type { TableRow, TableWindow } from '../../../shared/channels/table';
import { cellText, columnsOf, SEARCHED } from '../../../shared/columns';
import type { EditPreview, SendOutcome } from '../../../shared/edit';
import type { ScimResource } from '../../../shared/scim';
import { featureContext, value } from './features-context';

let t: Awaited<ReturnType<typeof featureContext>>;
let all: ScimResource[] = [];
const USERS = 600;
beforeAll(async () => {
  t = await featureContext(USERS);
  value(await t.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'full', pages: 'resources' }));
  all = t.pushed.filter((p) => p.event === 'resources.page').flatMap((p) => (p.payload as EventMap['resources.page']).resources);
  t.pushed.length = 0;
  value(await t.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'rows', pages: 'rows' }));
});
afterAll(() => t.close());

const win = async (input: Record<string, unknown>) => value<TableWindow>(await t.call('table.window', { profileId: 'sandbox', kind: 'Users', listId: 'rows', exact: true, ...input }));
const cellsOf = (r: ScimResource) => columnsOf('Users').map((c) => cellText(r, c));

describe('table channels', () => {
  it('a listing asked for rows pushes counts, not resources, and its windows hold what it listed', async () => {
    const pages = t.pushed.filter((p) => p.event === 'resources.page').map((p) => p.payload as EventMap['resources.page']);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => p.resources.length === 0)).toBe(true);
    expect(pages.at(-1)?.held).toBe(USERS);
    expect(all).toHaveLength(USERS);
    const w = await win({ from: 100, count: 50 });
    expect(w).toMatchObject({ listId: 'rows', total: USERS, size: USERS, exact: true, loading: false });
    // The listing's order, every column as the grid shows it (the sandbox users carry their groups).
    expect(w.rows).toEqual(all.slice(100, 150).map((r) => ({ id: r.id, cells: cellsOf(r) })));
  });

  it('searches and sorts in main as the grid did', async () => {
    const q = (all[7]?.userName as string).slice(0, 3).toUpperCase();
    const matching = all.filter((r) => SEARCHED.Users.some((c) => cellText(r, c).toLowerCase().includes(q.toLowerCase())));
    expect(matching.length).toBeGreaterThan(0);
    const sorted = [...matching].sort((a, b) => Buffer.compare(Buffer.from(cellText(b, 'displayName').toLowerCase()), Buffer.from(cellText(a, 'displayName').toLowerCase())) || all.indexOf(a) - all.indexOf(b));
    const w = await win({ search: ` ${q} `, sort: { column: 'displayName', dir: 'desc' }, from: 0, count: 1000 });
    expect(w.total).toBe(matching.length);
    expect(w.rows.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
    // No channel hands the renderer a view's ids: select all and ranges are parts main resolves.
    expect(await t.call('table.ids', { profileId: 'sandbox', kind: 'Users', listId: 'rows', search: q, from: 0, to: 3 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('looks rows up by id, null for an id the listing does not hold', async () => {
    const rows = value<(TableRow | null)[]>(await t.call('table.lookup', { profileId: 'sandbox', kind: 'Users', ids: [all[3]?.id, 'no-such-id'] }));
    expect(rows).toEqual([{ id: all[3]?.id, cells: cellsOf(all[3] as ScimResource) }, null]);
  });

  it('a verified write shows in the windows at once (sorted and searched)', async () => {
    const user = all[42] as ScimResource;
    const preview = value<EditPreview>(await t.call('edit.preview', { profileId: 'sandbox', kind: 'Users', id: user.id, change: { edited: { ...user, displayName: '!!! Written Back' } }, before: user }));
    expect(value<SendOutcome>(await t.call('edit.send', { profileId: 'sandbox', preview })).status).toBe('applied');
    const w = await win({ search: 'written back', sort: { column: 'displayName', dir: 'desc' }, from: 0, count: 5 });
    expect(w.rows.map((r) => r.id)).toEqual([user.id]);
    const first = await win({ sort: { column: 'displayName', dir: 'asc' }, from: 0, count: 1 });
    expect(first.rows[0]?.cells[columnsOf('Users').indexOf('displayName')]).toBe('!!! Written Back');
  });

  it('says nothing is known for a listing that has not begun or was replaced, and refuses bad requests', async () => {
    expect(await win({ listId: 'never-started' })).toEqual({ listId: 'never-started', rows: [], total: 0, exact: false, size: 0, loading: true });
    expect(await t.call('table.window', { profileId: 'sandbox', kind: 'Users', listId: 'rows', sort: { column: 'members' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await t.call('table.window', { profileId: 'sandbox', kind: 'Users', listId: 'rows', count: 5000 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await t.call('table.lookup', { profileId: 'sandbox', kind: 'Users', ids: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await t.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'x', pages: 'all' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

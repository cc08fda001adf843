// The grid's rows from main's index (issue 15): the ViewSource asks for the blocks on screen,
// answers the same rows a listing held in the renderer shows, keeps the previous query's rows on
// screen until the new query's first block arrives, and reads every id of a view for selection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectorApi } from '../../../../shared/channels';
import { createExplorerStore, type ExplorerStore } from '../../../../renderer/src/store/explorer';
import { ViewSource, type ViewQuery } from '../../../../renderer/src/store/view-source';
import { emptySelection } from '../../../../shared/selection';
import { realApi } from './real-api';

let api: InspectorApi;
let close: () => Promise<void>;
let store: ExplorerStore;
beforeAll(async () => {
  ({ api, close } = await realApi(1500));
  store = createExplorerStore(api, 'sandbox');
  await store.getState().load('Users');
});
afterAll(async () => {
  store.detach();
  await close();
});

/** Sets the query and waits until the source shows its rows. */
async function show(source: ViewSource, query: ViewQuery): Promise<void> {
  source.setQuery(query);
  await new Promise<void>((resolve) => {
    const done = () => source.getSnapshot().shown === query && source.getSnapshot().exact;
    if (done()) return resolve();
    const off = source.subscribe(() => {
      if (done()) {
        off();
        resolve();
      }
    });
  });
}

describe('view source', () => {
  it('shows the listing’s rows a block at a time, searched and sorted in main', async () => {
    const s = store.getState();
    const source = s.views.Users;
    const listId = s.listings.Users?.listId ?? null;
    const held = s.tables.Users;
    expect(s.listings.Users?.holdsAll).toBe(true);
    const all: ViewQuery = { listId, search: '', sort: null, tick: s.ticks.Users, attributes: [] };
    await show(source, all);
    expect(source.getSnapshot()).toMatchObject({ total: 1500, size: 1500, exact: true });
    expect(source.row(0)?.id).toBe(held.ids[0]);
    // Rows further down come when they are on screen, with three blocks ahead in the direction of
    // scrolling and one behind.
    expect(source.row(555)).toBeUndefined();
    source.need(550, 560);
    const arrived = (...rows: number[]) =>
      new Promise<void>((resolve) => {
        const done = () => rows.every((r) => source.row(r) !== undefined);
        if (done()) return resolve();
        const off = source.subscribe(() => {
          if (done()) {
            off();
            resolve();
          }
        });
      });
    await arrived(555, 855, 455);
    expect(source.row(955)).toBeUndefined();
    expect(source.row(555)?.id).toBe(held.ids[555]);
    expect(source.row(855)?.id).toBe(held.ids[855]);
    expect(source.row(555)?.cells[0]).toBe(held.cell(555, 'userName'));

    // A new query: the old rows stay until the new ones arrive, then only the new ones show.
    const none: ViewQuery = { ...all, search: 'no such user anywhere' };
    source.setQuery(none);
    expect(source.row(0)?.id).toBe(held.ids[0]);
    await show(source, none);
    expect(source.getSnapshot()).toMatchObject({ total: 0, exact: true });
    expect(source.row(0)).toBeUndefined();

    const sorted: ViewQuery = { ...all, sort: { column: 'userName', dir: 'desc' } };
    // Scrolled back to the top: the first block is what is on screen.
    source.need(0, 50);
    await show(source, sorted);
    const names = Array.from({ length: held.size }, (_, i) => held.cell(i, 'userName').toLowerCase()).sort();
    expect(source.row(0)?.cells[0]?.toLowerCase()).toBe(names.at(-1));
    // Select all is a part main reads from the view: it covers every row, and no id comes back.
    const read = await source.select(0, null, true, emptySelection('Users'));
    expect(read?.part).toMatchObject({ search: '', to: null, value: true, rows: 1500 });

    // An extra attribute column (issue 17): a new query whose rows carry the department from main.
    const DEPARTMENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department';
    const withDepartment: ViewQuery = { ...all, attributes: [DEPARTMENT] };
    await show(source, withDepartment);
    const ent = (i: number) => (held.resources[i]?.['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'] ?? {}) as { department?: string };
    expect(source.row(0)?.attributes).toEqual([ent(0).department ?? '']);
    expect(Array.from({ length: 50 }, (_, i) => source.row(i)?.attributes?.[0] ?? '').filter((d) => d !== '').length).toBeGreaterThan(20);
  });

  it('asks a new query for the rows on screen alone, and the blocks around them once they have shown', async () => {
    // Each keystroke of a search is a new query: its visible rows are what the admin waits for, and
    // blocks asked beside them would compete with them (and with the next keystroke's) in main.
    const asked: { search: string; from: number; count: number }[] = [];
    const recording: InspectorApi = {
      ...api,
      table: {
        ...api.table,
        window: (request) => {
          asked.push({ search: request.search, from: request.from, count: request.count });
          return api.table.window(request);
        },
      },
    };
    const s = store.getState();
    const source = new ViewSource(recording, 'sandbox', 'Users');
    const all: ViewQuery = { listId: s.listings.Users?.listId ?? null, search: '', sort: null, tick: s.ticks.Users, attributes: [] };
    source.need(0, 40);
    // As the grid does on each change of the view.
    const grid = source.subscribe(() => source.need(0, 40));
    await show(source, all);
    const rowsOf = (search: string) => asked.filter((a) => a.search === search && a.count > 0).map((a) => a.from);
    await new Promise<void>((resolve) => {
      const check = () => (rowsOf('').length >= 4 ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(rowsOf('').sort((a, b) => a - b)).toEqual([0, 100, 200, 300]);

    const typed: ViewQuery = { ...all, search: 'a' };
    source.setQuery(typed);
    expect(rowsOf('a')).toEqual([0]);
    await show(source, typed);
    await new Promise<void>((resolve) => {
      const check = () => (new Set(rowsOf('a')).size >= 4 ? resolve() : setTimeout(check, 10));
      check();
    });
    // (Block 0 may be asked again by the poll, to make this query main's latest: see the next test.)
    expect([...new Set(rowsOf('a'))].sort((x, y) => x - y)).toEqual([0, 100, 200, 300]);
    grid();
  });

  it('two views of one listing both reach their exact totals (neither polls main in a loop for ever)', async () => {
    // Main works on the query the grid asked rows for last; another view's call (a second window,
    // or an older call overtaking on the wire) made the other's poll get no work done, and it
    // asked again at once, for ever. Past 200 calls the api refuses, so the test ends either way.
    let calls = 0;
    const counted: InspectorApi = {
      ...api,
      table: {
        ...api.table,
        window: (request) => {
          calls += 1;
          return calls > 200 ? Promise.resolve({ ok: false, error: { code: 'internal', message: 'too many calls' } }) : api.table.window(request);
        },
      },
    };
    const s = store.getState();
    const base: ViewQuery = { listId: s.listings.Users?.listId ?? null, search: '', sort: null, tick: s.ticks.Users, attributes: [] };
    const one = new ViewSource(counted, 'sandbox', 'Users');
    const two = new ViewSource(counted, 'sandbox', 'Users');
    const a: ViewQuery = { ...base, search: 'a' };
    const e: ViewQuery = { ...base, search: 'e' };
    const settled = (source: ViewSource, query: ViewQuery) =>
      new Promise<void>((resolve) => {
        const done = () => (source.getSnapshot().shown === query && source.getSnapshot().exact) || source.getSnapshot().error !== null;
        if (done()) return resolve();
        const off = source.subscribe(() => {
          if (done()) {
            off();
            resolve();
          }
        });
      });
    one.setQuery(a);
    two.setQuery(e);
    await Promise.all([settled(one, a), settled(two, e)]);
    expect(one.getSnapshot()).toMatchObject({ error: null, exact: true });
    expect(two.getSnapshot()).toMatchObject({ error: null, exact: true });
    expect(calls).toBeLessThan(200);
  });
});

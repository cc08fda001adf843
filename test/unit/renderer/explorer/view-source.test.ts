// The grid's rows from main's index (issue 15): the ViewSource asks for the blocks on screen,
// answers the same rows a listing held in the renderer shows, keeps the previous query's rows on
// screen until the new query's first block arrives, and reads every id of a view for selection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectorApi } from '../../../../shared/channels';
import { createExplorerStore, type ExplorerStore } from '../../../../renderer/src/store/explorer';
import type { ViewQuery, ViewSource } from '../../../../renderer/src/store/view-source';
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
});

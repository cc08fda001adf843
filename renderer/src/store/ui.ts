// UI state of one open profile (zustand): current view, open detail, checked rows, quick search,
// sort and visible columns per table, the keyboard cursor, and the history of pages and opened
// resources that back/forward (Alt+←/→, the mouse's side buttons) walk. Opening a resource keeps
// the page it was opened from: the detail pane shows beside it.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ResourceKind } from '../../../shared/scim';
import { columnsOf, type ColumnId } from './columns';
import { clampWidth, moved, movedTo, toggled } from './column-layout';
import type { SortDir } from './table';

export type ViewId = 'Users' | 'Groups' | 'Capabilities' | 'RequestLog' | `feature:${string}`;

export interface Place {
  view: ViewId;
  /** action: a DETAIL_ACTIONS id to open with it (e.g. "Remove dangling members" from a finding). */
  detail: { kind: ResourceKind; id: string; action?: string } | null;
}

/** Enough places to walk back through a working session, not an unbounded log. */
const HISTORY_KEEP = 100;

export interface UiState {
  view: ViewId;
  detail: Place['detail'];
  /** Places visited, oldest first; `at` is the current one. */
  history: Place[];
  at: number;
  /** Selected rows per table, by id (a selection survives search, sort and reloads). */
  checked: Record<ResourceKind, Set<string>>;
  /** Where the last single toggle was, in view order: the start of a shift-click range. */
  anchor: Record<ResourceKind, number | null>;
  search: Record<ResourceKind, string>;
  sort: Record<ResourceKind, { column: ColumnId; dir: SortDir } | null>;
  /** The columns shown, in order: fixed ones and extra attribute columns (SCIM paths). */
  columns: Record<ResourceKind, ColumnId[]>;
  /** Widths the admin gave columns, in CSS pixels (the others keep their default). */
  widths: Record<ResourceKind, Record<string, number>>;
  cursor: Record<ResourceKind, number>;
  setView(view: ViewId): void;
  open(kind: ResourceKind, id: string, action?: string): void;
  close(): void;
  back(): void;
  forward(): void;
  toggleChecked(kind: ResourceKind, id: string, index?: number): void;
  /** Selects (value true) or unselects many rows at once: a range, the whole view. */
  checkMany(kind: ResourceKind, ids: Iterable<string>, value: boolean): void;
  setChecked(kind: ResourceKind, ids: Iterable<string>): void;
  setSearch(kind: ResourceKind, q: string): void;
  toggleSort(kind: ResourceKind, column: ColumnId): void;
  toggleColumn(kind: ResourceKind, column: ColumnId): void;
  /** Moves a shown column by `delta` places (a header button or key), or to a place (a drop). */
  moveColumn(kind: ResourceKind, column: ColumnId, delta: number): void;
  moveColumnTo(kind: ResourceKind, column: ColumnId, to: number): void;
  setWidth(kind: ResourceKind, column: ColumnId, px: number): void;
  /** A saved view's layout, or the default one (null). */
  applyLayout(kind: ResourceKind, layout: TableLayout | null): void;
  setCursor(kind: ResourceKind, row: number): void;
}

/** What a saved view restores of a table (shared/grid-views.ts holds its stored form). */
export interface TableLayout {
  columns: ColumnId[];
  widths: Record<string, number>;
  sort: { column: ColumnId; dir: SortDir } | null;
  search: string;
}

const samePlace = (a: Place | undefined, b: Place): boolean =>
  a !== undefined && a.view === b.view && a.detail?.kind === b.detail?.kind && a.detail?.id === b.detail?.id;

export function createUiStore(): StoreApi<UiState> {
  return createStore<UiState>()((set, get) => {
    /** Goes to a place, dropping the forward part of the history (as a browser does). */
    const go = (place: Place): void => {
      const { history, at } = get();
      if (samePlace(history[at], place)) return set(place);
      const next = [...history.slice(0, at + 1), place].slice(-HISTORY_KEEP);
      set({ ...place, history: next, at: next.length - 1 });
    };
    const walk = (step: number): void => {
      const { history, at } = get();
      const place = history[at + step];
      if (place) set({ ...place, at: at + step });
    };
    return {
    view: 'Users',
    detail: null,
    history: [{ view: 'Users', detail: null }],
    at: 0,
    checked: { Users: new Set(), Groups: new Set() },
    anchor: { Users: null, Groups: null },
    search: { Users: '', Groups: '' },
    sort: { Users: null, Groups: null },
    columns: { Users: [...columnsOf('Users')], Groups: [...columnsOf('Groups')] },
    widths: { Users: {}, Groups: {} },
    cursor: { Users: 0, Groups: 0 },
    setView: (view) => go({ view, detail: get().detail }),
    open: (kind, id, action) => go({ view: get().view, detail: { kind, id, ...(action ? { action } : {}) } }),
    close: () => go({ view: get().view, detail: null }),
    back: () => walk(-1),
    forward: () => walk(1),
    toggleChecked: (kind, id, index) => {
      const checked = new Set(get().checked[kind]);
      if (checked.has(id)) checked.delete(id);
      else checked.add(id);
      set({ checked: { ...get().checked, [kind]: checked }, anchor: { ...get().anchor, [kind]: index ?? get().anchor[kind] } });
    },
    checkMany: (kind, ids, value) => {
      const checked = new Set(get().checked[kind]);
      for (const id of ids) {
        if (value) checked.add(id);
        else checked.delete(id);
      }
      set({ checked: { ...get().checked, [kind]: checked } });
    },
    setChecked: (kind, ids) => set({ checked: { ...get().checked, [kind]: new Set(ids) }, anchor: { ...get().anchor, [kind]: null } }),
    setSearch: (kind, q) => set({ search: { ...get().search, [kind]: q }, cursor: { ...get().cursor, [kind]: 0 } }),
    toggleSort: (kind, column) => {
      const cur = get().sort[kind];
      const next = cur?.column !== column ? { column, dir: 'asc' as const } : cur.dir === 'asc' ? { column, dir: 'desc' as const } : null;
      set({ sort: { ...get().sort, [kind]: next } });
    },
    toggleColumn: (kind, column) => {
      const next = toggled(get().columns[kind], column);
      // A hidden column no longer sorts the view.
      const sort = get().sort[kind];
      set({ columns: { ...get().columns, [kind]: next }, ...(sort && !next.includes(sort.column) ? { sort: { ...get().sort, [kind]: null } } : {}) });
    },
    moveColumn: (kind, column, delta) => set({ columns: { ...get().columns, [kind]: moved(get().columns[kind], column, delta) } }),
    moveColumnTo: (kind, column, to) => set({ columns: { ...get().columns, [kind]: movedTo(get().columns[kind], column, to) } }),
    setWidth: (kind, column, px) => set({ widths: { ...get().widths, [kind]: { ...get().widths[kind], [column]: clampWidth(px) } } }),
    applyLayout: (kind, layout) => {
      const l = layout ?? { columns: [...columnsOf(kind)], widths: {}, sort: null, search: '' };
      set({
        columns: { ...get().columns, [kind]: [...l.columns] },
        widths: { ...get().widths, [kind]: { ...l.widths } },
        sort: { ...get().sort, [kind]: l.sort },
        search: { ...get().search, [kind]: l.search },
        cursor: { ...get().cursor, [kind]: 0 },
      });
    },
    setCursor: (kind, row) => set({ cursor: { ...get().cursor, [kind]: Math.max(0, row) } }),
    };
  });
}

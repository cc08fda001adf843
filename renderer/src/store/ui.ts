// UI state of one open profile (zustand): current view, open detail, checked rows, quick search,
// sort and visible columns per table, the keyboard cursor, and the history of pages and opened
// resources that back/forward (Alt+←/→, the mouse's side buttons) walk. Opening a resource keeps
// the page it was opened from: the detail pane shows beside it.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ResourceKind } from '../../../shared/scim';
import { columnsOf, type ColumnId } from './columns';
import { clampWidth, moved, movedTo, toggled } from './column-layout';
import type { SortDir } from './table';
import { emptySelection, withOverride, withPart, type SelectionPart, type TableSelection } from '../../../shared/selection';

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
  /**
   * The selection per table, as a description main resolves (shared/selection.ts): "select all"
   * and ranges are parts read from main's index, rows toggled by hand are exceptions; the
   * renderer never holds the ids of a whole view. It survives search and sort; main says when a
   * write or a new listing has made its parts stale.
   */
  selection: Record<ResourceKind, TableSelection>;
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
  /** Selects (value true) or unselects one row; index: its place in the view (a range's anchor). */
  toggleChecked(kind: ResourceKind, id: string, value: boolean, index?: number): void;
  /** Adds a part main read (a range, the whole view) to the selection. */
  /** restart: the selection was stale (main said): the part starts a new one. */
  addPart(kind: ResourceKind, listId: string, part: SelectionPart, restart?: boolean): void;
  clearSelection(kind: ResourceKind): void;
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
    selection: { Users: emptySelection('Users'), Groups: emptySelection('Groups') },
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
    toggleChecked: (kind, id, value, index) =>
      set({ selection: { ...get().selection, [kind]: withOverride(get().selection[kind], id, value) }, anchor: { ...get().anchor, [kind]: index ?? get().anchor[kind] } }),
    addPart: (kind, listId, part, restart) => set({ selection: { ...get().selection, [kind]: withPart(get().selection[kind], listId, part, restart) } }),
    clearSelection: (kind) => set({ selection: { ...get().selection, [kind]: emptySelection(kind) }, anchor: { ...get().anchor, [kind]: null } }),
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

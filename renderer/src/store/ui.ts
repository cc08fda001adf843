// UI state of one open profile (zustand): current view, open detail, checked rows, quick search,
// sort and visible columns per table, the keyboard cursor.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ResourceKind } from '../../../shared/scim';
import { columnsOf, type Column } from './columns';
import type { SortDir } from './table';

export type ViewId = 'Users' | 'Groups' | 'Capabilities' | 'RequestLog' | `feature:${string}`;

export interface UiState {
  view: ViewId;
  detail: { kind: ResourceKind; id: string } | null;
  checked: Set<string>;
  search: Record<ResourceKind, string>;
  sort: Record<ResourceKind, { column: Column; dir: SortDir } | null>;
  columns: Record<ResourceKind, Column[]>;
  cursor: Record<ResourceKind, number>;
  setView(view: ViewId): void;
  open(kind: ResourceKind, id: string): void;
  close(): void;
  toggleChecked(id: string): void;
  setChecked(ids: Iterable<string>): void;
  setSearch(kind: ResourceKind, q: string): void;
  toggleSort(kind: ResourceKind, column: Column): void;
  toggleColumn(kind: ResourceKind, column: Column): void;
  setCursor(kind: ResourceKind, row: number): void;
}

export function createUiStore(): StoreApi<UiState> {
  return createStore<UiState>()((set, get) => ({
    view: 'Users',
    detail: null,
    checked: new Set(),
    search: { Users: '', Groups: '' },
    sort: { Users: null, Groups: null },
    columns: { Users: [...columnsOf('Users')], Groups: [...columnsOf('Groups')] },
    cursor: { Users: 0, Groups: 0 },
    setView: (view) => set({ view }),
    open: (kind, id) => set({ detail: { kind, id }, view: get().view.startsWith('feature:') ? kind : get().view }),
    close: () => set({ detail: null }),
    toggleChecked: (id) => {
      const checked = new Set(get().checked);
      if (checked.has(id)) checked.delete(id);
      else checked.add(id);
      set({ checked });
    },
    setChecked: (ids) => set({ checked: new Set(ids) }),
    setSearch: (kind, q) => set({ search: { ...get().search, [kind]: q }, cursor: { ...get().cursor, [kind]: 0 } }),
    toggleSort: (kind, column) => {
      const cur = get().sort[kind];
      const next = cur?.column !== column ? { column, dir: 'asc' as const } : cur.dir === 'asc' ? { column, dir: 'desc' as const } : null;
      set({ sort: { ...get().sort, [kind]: next } });
    },
    toggleColumn: (kind, column) => {
      const cols = get().columns[kind];
      const next = cols.includes(column) ? cols.filter((c) => c !== column) : columnsOf(kind).filter((c) => c === column || cols.includes(c));
      if (next.length > 0) set({ columns: { ...get().columns, [kind]: next } });
    },
    setCursor: (kind, row) => set({ cursor: { ...get().cursor, [kind]: Math.max(0, row) } }),
  }));
}

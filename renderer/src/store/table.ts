// A columnar, id-indexed table of loaded resources: one string array per column, a lower-cased
// search string per row built incrementally as pages arrive, and views (search + sort) computed
// from those arrays. Nothing here recomputes the whole table per keystroke: a longer query only
// narrows the previous match, and a sort order is computed once per sort change.

import type { ResourceKind, ScimResource } from '../../../shared/scim';
import { cellText, columnsOf, SEARCHED, type Column } from './columns';

export type SortDir = 'asc' | 'desc';

export class ResourceTable {
  readonly ids: string[] = [];
  readonly resources: ScimResource[] = [];
  readonly rowOf = new Map<string, number>();
  readonly cols = new Map<Column, string[]>();
  readonly search: string[] = [];
  /** Bumped on every change, so memoised views know when they are stale. */
  version = 0;

  constructor(readonly kind: ResourceKind) {
    for (const c of columnsOf(kind)) this.cols.set(c, []);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Adds a page; a resource already loaded (same id) is replaced in place. */
  append(resources: readonly ScimResource[]): void {
    for (const r of resources) this.put(r);
    this.version += 1;
  }

  put(resource: ScimResource): void {
    const existing = this.rowOf.get(resource.id);
    const row = existing ?? this.ids.length;
    if (existing === undefined) {
      this.ids.push(resource.id);
      this.rowOf.set(resource.id, row);
    }
    this.resources[row] = resource;
    for (const [col, values] of this.cols) values[row] = cellText(resource, col);
    this.search[row] = SEARCHED[this.kind].map((c) => this.cols.get(c)?.[row] ?? '').join('\u0001').toLowerCase();
  }

  /**
   * Drops rows (resources verified deleted) in one compaction pass, so removing a bulk run's
   * thousands of users from 100k rows is one walk, not one per id.
   */
  remove(ids: ReadonlySet<string>): void {
    let to = 0;
    for (let from = 0; from < this.ids.length; from++) {
      const id = this.ids[from] as string;
      if (ids.has(id)) {
        this.rowOf.delete(id);
        continue;
      }
      if (to !== from) {
        this.ids[to] = id;
        this.resources[to] = this.resources[from] as ScimResource;
        this.search[to] = this.search[from] as string;
        for (const values of this.cols.values()) values[to] = values[from] as string;
        this.rowOf.set(id, to);
      }
      to++;
    }
    this.ids.length = to;
    this.resources.length = to;
    this.search.length = to;
    for (const values of this.cols.values()) values.length = to;
    this.version += 1;
  }

  /** Sets one cell (e.g. a user's groups resolved from group members). */
  setCell(row: number, column: Column, value: string): void {
    const values = this.cols.get(column);
    if (values && row < this.ids.length) values[row] = value;
  }

  cell(row: number, column: Column): string {
    return this.cols.get(column)?.[row] ?? '';
  }

  get(id: string): ScimResource | undefined {
    const row = this.rowOf.get(id);
    return row === undefined ? undefined : this.resources[row];
  }

  /** Row numbers ordered by a column (computed once per sort change). */
  sortOrder(column: Column, dir: SortDir): Int32Array {
    const values = this.cols.get(column) ?? [];
    const keys = values.map((v) => v.toLowerCase());
    const order = Int32Array.from({ length: this.ids.length }, (_, i) => i);
    const sign = dir === 'asc' ? 1 : -1;
    order.sort((a, b) => {
      const x = keys[a] ?? '';
      const y = keys[b] ?? '';
      return x < y ? -sign : x > y ? sign : a - b;
    });
    return order;
  }
}

/**
 * Remembers the results of the queries typed since the data or the order last changed, so a
 * longer query narrows its longest cached prefix and Backspace returns a cached result instead of
 * rescanning every row.
 */
export class SearchCursor {
  private key: { version: number; order: Int32Array | null; size: number } | null = null;
  private cache = new Map<string, Int32Array>();

  view(table: ResourceTable, query: string, order: Int32Array | null): Int32Array {
    const q = query.trim().toLowerCase();
    const k = this.key;
    if (!k || k.version !== table.version || k.order !== order || k.size !== table.size) {
      this.key = { version: table.version, order, size: table.size };
      this.cache = new Map([['', allRows(table.size, order)]]);
    }
    const hit = this.cache.get(q);
    if (hit) return hit;
    let base = this.cache.get('') as Int32Array;
    for (let n = q.length - 1; n > 0; n--) {
      const prefix = this.cache.get(q.slice(0, n));
      if (prefix) {
        base = prefix;
        break;
      }
    }
    const rows = narrow(table.search, base, q);
    // A handful of entries is all typing needs; a long session must not hoard 100k-row arrays.
    if (this.cache.size > 32) this.cache = new Map([['', this.cache.get('') as Int32Array]]);
    this.cache.set(q, rows);
    return rows;
  }
}

/** Every row: in the given order, then any rows that arrived after the order was computed. */
function allRows(size: number, order: Int32Array | null): Int32Array {
  // An order computed before rows were removed may name rows that no longer exist.
  if (order && order.length > size) order = order.filter((row) => row < size);
  if (order && order.length === size) return order;
  const out = new Int32Array(size);
  const from = order ? Math.min(order.length, size) : 0;
  if (order) out.set(order.subarray(0, from));
  for (let i = from; i < size; i++) out[i] = i;
  return out;
}

function narrow(search: readonly string[], candidates: Int32Array, q: string): Int32Array {
  const out = new Int32Array(candidates.length);
  let n = 0;
  for (let i = 0; i < candidates.length; i++) {
    const row = candidates[i] as number;
    if ((search[row] as string).includes(q)) out[n++] = row;
  }
  return out.slice(0, n);
}

// The views of one index: a base order per sort (the listing's order, or sorted by a column, with
// rows that arrived since the last sort following the sorted ones while the listing streams), and
// per quick-search query an Evaluation and a Walk. A window of rows by position is answered from
// what is known within a small time budget; the caller asks again while it is not exact. Results
// are kept per query, so a longer query narrows a shorter one and Backspace finds its result.

import type { ColumnId } from '../../../shared/columns';
import { Evaluation, Walk } from './evaluation';
import { queryBytes } from './search-text';
import { patchOrder, sortRows, type CellSource } from './sort-order';
import type { TableIndex } from './table-index';

export interface Sort {
  column: ColumnId;
  dir: 'asc' | 'desc';
}

export interface ViewQuery {
  search: string;
  sort: Sort | null;
}

export interface Window {
  /** Rows (row numbers) from position `from` on. */
  rows: Int32Array;
  /** Rows in the view: all of them when exact, else those found so far. */
  total: number;
  exact: boolean;
}

const KEEP_EVALUATIONS = 32;
/** Work is done in steps this long, between which it re-decides between scanning and walking. */
const STEP_MS = 2;
const KEEP_WALKS = 8;
/** While a listing streams in, a sorted base is re-sorted at most this often (or 4x its cost). */
const RESORT_MS = 1000;
/** Above this many rows to place, a new sort is cheaper than placing each by binary search. */
const PATCH_MAX = 4096;

interface Base {
  rows: Int32Array;
  length: number;
  /** Bumped whenever rows already in the base move or leave (walks over it start again). */
  generation: number;
  /** index.rows, contentVersion and changedRows.length when last brought up to date. */
  covered: number;
  content: number;
  changes: number;
  /** Rows at the last sort (the rest is a tail in arrival order); the sort's time and cost. */
  sorted: number;
  sortedAt: number;
  cost: number;
}

let generations = 0;

export class TableViews {
  private readonly bases = new Map<string, Base>();
  private readonly evaluations = new Map<string, Evaluation>();
  private readonly walks = new Map<string, Walk>();

  constructor(
    private readonly index: TableIndex,
    /** A cell as the grid shows it (the users' Groups column is computed from memberships). */
    private readonly cellOf: (row: number, column: ColumnId) => string,
    private readonly loading: () => boolean,
  ) {}

  /**
   * Rows of a view by position: works until the window is found (at most `fillMs`), then on
   * towards the exact view for up to `moreMs` (a caller polling for the count). Says what it has.
   */
  window(query: ViewQuery, from: number, count: number, fillMs: number, moreMs = 0): Window {
    const started = performance.now();
    const base = this.base(query.sort);
    const q = queryBytes(query.search);
    if (q === null) return { rows: base.rows.slice(Math.min(from, base.length), Math.min(base.length, from + count)), total: base.length, exact: true };
    const walk = this.walk(query, base, q);
    this.progress(walk, base, q, from + count, started + fillMs);
    if (moreMs > 0) this.progress(walk, base, q, Infinity, performance.now() + moreMs);
    const rows = walk.rows();
    return { rows: rows.slice(Math.min(from, rows.length), from + count), total: rows.length, exact: walk.walked >= base.length };
  }

  /** Every row of the view, in order (for selecting or exporting it): worked to the end. */
  all(query: ViewQuery): Int32Array {
    const base = this.base(query.sort);
    const q = queryBytes(query.search);
    if (q === null) return base.rows.subarray(0, base.length);
    const walk = this.walk(query, base, q);
    this.progress(walk, base, q, Infinity, Infinity);
    return walk.rows();
  }

  /**
   * The order stamp of a view's base: it changes whenever rows already in the base move or leave
   * (a sort redone, a write placed anew, a row removed), so positions read before then may name
   * other rows. Rows arriving while it holds go after the ones it had.
   */
  orderStamp(sort: Sort | null): number {
    return this.base(sort).generation;
  }

  get footprint(): number {
    let bytes = 0;
    for (const b of this.bases.values()) bytes += b.rows.byteLength;
    for (const e of this.evaluations.values()) bytes += e.bits.footprint;
    for (const w of this.walks.values()) bytes += w.footprint;
    return bytes;
  }

  private walk(query: ViewQuery, base: Base, q: Uint8Array): Walk {
    const key = `${sortKey(query.sort)}\u0000${Buffer.from(q).toString('utf8')}`;
    let walk = this.walks.get(key);
    if (!walk || walk.generation !== base.generation) walk = new Walk(base.generation);
    touch(this.walks, key, walk, KEEP_WALKS);
    return walk;
  }

  /**
   * Walks on until `want` rows are found, the base ends or `deadline`. Where matches are rare,
   * the native scan goes first (a row's text checked in JS costs ~10x a row skipped by indexOf);
   * where they are common, walking and checking rows directly finds them soonest.
   */
  private progress(walk: Walk, base: Base, q: Uint8Array, want: number, deadline: number): void {
    const evaluation = this.evaluation(q);
    const search = this.index.search;
    const matches = (row: number): boolean => evaluation.holds(search, this.index.slotOfRow(row));
    while (walk.walked < base.length && walk.length < want) {
      const step = Math.min(deadline, performance.now() + STEP_MS);
      const rare = walk.walked >= 256 && walk.length * 10 < walk.walked;
      // Towards the exact view, the scan in slot order goes first whatever the share of matches:
      // its bits let a longer query that extends this one check only these matches.
      if ((rare || want === Infinity) && evaluation.scanned < search.slots) evaluation.advance(search, step);
      walk.extend(base.rows, base.length, matches, want, step);
      if (performance.now() >= deadline) break;
    }
  }

  private evaluation(q: Uint8Array): Evaluation {
    const text = Buffer.from(q).toString('utf8');
    let evaluation = this.evaluations.get(text);
    if (!evaluation) {
      let parent: Evaluation | null = null;
      for (const e of this.evaluations.values()) {
        if (e.text !== text && text.includes(e.text) && e.scanned > 0 && (!parent || e.text.length > parent.text.length)) parent = e;
      }
      evaluation = new Evaluation(text, q, parent);
    }
    touch(this.evaluations, text, evaluation, KEEP_EVALUATIONS);
    return evaluation;
  }

  /**
   * The base order for a sort, brought up to date with the index. Rows added since the last sort
   * follow it in arrival order while a listing streams in (re-sorted at most every RESORT_MS);
   * once the listing has ended, a few new or changed rows are placed by binary search and many
   * mean a new sort, so a view is exact whenever no listing is running.
   */
  private base(sort: Sort | null): Base {
    const key = sortKey(sort);
    const index = this.index;
    const existing = this.bases.get(key);
    if (!existing) return this.replace(key, this.build(sort));
    const base = existing;
    if (base.covered < index.rows) {
      // New rows follow in arrival order (a walk over the base just continues into them).
      const need = base.length + index.rows - base.covered;
      if (need > base.rows.length) {
        const rows = new Int32Array(Math.max(need, base.rows.length * 2));
        rows.set(base.rows.subarray(0, base.length));
        base.rows = rows;
      }
      for (let row = base.covered; row < index.rows; row++) if (!index.removed.get(row)) base.rows[base.length++] = row;
      base.covered = index.rows;
    }
    const changed = base.content !== index.contentVersion;
    const tail = sort ? base.length - base.sorted : 0;
    if (!changed && tail === 0) return base;
    const removed = (row: number): boolean => index.removed.get(row);
    if (!sort) {
      base.rows = base.rows.subarray(0, base.length).filter((row) => !removed(row));
    } else {
      const loading = this.loading();
      if (!changed && loading && performance.now() - base.sortedAt < Math.max(RESORT_MS, 4 * base.cost)) return base;
      const moving = index.changedRows.slice(base.changes);
      for (let i = base.sorted; i < base.length; i++) moving.push(base.rows[i] as number);
      if (loading || moving.length > PATCH_MAX) return this.replace(key, this.build(sort));
      // Rows changed or went away: drop the removed ones and place changed and new rows anew.
      base.rows = patchOrder(base.rows.subarray(0, base.length), moving, removed, this.cells(sort.column), sort.dir);
    }
    base.length = base.rows.length;
    base.sorted = sort ? base.length : 0;
    base.content = index.contentVersion;
    base.changes = index.changedRows.length;
    base.generation = ++generations;
    return base;
  }

  private replace(key: string, base: Base): Base {
    this.bases.set(key, base);
    return base;
  }

  private build(sort: Sort | null): Base {
    const index = this.index;
    const natural = new Int32Array(index.size);
    let n = 0;
    for (let row = 0; row < index.rows; row++) if (!index.removed.get(row)) natural[n++] = row;
    const started = performance.now();
    const rows = sort ? sortRows(natural, this.cells(sort.column), sort.dir) : natural;
    return {
      rows,
      length: rows.length,
      generation: ++generations,
      covered: index.rows,
      content: index.contentVersion,
      changes: index.changedRows.length,
      sorted: sort ? rows.length : 0,
      sortedAt: performance.now(),
      cost: performance.now() - started,
    };
  }

  private cells(column: ColumnId): CellSource {
    if (this.index.kind === 'Users' && column === 'groups') return (row) => this.cellOf(row, column);
    return this.index.cellSource(column);
  }
}

function sortKey(sort: Sort | null): string {
  return sort ? `${sort.column}:${sort.dir}` : '';
}

/** Puts an entry last (most recent) and drops the oldest beyond `keep`. */
function touch<V>(map: Map<string, V>, key: string, value: V, keep: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > keep) map.delete(map.keys().next().value as string);
}

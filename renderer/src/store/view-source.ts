// The rows of a users or groups grid, asked from main's index a block at a time (issue 15, the
// explorer at 1M): the renderer holds the blocks around what is on screen, never the listing.
// A change of listing, search, sort or data starts a new generation; the rows of the previous one
// stay on screen until the first block of the new one arrives, so the grid never shows a mix.
// While main's total is not exact (a rare match over a million rows), it is asked again.
// A new query (each keystroke of a search) asks only the blocks on screen; the blocks around them
// and the exact total are asked after its rows have painted, so they never compete with the rows
// the admin waits for (nor with the next keystroke's) on the wire or in main.
// A failed read is the snapshot's `error` (the page shows it with Retry), never silent placeholders.

import type { InspectorApi, Result } from '../../../shared/channels';
import { toAppError, type AppError } from '../../../shared/errors';
import type { TableRow, TableSort } from '../../../shared/channels/table';
import type { ResourceKind } from '../../../shared/scim';
import { MAX_PARTS, type SelectionPart, type TableSelection } from '../../../shared/selection';

export const BLOCK = 100;
/** Blocks asked ahead of those on screen in the direction of scrolling (one behind). */
const AHEAD = 3;
/** Blocks kept per generation beyond those on screen (scrolling back is instant within them). */
const KEEP_BLOCKS = 40;

export interface ViewQuery {
  listId: string | null;
  search: string;
  sort: TableSort | null;
  /** The listing's data tick: rows changed in main (pages, writes). */
  tick: number;
  /** The extra attribute columns shown (SCIM paths): their cells come with each row. */
  attributes: readonly string[];
  /** The selection's parts (rows then say which part covers them: see shared/selection.ts). */
  selection?: TableSelection | null;
}

export interface ViewSnapshot {
  /** Rows in the view (all of them when exact, else found so far). */
  total: number;
  exact: boolean;
  /** Rows the listing holds. */
  size: number;
  /** The query whose rows are on screen (null: none yet). */
  shown: ViewQuery | null;
  /** The last failure reading rows or ids from main (shown to the user); the next success clears it. */
  error: AppError | null;
  /** The error is a failed read of rows or of the total: retry() asks again. */
  retryable: boolean;
  version: number;
}

export class ViewSource {
  private query: ViewQuery = { listId: null, search: '', sort: null, tick: 0, attributes: [], selection: null };
  private generation = 0;
  private shownGeneration = -1;
  /** The generation whose rows have painted: only then are blocks beside them asked (afterShown). */
  private paintedGeneration = -1;
  private blocks = new Map<number, TableRow[]>();
  private fresh = new Map<number, TableRow[]>();
  private asked = new Set<number>();
  private polling = false;
  /** Blocks whose read failed in this generation: not asked again until retry() or a new query. */
  private failed = new Set<number>();
  private rowsError: AppError | null = null;
  private idsError: AppError | null = null;
  private visible: [number, number] = [0, BLOCK];
  private listeners = new Set<() => void>();
  /** A notification went out in this animation frame; `pending`: another waits for the next. */
  private frameBusy = false;
  /** This view's name for main (see ViewTurn): its calls yield only to its own newer generations. */
  private readonly viewId = `v${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;
  private pending = false;
  snapshot: ViewSnapshot = { total: 0, exact: false, size: 0, shown: null, error: null, retryable: false, version: 0 };

  constructor(
    private readonly api: InspectorApi,
    private readonly profileId: string,
    private readonly kind: ResourceKind,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ViewSnapshot => this.snapshot;

  /** The current query; a change starts a new generation and asks for the rows on screen. */
  setQuery(query: ViewQuery): void {
    const q = this.query;
    if (q.listId === query.listId && q.search === query.search && q.tick === query.tick && sortKey(q.sort) === sortKey(query.sort) && q.attributes.join('\n') === query.attributes.join('\n') && q.selection?.parts === query.selection?.parts) return;
    this.query = query;
    this.generation += 1;
    this.fresh = new Map();
    this.asked = new Set();
    this.failed = new Set();
    this.polling = false;
    this.need(this.visible[0], this.visible[1]);
  }

  /** Asks again what failed (the error's Retry). */
  retry(): void {
    this.failed = new Set();
    this.polling = false;
    this.setError('rows', null);
    this.need(this.visible[0], this.visible[1]);
    if (this.shownGeneration === this.generation && !this.snapshot.exact) void this.poll(this.generation);
  }

  /** The row at a position of the view on screen, or undefined while its block is on its way. */
  row(index: number): TableRow | undefined {
    return this.blocks.get(Math.floor(index / BLOCK))?.[index % BLOCK];
  }

  /** Positions [from, to) are on screen: asks for the blocks holding them. */
  need(from: number, to: number): void {
    const down = from >= this.visible[0];
    this.visible = [from, to];
    if (this.query.listId === null) return;
    const first = Math.floor(from / BLOCK);
    const last = Math.max(first, Math.floor((Math.max(from, to) - 1) / BLOCK));
    const wanted = (b: number): boolean => !this.fresh.has(b) && !this.asked.has(b) && !this.failed.has(b);
    for (let b = first; b <= last; b++) if (wanted(b)) void this.fetch(b);
    // Not yet for a query whose rows have not painted (see afterShown): the grid calls this on
    // every publish, and blocks asked in that task delayed the frame that paints the rows.
    if (this.paintedGeneration !== this.generation) return;
    // Then the blocks on either side, AHEAD of them in the direction of scrolling: a block lasts
    // ~12 frames of a brisk scroll, less than a loaded machine's round trip to main.
    const end = Math.ceil(this.snapshot.total / BLOCK);
    const around: number[] = [];
    for (let k = 1; k <= AHEAD; k++) around.push(down ? last + k : first - k);
    around.push(down ? first - 1 : last + 1);
    for (const b of around) if (b >= 0 && b < end && wanted(b)) void this.fetch(b);
  }

  /**
   * A part of a selection read by main from this view: positions [from, to), or the whole view
   * (to null; select all, Ctrl+A), selecting or unselecting (value). The ids stay in main. Null
   * when main could not read it: the failure is then the snapshot's `error`, which the page
   * shows, never an unhandled rejection.
   */
  async select(from: number, to: number | null, value: boolean, selection: TableSelection): Promise<{ listId: string; part: SelectionPart; restart: boolean } | null> {
    const { listId, search, sort } = this.query;
    if (listId === null) return null;
    try {
      if (selection.listId === listId && selection.parts.length >= MAX_PARTS) throw new Error(`A selection holds at most ${MAX_PARTS} ranges; clear it and select again (Select all takes one).`);
      const joins = selection.parts.length > 0 ? { ...selection, overrides: [] } : null;
      const r = await this.api.table.selectPart({ profileId: this.profileId, kind: this.kind, listId, search, sort, from, to, value, selection: joins });
      if (!r.ok) throw r.error;
      this.setError('ids', null);
      return { listId, part: r.value.part, restart: r.value.stale !== null };
    } catch (error) {
      this.setError('ids', { ...toAppError(error), message: `Could not select the rows: ${toAppError(error).message}` });
      return null;
    }
  }

  /** Rows [from, from + count) of the current view with every cell (exports). */
  async rows(from: number, count: number): Promise<{ rows: TableRow[]; total: number; exact: boolean }> {
    const { listId, search, sort, attributes } = this.query;
    if (listId === null) return { rows: [], total: 0, exact: true };
    const r = await this.api.table.window({ profileId: this.profileId, kind: this.kind, listId, search, sort, from, count, exact: true, attributes: [...attributes] });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }

  private async fetch(block: number): Promise<void> {
    const generation = this.generation;
    const { listId, search, sort, attributes, selection } = this.query;
    if (listId === null) return;
    this.asked.add(block);
    const marks = selection && selection.parts.length > 0 ? { selection: { ...selection, overrides: [] } } : {};
    const turn = { view: this.viewId, generation };
    const r = await settle(this.api.table.window({ profileId: this.profileId, kind: this.kind, listId, search, sort, from: block * BLOCK, count: BLOCK, exact: false, attributes: [...attributes], turn, ...marks }));
    if (generation !== this.generation) return;
    this.asked.delete(block);
    if (!r.ok) {
      this.failed.add(block);
      this.setError('rows', { ...r.error, message: `Could not read the rows: ${r.error.message}` });
      return;
    }
    const w = r.value;
    // Main has not begun this listing yet (calls can overtake it): the next page's tick asks again.
    if (w.size === 0 && w.loading) return;
    this.fresh.set(block, w.rows);
    const first = this.shownGeneration !== generation;
    if (first) {
      // The first block of a new generation replaces everything on screen at once.
      this.shownGeneration = generation;
      this.blocks = this.fresh;
    } else {
      this.prune();
    }
    if (this.failed.size === 0) this.rowsError = null;
    this.publish(w.total, w.exact, w.size);
    if (first) this.afterShown(generation);
    else if (!w.exact) void this.poll(generation);
  }

  /** Once a new query's rows have painted: the blocks around them, and its exact total. */
  private afterShown(generation: number): void {
    afterPaint(() => {
      if (generation !== this.generation) return;
      this.paintedGeneration = generation;
      this.need(this.visible[0], this.visible[1]);
      if (!this.snapshot.exact) void this.poll(generation);
    });
  }

  /** Asks main to work on towards the exact total, until it has it (or the query changes). */
  private async poll(generation: number): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    const { listId, search, sort } = this.query;
    let found = -1;
    while (generation === this.generation && listId !== null) {
      const r = await settle(this.api.table.window({ profileId: this.profileId, kind: this.kind, listId, search, sort, from: 0, count: 0, exact: true, attributes: [], turn: { view: this.viewId, generation } }));
      if (generation !== this.generation) return;
      if (!r.ok) {
        // Stays marked as polling: retry() asks again.
        this.setError('rows', { ...r.error, message: `Could not count the rows: ${r.error.message}` });
        return;
      }
      this.publish(r.value.total, r.value.exact, r.value.size);
      if (r.value.exact) break;
      if (r.value.total === found) {
        // No progress: main stopped this call for another query. Calls name their view and
        // generation (turn), so only a newer query of this view should; asking the rows on screen
        // again makes this query main's latest whatever happened (else: a busy loop).
        const b = Math.floor(this.visible[0] / BLOCK);
        if (!this.asked.has(b)) await this.fetch(b);
        if (generation !== this.generation) return;
      }
      found = r.value.total;
      // A block that came back short may fill up with the rows found since: asked again.
      for (const [b, rows] of this.fresh) if (rows.length < BLOCK && !this.asked.has(b)) void this.fetch(b);
    }
    if (generation === this.generation) this.polling = false;
  }

  private prune(): void {
    if (this.fresh.size <= KEEP_BLOCKS) return;
    const centre = Math.floor(this.visible[0] / BLOCK);
    const far = [...this.fresh.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const b of far.slice(0, this.fresh.size - KEEP_BLOCKS)) this.fresh.delete(b);
  }

  private publish(total: number, exact: boolean, size: number): void {
    this.snapshot = { total, exact, size, shown: this.query, error: this.rowsError ?? this.idsError, retryable: this.rowsError !== null, version: this.snapshot.version + 1 };
    this.notify();
  }

  /**
   * Tells the subscribers (the grid renders) at most once per animation frame: the first change
   * in a frame at once (a keystroke's rows are never held back), any later ones together after
   * the next paint, never inside a frame (a scroll frame's budget is the grid's own). The snapshot
   * itself is always current, so a render in between reads it whole.
   */
  private notify(): void {
    if (this.frameBusy) {
      this.pending = true;
      return;
    }
    this.frameBusy = true;
    for (const l of this.listeners) l();
    afterPaint(() => {
      this.frameBusy = false;
      if (!this.pending) return;
      this.pending = false;
      this.notify();
    });
  }

  /** A read's failure (or its success: null), kept apart so rows read fine do not hide an ids failure. */
  private setError(what: 'rows' | 'ids', error: AppError | null): void {
    if (what === 'rows') this.rowsError = error;
    else this.idsError = error;
    const shown = this.rowsError ?? this.idsError;
    if (shown === this.snapshot.error) return;
    this.snapshot = { ...this.snapshot, error: shown, retryable: this.rowsError !== null, version: this.snapshot.version + 1 };
    this.notify();
  }
}

/** A call's answer, a rejected call (a lost browser-mode connection) as an error answer. */
async function settle<T>(call: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call;
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}

/** Runs `work` after the next paint (in a test without frames, on the next task). */
function afterPaint(work: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(work, 0));
  else setTimeout(work, 0);
}

function sortKey(sort: TableSort | null): string {
  return sort ? `${sort.column}:${sort.dir}` : '';
}

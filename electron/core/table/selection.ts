// A table selection (shared/selection.ts) resolved against main's index of the listing: which rows
// it selects, how many, and whether it still names the rows the admin selected. A part is read at
// a stamp of the index; when the index changed since (a verified write, a row removed, the view's
// order redone, a newer listing), resolving refuses with what changed instead of acting on other
// rows. Rows arriving after a part was read are not in it (it selected what the index held).

import type { SelectionCount, SelectionOverride, SelectionPart, TableSelection } from '../../../shared/selection';
import { InspectorError } from '../../../shared/errors';
import type { HeldTable } from './profile-tables';

/** The stamp a part read now carries: the index's content, and for a range the view's order. */
export function stampOf(held: HeldTable, part: Pick<SelectionPart, 'sort' | 'to'>): string {
  const content = held.index.contentVersion;
  return part.to === null ? `${content}` : `${content}.${held.views.orderStamp(part.sort)}`;
}

/** The rows a part covers, as row numbers, in the view's order. */
export function partRows(held: HeldTable, part: Pick<SelectionPart, 'search' | 'sort' | 'from' | 'to' | 'rows'>): Int32Array {
  const view = held.views.all({ search: part.search, sort: part.sort });
  if (part.to !== null) return view.subarray(Math.min(part.from, view.length), Math.min(part.to, view.length));
  return part.rows >= held.index.rows ? view : view.filter((row) => row < part.rows);
}

export interface Resolved {
  /** Per row: 1 + the position of the last part covering it (0: none). */
  last: Uint8Array;
  /** Toggled rows held by the index, by row. */
  overrides: Map<number, SelectionOverride>;
  /** Ids toggled on that the listing does not hold. */
  missing: number;
  selected(row: number): boolean;
}

const noun = (s: TableSelection): string => (s.kind === 'Users' ? 'users' : 'groups');

/** Why a selection's parts no longer name the rows selected, or null. */
export function staleness(held: HeldTable | null, s: TableSelection): string | null {
  if (s.parts.length === 0) return null;
  const again = `Clear the selection and select again; nothing was done.`;
  if (!held || held.listId !== s.listId) return `The ${noun(s)} were listed again (Reload or a new filter) since they were selected, so the selection may no longer name the same ${noun(s)}. ${again}`;
  for (const part of s.parts) {
    if (part.stamp === stampOf(held, part)) continue;
    const content = part.stamp.split('.')[0];
    const why = content !== `${held.index.contentVersion}` ? 'a write changed or removed some of them' : 'the rows of the view moved (sorted again as more rows loaded)';
    return `The ${noun(s)} table changed since the rows were selected (${why}), so the selection may no longer name the same ${noun(s)}. ${again}`;
  }
  return null;
}

const cache = new WeakMap<HeldTable, { key: string; version: number; last: Uint8Array }>();

/** Per row, the last part covering it (cached per listing for the parts and index version). */
function lastParts(held: HeldTable, parts: readonly SelectionPart[]): Uint8Array {
  const key = JSON.stringify(parts);
  const hit = cache.get(held);
  if (hit && hit.key === key && hit.version === held.index.version) return hit.last;
  const last = new Uint8Array(held.index.rows);
  parts.forEach((part, i) => {
    for (const row of partRows(held, part)) last[row] = i + 1;
  });
  cache.set(held, { key, version: held.index.version, last });
  return last;
}

/** Resolves a selection; throws a 'conflict' error saying what changed when it is stale. */
export function resolveSelection(held: HeldTable | null, s: TableSelection): Resolved {
  const stale = staleness(held, s);
  if (stale) throw new InspectorError('conflict', stale, { listId: s.listId });
  const last = held ? lastParts(held, s.parts) : new Uint8Array(0);
  const overrides = new Map<number, SelectionOverride>();
  let missing = 0;
  for (const o of s.overrides) {
    const row = held ? held.index.rowOf(o.id) : -1;
    if (row === -1) missing += o.value ? 1 : 0;
    else overrides.set(row, o);
  }
  const parts = s.parts;
  const selected = (row: number): boolean => {
    const part = (last[row] ?? 0) - 1;
    const o = overrides.get(row);
    if (o && o.after > part) return o.value;
    return part >= 0 && parts[part]?.value === true;
  };
  return { last, overrides, missing, selected };
}

/** The selected rows in row (arrival) order from `after` on, at most `count` of them. */
export function selectedRows(held: HeldTable, resolved: Resolved, after: number, count: number): { rows: number[]; next: number | null } {
  const rows: number[] = [];
  const index = held.index;
  let row = after;
  for (; row < index.rows && rows.length < count; row++) if (!index.removed.get(row) && resolved.selected(row)) rows.push(row);
  return { rows, next: row < index.rows ? row : null };
}

/**
 * How many rows a selection selects (and how many of them a view's search matches): one pass over
 * the parts' per-row byte, then the toggled rows adjusted one by one, so a count of 1M rows costs
 * a few milliseconds of main's time, not a call per row.
 */
export function countSelection(held: HeldTable | null, s: TableSelection, search: string | null): SelectionCount {
  const stale = staleness(held, s);
  if (stale) return { count: null, inView: null, stale, missing: 0 };
  const resolved = resolveSelection(held, s);
  if (!held) return { count: 0, inView: search === null ? null : 0, stale: null, missing: resolved.missing };
  const values = s.parts.map((p) => p.value);
  const byParts = (row: number): boolean => {
    const k = resolved.last[row] ?? 0;
    return k !== 0 && values[k - 1] === true;
  };
  // Parts cover live rows only (a removal since makes the selection stale).
  let count = 0;
  const last = resolved.last;
  for (let row = 0; row < last.length; row++) {
    const k = last[row] as number;
    if (k !== 0 && values[k - 1] === true) count++;
  }
  for (const row of resolved.overrides.keys()) count += Number(resolved.selected(row)) - Number(byParts(row));
  let inView: number | null = null;
  if (search !== null) {
    if (search.trim() === '') {
      inView = count;
    } else {
      inView = 0;
      const check = resolved.overrides.size === 0 ? byParts : resolved.selected;
      for (const row of held.views.all({ search, sort: null })) if (check(row)) inView++;
    }
  }
  return { count, inView, stale: null, missing: resolved.missing };
}

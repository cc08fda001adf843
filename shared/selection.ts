// A table's selection as a description main resolves from its index (issue 15, the explorer at
// 1M): the renderer never holds the ids of "select all". A selection is
// - parts, in order: "positions [from, to) of the view (search, sort) of listing L" (a shift-click
//   range) or "every row of that view" (to: null; select all, Ctrl+A), each selecting or
//   unselecting, and each stamped with the state of main's index it was read at (`stamp`, `rows`);
// - overrides: rows toggled one by one (the exceptions), each with `after`, the number of parts
//   made before it, so a later part covering the row wins over it and an earlier one loses.
// With no parts it is an explicit id set (a few rows checked by hand), valid across listings.
// Main resolves it against its index and refuses, saying so, when the index changed since a part
// was read (a write, a reload, a new listing): the rows would no longer be the ones selected.

import { oneOf, record, requiredString } from './channel-guards';
import { columnsOf } from './columns';
import { isAttributePath } from './attribute-columns';
import { InspectorError } from './errors';
import type { ResourceKind } from './scim';

/** Parts per selection (each shift-click range or select all adds one; Clear starts again). */
export const MAX_PARTS = 64;
/** Rows toggled one by one. */
export const MAX_OVERRIDES = 100_000;
const LIST_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_SEARCH = 256;

export interface SelectionSort {
  column: string;
  dir: 'asc' | 'desc';
}

export interface SelectionPart {
  search: string;
  sort: SelectionSort | null;
  from: number;
  /** null: every row of the view (as the index held it: rows arrived since are not included). */
  to: number | null;
  value: boolean;
  /** Main's stamp of the index (and, for a range, of the view's order) when the part was read. */
  stamp: string;
  /** Rows the index held then (a row numbered from here on arrived later). */
  rows: number;
}

export interface SelectionOverride {
  id: string;
  value: boolean;
  /** Parts made before this toggle: parts with a lower position lose to it, later ones win. */
  after: number;
}

export interface TableSelection {
  kind: ResourceKind;
  /** The listing the parts were read from (null: no parts). */
  listId: string | null;
  parts: SelectionPart[];
  overrides: SelectionOverride[];
}

/** What main proves of a selection. */
export interface SelectionCount {
  /** Rows selected, as main's index holds them; null when stale. */
  count: number | null;
  /** Of those, rows in the view asked about (search); null when stale or not asked. */
  inView: number | null;
  /** Why the selection no longer names the rows selected (null: it does). */
  stale: string | null;
  /** Ids checked by hand that the listing does not hold (left out of the count). */
  missing: number;
}

export const emptySelection = (kind: ResourceKind): TableSelection => ({ kind, listId: null, parts: [], overrides: [] });

/** Whether a selection selects anything at all (before main's count). */
export function isEmptySelection(s: TableSelection): boolean {
  return s.parts.every((p) => !p.value) && s.overrides.every((o) => !o.value);
}

/**
 * Whether a row is selected, given `part`: the position of the last part covering it (main says,
 * per row of a window), -1 for none.
 */
export function isSelected(s: TableSelection, id: string, part: number, override?: SelectionOverride): boolean {
  const o = override ?? s.overrides.find((x) => x.id === id);
  if (o && o.after > part) return o.value;
  return part >= 0 && s.parts[part]?.value === true;
}

/** The selection with one row toggled to `value`. */
export function withOverride(s: TableSelection, id: string, value: boolean): TableSelection {
  return { ...s, overrides: [...s.overrides.filter((o) => o.id !== id), { id, value, after: s.parts.length }] };
}

/**
 * The selection with a part added. A part of another listing, or joining a selection main said is
 * stale (`restart`), starts the selection again: the earlier parts no longer name their rows.
 */
export function withPart(s: TableSelection, listId: string, part: SelectionPart, restart = false): TableSelection {
  if (restart || (s.listId !== null && s.listId !== listId)) return { ...s, listId, parts: [part], overrides: [] };
  if (s.parts.length >= MAX_PARTS) throw new InspectorError('invalid-input', `A selection holds at most ${MAX_PARTS} ranges; clear it and select again (Select all takes one).`);
  return { ...s, listId, parts: [...s.parts, part] };
}

function sortOf(value: unknown, kind: ResourceKind, field: string): SelectionSort | null {
  if (value === undefined || value === null) return null;
  const s = record(value, field);
  const column = s.column;
  if (typeof column !== 'string' || !((columnsOf(kind) as readonly string[]).includes(column) || isAttributePath(kind, column))) {
    throw new InspectorError('invalid-input', `The request field "${field}.column" must name a column of the table or an attribute path.`, { field: `${field}.column` });
  }
  return { column, dir: oneOf(s.dir, ['asc', 'desc'] as const, `${field}.dir`) ?? 'asc' };
}

const count = (value: unknown, field: string): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100_000_000) {
    throw new InspectorError('invalid-input', `The request field "${field}" must be a whole number from 0.`, { field });
  }
  return value;
};

/** Validates a selection arriving over IPC or HTTP. */
export function parseSelection(input: unknown, field = 'selection'): TableSelection {
  const r = record(input, field);
  const kind = oneOf(r.kind, ['Users', 'Groups'] as const, `${field}.kind`) ?? 'Users';
  const listId = r.listId === null || r.listId === undefined ? null : requiredString(r.listId, `${field}.listId`, LIST_ID);
  if (!Array.isArray(r.parts) || r.parts.length > MAX_PARTS || (r.parts.length > 0 && listId === null)) {
    throw new InspectorError('invalid-input', `The request field "${field}.parts" must be a list of at most ${MAX_PARTS} parts of one listing.`, { field: `${field}.parts` });
  }
  if (!Array.isArray(r.overrides) || r.overrides.length > MAX_OVERRIDES) {
    throw new InspectorError('invalid-input', `The request field "${field}.overrides" must be a list of at most ${MAX_OVERRIDES} rows.`, { field: `${field}.overrides` });
  }
  const parts = r.parts.map((value: unknown, i: number): SelectionPart => {
    const p = record(value, `${field}.parts[${i}]`);
    if (typeof p.search !== 'string' || p.search.length > MAX_SEARCH) throw new InspectorError('invalid-input', `The request field "${field}.parts[${i}].search" must be a string of at most ${MAX_SEARCH} characters.`);
    if (typeof p.value !== 'boolean' || typeof p.stamp !== 'string' || p.stamp.length > 64) throw new InspectorError('invalid-input', `The request field "${field}.parts[${i}]" must carry value and stamp.`);
    const from = count(p.from, `${field}.parts[${i}].from`);
    const to = p.to === null ? null : count(p.to, `${field}.parts[${i}].to`);
    return { search: p.search, sort: sortOf(p.sort, kind, `${field}.parts[${i}].sort`), from, to, value: p.value, stamp: p.stamp, rows: count(p.rows, `${field}.parts[${i}].rows`) };
  });
  const overrides = r.overrides.map((value: unknown, i: number): SelectionOverride => {
    const o = record(value, `${field}.overrides[${i}]`);
    if (typeof o.value !== 'boolean') throw new InspectorError('invalid-input', `The request field "${field}.overrides[${i}].value" must be true or false.`);
    return { id: requiredString(o.id, `${field}.overrides[${i}].id`), value: o.value, after: count(o.after, `${field}.overrides[${i}].after`) };
  });
  return { kind, listId, parts, overrides };
}

// The core functions behind shared/channels/table.ts, and the index every explorer listing fills:
// main holds each profile's users and groups listings in ProfileTables (electron/core/table), so
// the grid asks for windows of rows and never holds a million resources. Both hosts reach this
// through dispatch(); every verified write's read-back (publishChange) updates the index.

import { attributeChoices, schemaAttributePaths } from '../../../../shared/attribute-columns';
import type { HeldListing, TABLE_CHANNELS, TableRow, ViewTurn } from '../../../../shared/channels/table';
import { toAppError } from '../../../../shared/errors';
import type { ResourceKind, ScimResource } from '../../../../shared/scim';
import { onChange } from '../changes';
import type { AppContext } from '../context';
import type { FunctionsFor } from '../functions';
import { ProfileTables, type HeldTable } from '../../table/profile-tables';
import { discoveryOf } from './limits';
import type { ViewQuery, Window as ViewWindow } from '../../table/views';
import { resolveSelection, staleness } from '../../table/selection';

/** A window is found within this budget (the rest of a keystroke's 50 ms is the round trip and the paint). */
const FILL_MS = 12;
/** An `exact` call works on towards the view's total for up to this long, then says how far it got. */
const MORE_MS = 40;
/**
 * Work on a window is done in slices this long, with main's event loop free between them: a
 * newer keystroke's call is read and answered after at most one slice, never behind a whole
 * budget of an older query's work.
 */
const SLICE_MS = 3;

/** Lets main's event loop read and answer other calls (setImmediate runs after the I/O poll). */
const yieldToCalls = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The query the grid asked rows for last, per listing, for calls that name no view: work on any
 * other query yields to it. Calls that name their view (a grid) yield only to that view's newer
 * generations (`turns`): arrival order says nothing (calls on different connections overtake each
 * other), and one view's keystroke must not stop another view's count.
 */
const latestQuery = new WeakMap<HeldTable, string>();
const turns = new WeakMap<HeldTable, Map<string, number>>();
/** Views remembered per listing (each page load of the grid is a new view): the oldest go first. */
const MAX_VIEWS = 64;

/** Records a view's call; returns whether a newer generation of that view has been seen. */
function takeTurn(held: HeldTable, turn: ViewTurn): () => boolean {
  let views = turns.get(held);
  if (!views) turns.set(held, (views = new Map()));
  const seen = views.get(turn.view);
  if (seen === undefined || turn.generation > seen) {
    views.delete(turn.view);
    views.set(turn.view, turn.generation);
    if (views.size > MAX_VIEWS) views.delete(views.keys().next().value as string);
  }
  return () => (views.get(turn.view) ?? -1) > turn.generation;
}
const queryKey = (search: string, sort: { column: string; dir: string } | null): string => `${sort ? `${sort.column}:${sort.dir}` : ''}\u0000${search}`;

const registry = new WeakMap<AppContext, Map<string, ProfileTables>>();

/** The explorer tables of a profile (created on first use; verified writes update them from then on). */
export function profileTables(ctx: AppContext, profileId: string): ProfileTables {
  let profiles = registry.get(ctx);
  if (!profiles) {
    const map = new Map<string, ProfileTables>();
    registry.set(ctx, map);
    onChange(ctx, (change) => map.get(change.profileId)?.apply(change));
    profiles = map;
  }
  let tables = profiles.get(profileId);
  if (!tables) profiles.set(profileId, (tables = new ProfileTables()));
  return tables;
}

/** What a listing does with its pages: index them in main; the returned functions feed and end it. */
export function indexListing(ctx: AppContext, profileId: string, kind: ResourceKind, listId: string, filter: string | undefined) {
  const tables = profileTables(ctx, profileId);
  tables.begin(kind, listId, filter);
  return {
    page: (resources: readonly ScimResource[]): number => tables.page(listId, resources) ?? 0,
    end: (complete: boolean): void => tables.end(listId, complete),
  };
}

/** The listing a call names, or null when it has not begun here or a newer one replaced it. */
export function heldListing(ctx: AppContext, profileId: string, kind: ResourceKind, listId: string): HeldTable | null {
  const held = profileTables(ctx, profileId).table(kind);
  return held?.listId === listId ? held : null;
}

/**
 * A window found in slices of SLICE_MS, yielding between them, within FILL_MS for its rows and
 * then (exact) up to MORE_MS towards the total. The grid's call for rows makes its query the latest;
 * work on an older query (its poll for the total, its neighbour blocks) stops at the next slice
 * once a newer one has arrived, so a keystroke never queues behind the previous one's search.
 */
async function slicedWindow(held: HeldTable, query: ViewQuery, from: number, count: number, exact: boolean, turn: ViewTurn | undefined): Promise<ViewWindow> {
  const key = queryKey(query.search, query.sort);
  const newer = turn ? takeTurn(held, turn) : null;
  if (!exact && count > 0 && !newer?.()) latestQuery.set(held, key);
  const superseded = (): boolean => {
    if (newer) return newer();
    const latest = latestQuery.get(held);
    return latest !== undefined && latest !== key;
  };
  // A view's call superseded before it began (an older keystroke's, arriving late; the view has
  // moved on and drops its answer): nothing is looked at, not even a sort or a cache entry, and it
  // says so: none found yet, not exact. A caller naming no view (an export, the CLI) may ask
  // again until exact, so it always gets at least one step of progress.
  if (newer?.()) return { rows: new Int32Array(0), total: 0, exact: false };
  const started = performance.now();
  let w = held.views.window(query, from, count, superseded() ? 0 : SLICE_MS);
  // Checked after each yield too: a newer call read during it stops this one before its next slice.
  while (!w.exact && w.rows.length < count && performance.now() - started < FILL_MS && !superseded()) {
    await yieldToCalls();
    if (superseded()) return w;
    w = held.views.window(query, from, count, SLICE_MS);
  }
  if (!exact) return w;
  const until = performance.now() + MORE_MS;
  while (!w.exact && performance.now() < until && !superseded()) {
    await yieldToCalls();
    if (superseded()) return w;
    w = held.views.window(query, from, count, 0, SLICE_MS);
  }
  return w;
}

export function rowOf(tables: ProfileTables, held: HeldTable, kind: ResourceKind, row: number, attributes: readonly string[]): TableRow {
  const out: TableRow = { id: held.index.idOf(row), cells: held.index.columns.map((c) => tables.cell(kind, row, c)) };
  if (attributes.length > 0) out.attributes = attributes.map((path) => held.index.attributes.get(row, path));
  return out;
}

export const tableFunctions: FunctionsFor<typeof TABLE_CHANNELS> = {
  'table.window': async (ctx, { profileId, kind, listId, search, sort, from, count, exact, attributes, selection, turn }) => {
    const held = heldListing(ctx, profileId, kind, listId);
    // Not begun yet (the page's calls may overtake resources.list) or replaced: nothing known, said so.
    if (!held) return { listId, rows: [], total: 0, exact: false, size: 0, loading: true };
    const w = await slicedWindow(held, { search, sort }, from, count, exact, turn);
    // The listing may have been replaced while this call waited between slices.
    if (heldListing(ctx, profileId, kind, listId) !== held) return { listId, rows: [], total: 0, exact: false, size: 0, loading: true };
    const tables = profileTables(ctx, profileId);
    const rows = Array.from(w.rows, (row) => rowOf(tables, held, kind, row, attributes));
    // Which part of the selection covers each row (a stale selection covers none: the page says why).
    if (selection && selection.parts.length > 0 && count > 0 && staleness(held, selection) === null) {
      const { last } = resolveSelection(held, selection);
      w.rows.forEach((row, i) => ((rows[i] as TableRow).part = (last[row] ?? 0) - 1));
    }
    return { listId, rows, total: w.total, exact: w.exact, size: held.index.size, loading: held.loading };
  },
  'table.lookup': async (ctx, { profileId, kind, ids, attributes }) => {
    const tables = profileTables(ctx, profileId);
    const held = tables.table(kind);
    return ids.map((id) => {
      const row = held ? held.index.rowOf(id) : -1;
      return held && row !== -1 ? rowOf(tables, held, kind, row, attributes) : null;
    });
  },
  'table.absent': async (ctx, { profileId, ids }) => {
    const tables = profileTables(ctx, profileId);
    const listing = (held: HeldTable | null): HeldListing | null =>
      held && { rows: held.index.size, loading: held.loading, complete: held.complete, filtered: held.filter !== undefined };
    return { absent: tables.absent(ids), listings: { Users: listing(tables.table('Users')), Groups: listing(tables.table('Groups')) } };
  },
  'table.attributes': async (ctx, { profileId, kind }) => {
    const seen = profileTables(ctx, profileId).table(kind)?.index.attributes.seen() ?? [];
    try {
      const discovery = await discoveryOf(await ctx.sessions.session(profileId));
      return { choices: attributeChoices(schemaAttributePaths(kind, discovery.schemas, discovery.resourceTypes), seen), schemasError: null };
    } catch (error) {
      // Without /Schemas the listing's own attributes are still offered, and the reason is said.
      return { choices: attributeChoices([], seen), schemasError: `The tenant's schemas could not be read (${toAppError(error).message}); only attributes the loaded ${kind === 'Users' ? 'users' : 'groups'} carry are offered.` };
    }
  },
};

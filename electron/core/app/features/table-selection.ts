// The core functions behind shared/channels/table-selection.ts: a selection's parts are read from
// main's index of the listing and resolved there (electron/core/table/selection.ts), so "select
// all" of a million users is a description, and the count the page shows is main's.

import type { TABLE_SELECTION_CHANNELS } from '../../../../shared/channels/table-selection';
import { InspectorError } from '../../../../shared/errors';
import type { TableSelection } from '../../../../shared/selection';
import type { AppContext } from '../context';
import type { FunctionsFor } from '../functions';
import { countSelection, partRows, resolveSelection, selectedRows, staleness, stampOf } from '../../table/selection';
import { heldListing, profileTables, rowOf } from './table';

/** The listing a selection is resolved against: its parts' listing, or the kind's current one. */
function heldFor(ctx: AppContext, profileId: string, s: TableSelection) {
  const held = profileTables(ctx, profileId).table(s.kind);
  return s.listId !== null && held?.listId !== s.listId ? null : held;
}

/**
 * The ids a selection selects, in the listing's order (bulk actions): refused, saying why, when
 * the selection is stale; an id checked by hand that the listing does not hold is passed on too
 * (the action then says it was not found).
 */
export function selectionIds(ctx: AppContext, profileId: string, s: TableSelection): string[] {
  const held = heldFor(ctx, profileId, s);
  const resolved = resolveSelection(held, s);
  const ids: string[] = [];
  if (held) for (const row of selectedRows(held, resolved, 0, Infinity).rows) ids.push(held.index.idOf(row));
  for (const o of s.overrides) if (o.value && (!held || held.index.rowOf(o.id) === -1)) ids.push(o.id);
  if (ids.length === 0) throw new InspectorError('invalid-input', `The selection holds no ${s.kind === 'Users' ? 'users' : 'groups'} the listing holds; select some first.`);
  return ids;
}

export const tableSelectionFunctions: FunctionsFor<typeof TABLE_SELECTION_CHANNELS> = {
  'table.selectPart': async (ctx, { profileId, kind, listId, search, sort, from, to, value, selection }) => {
    const held = heldListing(ctx, profileId, kind, listId);
    if (!held) throw new InspectorError('conflict', 'That listing was replaced by a newer one (Reload or a new filter); select again.', { listId });
    const part = { search, sort, from, to, value, rows: held.index.rows, stamp: '' };
    part.stamp = stampOf(held, part);
    return { part, rows: partRows(held, part).length, stale: selection ? staleness(heldFor(ctx, profileId, selection), selection) : null };
  },
  'table.selection': async (ctx, { profileId, selection, search }) => countSelection(heldFor(ctx, profileId, selection), selection, search),
  'table.selected': async (ctx, { profileId, selection, after, count, idsOnly, attributes }) => {
    const held = heldFor(ctx, profileId, selection);
    const resolved = resolveSelection(held, selection);
    if (!held) return { rows: [], next: null };
    const page = selectedRows(held, resolved, after, count);
    const tables = profileTables(ctx, profileId);
    return { rows: page.rows.map((row) => (idsOnly ? { id: held.index.idOf(row), cells: [] } : rowOf(tables, held, selection.kind, row, attributes))), next: page.next };
  },
};

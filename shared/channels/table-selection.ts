// Channels of a table's selection as a description main resolves (shared/selection.ts; issue 15,
// the explorer at 1M): "select all" and shift-click ranges are parts read from main's index, the
// count shown is main's, and the rows of a selection come from main a page at a time (CSV export,
// group edits), so the renderer never holds the ids of a million selected rows.
// Implementations in electron/core/app/features/table-selection.ts.

import type { ChannelDef } from '../channel-def';
import { channel } from '../channel-def';
import { optionalInteger, record, requiredString } from '../channel-guards';
import { InspectorError } from '../errors';
import { parseSelection, type SelectionCount, type SelectionPart } from '../selection';
import { MAX_WINDOW_ROWS, TABLE_CHANNELS, type TableRow } from './table';

/** Ids per table.selected page (group edits read the ids of a selection this many at a time). */
export const SELECTED_PAGE = 5_000;

export const TABLE_SELECTION_CHANNELS = {
  /**
   * Reads a part of a selection from the view (search, sort) of a listing: positions [from, to),
   * or every row of the view (to null), stamped with the index's state; says how many rows it covers,
   * and whether the selection it joins is stale (the page then starts a new one with it).
   */
  'table.selectPart': channel<{ part: SelectionPart; rows: number; stale: string | null }>()((input) => {
    const r = record(input, 'table.selectPart');
    // The view's fields are checked as table.window checks them.
    const view = TABLE_CHANNELS['table.window'].parse({ ...r, from: 0, count: 0, attributes: undefined });
    const from = optionalInteger(r.from, 'from', 0, 100_000_000) ?? 0;
    const to = r.to === null || r.to === undefined ? null : (optionalInteger(r.to, 'to', 0, 100_000_000) ?? null);
    if (typeof r.value !== 'boolean') throw new InspectorError('invalid-input', 'The request field "value" must be true (select) or false (unselect).', { field: 'value' });
    // The selection it joins, if any: `stale` then says whether that one still names its rows.
    const selection = r.selection === undefined || r.selection === null ? null : parseSelection(r.selection);
    return { profileId: view.profileId, kind: view.kind, listId: view.listId, search: view.search, sort: view.sort, from, to: to === null ? null : Math.max(from, to), value: r.value, selection };
  }),
  /** How many rows a selection selects in main's index, and how many of them a search matches. */
  'table.selection': channel<SelectionCount>()((input) => {
    const r = record(input, 'table.selection');
    const search = r.search === undefined || r.search === null ? null : r.search;
    if (search !== null && (typeof search !== 'string' || search.length > 256)) throw new InspectorError('invalid-input', 'The request field "search" must be a string of at most 256 characters.', { field: 'search' });
    return { profileId: requiredString(r.profileId, 'profileId'), selection: parseSelection(r.selection), search };
  }),
  /** The selected rows in the listing's order from row `after` on (next: where to go on; null at the end). */
  'table.selected': channel<{ rows: TableRow[]; next: number | null }>()((input) => {
    const r = record(input, 'table.selected');
    const selection = parseSelection(r.selection);
    const attributes = TABLE_CHANNELS['table.lookup'].parse({ profileId: 'x', kind: selection.kind, ids: [], attributes: r.attributes }).attributes;
    return {
      profileId: requiredString(r.profileId, 'profileId'),
      selection,
      after: optionalInteger(r.after, 'after', 0, 100_000_000) ?? 0,
      count: optionalInteger(r.count, 'count', 1, SELECTED_PAGE) ?? MAX_WINDOW_ROWS,
      idsOnly: r.idsOnly === true,
      attributes,
    };
  }),
} satisfies Record<string, ChannelDef<unknown, unknown>>;

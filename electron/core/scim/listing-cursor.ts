// Cursor paging (RFC 9865: `cursor` / `nextCursor`). Inherently sequential: each page names the
// next. Verified by ids (no resource twice) and, when the server gives one, by the total.

import { InspectorError } from '../../../shared/errors';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import { fetchPage, type PageCheck, type PageQuery } from './listing-page';
import type { ListingState } from './listing-state';
import type { RawItems } from './raw-items';
import type { Transport } from './types';

export interface CursorPagingInput<T extends ScimResource> {
  transport: Transport;
  kind: ResourceKind;
  query: PageQuery;
  requested: number;
  signal: AbortSignal;
  state: ListingState<T>;
  /** Continue from this cursor (the index engine already read the first page); '' starts afresh. */
  cursor: string;
  /** Checks for the first page when this listing starts afresh (cursor ''). */
  firstPage?: PageCheck;
  /** Where every page registers its resources' bytes (ListOptions.rawItems). */
  raw?: RawItems;
}

const MAX_PAGES = 1_000_000;
/** Empty pages that still carry a nextCursor are tolerated a few times, not forever. */
const MAX_EMPTY_STREAK = 3;

export async function listByCursor<T extends ScimResource>(input: CursorPagingInput<T>): Promise<void> {
  const { transport, kind, query, requested, signal, state } = input;
  const used = new Set<string>();
  let cursor: string | null = input.cursor;
  let emptyStreak = 0;
  for (let i = 0; cursor !== null && i < MAX_PAGES; i += 1) {
    // '' (start afresh) is only ever the first cursor: a page's empty nextCursor reads as null.
    if (used.has(cursor)) {
      state.anomaly = true;
      state.warn('The server handed out the same cursor twice; the listing stopped to avoid looping. List again.');
      return;
    }
    used.add(cursor);
    const pages: PageCheck = input.raw ? { raw: input.raw } : {};
    const page = await fetchPage(transport, kind, { ...query, cursor, count: requested }, signal, cursor === '' ? { ...input.firstPage, ...pages } : pages);
    state.noteTotal(page.totalResults);
    const { duplicates } = state.add(page.resources);
    if (duplicates > 0) {
      state.anomaly = true;
      state.warn('The same resource came back on two cursor pages (the tenant changed during the listing). List again.');
    }
    if (state.limitReached) return;
    emptyStreak = page.resources.length === 0 ? emptyStreak + 1 : 0;
    if (emptyStreak > MAX_EMPTY_STREAK) {
      state.anomaly = true;
      state.warn('The server kept returning empty pages with a next cursor; the listing stopped there.');
      return;
    }
    cursor = page.nextCursor;
  }
  if (cursor !== null) {
    throw new InspectorError('incomplete-listing', `The server kept returning new cursor pages after ${MAX_PAGES} requests; the listing was stopped. Use a filter to narrow it.`);
  }
}

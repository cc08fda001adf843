// startIndex/count paging that verifies itself. Every page after the first starts ON the last
// resource of the page before (a one-resource overlap), so a shift between two page fetches
// (a resource added or removed mid-listing, or a server that pages inconsistently) shows up as a
// mismatch instead of a silently skipped or doubled resource. The real page size is learned from
// the first page; pages are fetched concurrently only while the reported total says where to go.

import { performance } from 'node:perf_hooks';
import { InspectorError } from '../../../shared/errors';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import type { ConcurrencyLimit } from './concurrency';
import { MAX_CONCURRENCY } from './concurrency';
import { fetchPage, type ListPage, type PageCheck, type PageQuery } from './listing-page';
import type { ListingState } from './listing-state';
import type { RawItems } from './raw-items';
import type { Transport } from './types';

export interface IndexPagingInput<T extends ScimResource> {
  transport: Transport;
  kind: ResourceKind;
  query: PageQuery;
  /** The count sent with every request. */
  requested: number;
  /** Pages fetched at once once the total is known: pinned, or adaptive (concurrency.ts). */
  concurrency: ConcurrencyLimit;
  signal: AbortSignal;
  state: ListingState<T>;
  /** Checks for the first page (it cannot be empty when discovery saw resources). */
  firstPage?: PageCheck;
  /** Where every page registers its resources' bytes (ListOptions.rawItems). */
  raw?: RawItems;
}

/** The server answered with a cursor: the caller continues with cursor paging from here. */
export type IndexResult = { next: 'done' } | { next: 'cursor'; cursor: string };

type Verdict = 'continue' | 'end' | 'resequence';

/** Hard stop for a server that never ends its list (1e6 pages is far beyond any tenant). */
const MAX_SEQUENTIAL_PAGES = 1_000_000;
/**
 * How far (in resources) the concurrent fetch may run past the page being consumed. A page held
 * back by 429 + Retry-After (1 s or more) must not idle the other slots for that long; the pages
 * fetched meanwhile are resources the result will hold anyway, so this costs order, not memory.
 * At 8 slots of 20 ms a listing fetches ~400 pages a second, so 25,000 resources (250 pages of
 * 100) ran dry after 0.6 s of a 1 s wait; 100,000 covers a couple of seconds at that pace.
 */
const RESOURCES_AHEAD = 100_000;

export async function listByIndex<T extends ScimResource>(input: IndexPagingInput<T>): Promise<IndexResult> {
  const { transport, kind, query, requested, signal, state } = input;
  const pages: PageCheck = input.raw ? { raw: input.raw } : {};
  const get = (startIndex: number): Promise<ListPage> => fetchPage(transport, kind, { ...query, startIndex, count: requested }, signal, pages);

  const first = await fetchPage(transport, kind, { ...query, startIndex: 1, count: requested }, signal, { ...input.firstPage, ...pages });
  state.noteTotal(first.totalResults);
  state.add(first.resources);
  if (first.nextCursor !== null) return { next: 'cursor', cursor: first.nextCursor };
  const n1 = first.resources.length;
  const total = first.totalResults;
  if (n1 === 0 || state.limitReached) {
    if (n1 === 0 && total !== null && total > 0) state.warn(`The server reported ${total} resources but its first page was empty.`);
    await probeHead(input);
    return { next: 'done' };
  }
  // The learned page size: what the server really gives per page, whatever count we asked for.
  const pageSize = n1;
  if (n1 > requested) state.warn(`The server ignored count=${requested} and returned ${n1} resources per page.`);
  else if (n1 < requested && total !== null && total > n1) state.warn(`The server caps pages at ${n1} (asked for ${requested}).`);
  const overlap = pageSize >= 2;
  const stride = overlap ? pageSize - 1 : pageSize;
  let prev = { start: 1, len: n1, lastId: (first.resources[n1 - 1] as ScimResource).id };

  /**
   * A page of resources already returned, where new ones (or the overlap's) were asked for: a
   * server that ignores startIndex answers so, and so does one that repeats its list past the end.
   * Only the server's own total can tell them apart: without one the listing is not complete.
   */
  const repeated = (start: number): Verdict => {
    const unchecked = state.reportedTotal === null;
    if (unchecked) state.anomaly = true;
    state.warn(`The server answered startIndex=${start} with resources it had already returned (it ignores startIndex, or repeats the list past the end); the listing stopped there${unchecked ? ', and with no totalResults to check against it cannot be called complete. Narrow the listing with a filter so that each part fits in one page' : ''}.`);
    return 'end';
  };

  const consume = (page: ListPage, start: number, isPlanned: boolean): Verdict => {
    state.noteTotal(page.totalResults);
    const items = page.resources;
    if (items.length === 0) {
      state.add([]);
      return 'end';
    }
    let fresh: readonly ScimResource[] = items;
    const allSeen = items.every((r) => state.seen.has(r.id));
    if (overlap) {
      const expectedIdx = prev.start + prev.len - 1 - start;
      // The previous page was shorter than the learned size: this page does not reach back to it.
      if (expectedIdx < 0) return 'resequence';
      if (items[expectedIdx]?.id === prev.lastId) {
        fresh = items.slice(expectedIdx + 1);
      } else if (allSeen) {
        return repeated(start);
      } else {
        state.anomaly = true;
        state.warn('Resources moved between pages while listing (the tenant changed during the listing, or the server pages inconsistently), so some may be missing. List again.');
      }
    } else if (allSeen) {
      return repeated(start);
    }
    const { duplicates } = state.add(fresh);
    if (duplicates > 0) {
      state.anomaly = true;
      state.warn('The same resource came back on two pages (the tenant changed during the listing, or the server pages inconsistently). List again.');
    }
    prev = { start, len: items.length, lastId: (items[items.length - 1] as ScimResource).id };
    if (state.limitReached) return 'end';
    if (fresh.length === 0) return 'end';
    if (items.length < pageSize) {
      const reported = state.reportedTotal;
      // A short page ends the list only when the reported total agrees exactly; a total already
      // exceeded is proven wrong and proves nothing, so then one more request decides.
      if (reported !== null && state.seen.size === reported) return 'end';
      return isPlanned ? 'resequence' : 'continue';
    }
    return 'continue';
  };

  let verdict: Verdict = 'continue';
  if (total !== null && total > n1 && input.concurrency.current > 1) {
    const plannedLast = Math.ceil((total - pageSize) / stride);
    state.pagesTotal = plannedLast + 1;
    const aheadLimit = Math.max(MAX_CONCURRENCY * 4, Math.ceil(RESOURCES_AHEAD / pageSize));
    verdict = await planned(plannedLast, (k) => 1 + k * stride, get, consume, input.concurrency, aheadLimit);
    if (verdict !== 'end') state.pagesTotal = null;
  }
  // Otherwise the next request decides: a first page shorter than asked is either the whole list
  // or the server's page cap, and a total agreeing with it can itself be capped. One request tells.
  for (let i = 0; verdict !== 'end' && i < MAX_SEQUENTIAL_PAGES; i += 1) {
    const start = prev.start + prev.len - (overlap ? 1 : 0);
    verdict = consume(await get(start), start, false);
  }
  if (verdict !== 'end') {
    throw new InspectorError('incomplete-listing', `The server kept returning new pages after ${MAX_SEQUENTIAL_PAGES} requests; the listing was stopped. Use a filter to narrow it.`);
  }
  await probeHead(input);
  return { next: 'done' };
}

/**
 * Pages 1..plannedLast at fixed starts, consumed strictly in order. At most `concurrency.current`
 * requests run at once (the limit learns from each page's latency); a page that stalls (429 +
 * Retry-After) does not idle the other slots, which keep fetching up to `aheadLimit` pages past it
 * (see RESOURCES_AHEAD).
 */
async function planned(
  plannedLast: number,
  startOf: (k: number) => number,
  get: (start: number) => Promise<ListPage>,
  consume: (page: ListPage, start: number, isPlanned: boolean) => Verdict,
  concurrency: ConcurrencyLimit,
  aheadLimit: number,
): Promise<Verdict> {
  const buffered = new Map<number, Promise<ListPage>>();
  let issued = 1;
  let running = 0;
  let consuming = 1;
  let stopped = false;
  const refill = (): void => {
    // The page being waited for is always sent, whatever the limit: a limit just halved (or a
    // slot not yet freed) must slow the listing down, not leave it waiting for a page never asked.
    while (!stopped && issued <= plannedLast && (running < concurrency.current || issued <= consuming) && issued < consuming + aheadLimit) {
      const k = issued;
      issued += 1;
      running += 1;
      const ticket = concurrency.send();
      const sentAt = performance.now();
      const loopAtSend = performance.eventLoopUtilization();
      const p = get(startOf(k));
      buffered.set(k, p);
      // Rejections are observed when the page is consumed; this only frees the slot.
      p.then(
        // The server's latency, not ours: time this process's event loop was busy (parsing and
        // writing other pages) is taken off, since the answer may have waited behind it. Without
        // this a CPU-bound client at 16 pages in flight saw its own queue as the server slowing
        // and halved itself again and again (20k users at cap 37 ended at 5 after 15 halvings).
        () => concurrency.done(ticket, performance.now() - sentAt - performance.eventLoopUtilization(loopAtSend).active, running),
        () => undefined,
      ).finally(() => {
        running -= 1;
        refill();
      });
    }
  };
  try {
    for (; consuming <= plannedLast; consuming += 1) {
      refill();
      const page = await (buffered.get(consuming) as Promise<ListPage>);
      buffered.delete(consuming);
      const verdict = consume(page, startOf(consuming), consuming < plannedLast);
      if (verdict !== 'continue') return verdict;
    }
    return 'continue';
  } finally {
    stopped = true;
    buffered.clear();
  }
}

/**
 * A server that counts startIndex from 0 answers startIndex=1 from its second resource, so its
 * first is never seen, and neither the echoed startIndex nor a wrong total reliably gives that
 * away. So every verified listing ends by asking for startIndex=0, count=1: RFC servers read it
 * as 1 (nothing new), 0-based ones return the skipped head. One small request buys certainty.
 */
async function probeHead<T extends ScimResource>(input: IndexPagingInput<T>): Promise<void> {
  const { state } = input;
  if (state.limitReached || state.anomaly) return;
  let head: ListPage;
  try {
    head = await fetchPage(input.transport, input.kind, { ...input.query, startIndex: 0, count: 1 }, input.signal, input.raw ? { raw: input.raw } : {});
  } catch (error) {
    // Servers may reject startIndex=0 outright; that only means they are not 0-based.
    if (error instanceof InspectorError && (error.code === 'invalid-input' || error.code === 'bad-response')) return;
    throw error;
  }
  const added = state.prepend(head.resources);
  if (added > 0) state.warn(`The server counts startIndex from 0 (RFC 7644 says 1); fetched the ${added} resource(s) it skipped separately.`);
}

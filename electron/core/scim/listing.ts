// listResources: the one way the product lists Users or Groups. It returns `complete: true` only
// when the engine verified it holds every resource the server has for the query; anything it had
// to work around is a warning sentence, and a filter the server ignored is applied locally.

import { setMaxListeners } from 'node:events';
import { InspectorError } from '../../../shared/errors';
import type { Capabilities, ListOutcome, ResourceKind, ScimResource } from '../../../shared/scim';
import { filterAttributes, isValidAttributePath, parseFilter, type Filter } from './filter';
import { listByCursor } from './listing-cursor';
import { listByIndex } from './listing-index';
import type { PageQuery } from './listing-page';
import { ListingState } from './listing-state';
import { ConcurrencyLimit, MAX_CONCURRENCY } from './concurrency';
import type { ListOptions, Transport } from './types';

export const DEFAULT_PAGE_SIZE = 100;

function positiveInt(value: unknown, name: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InspectorError('invalid-input', `${name} must be a whole number of at least 1 (got ${String(value)}).`);
  }
  return value;
}

function checkAttributes(names: readonly unknown[] | undefined, what: string): void {
  for (const name of names ?? []) {
    if (typeof name !== 'string' || !isValidAttributePath(name)) {
      throw new InspectorError('invalid-input', `${JSON.stringify(name)} in ${what} is not an attribute name (e.g. userName, name.familyName, emails.value).`);
    }
  }
}

function buildQuery(options: ListOptions, filter: Filter | null, sendFilter: boolean): PageQuery {
  checkAttributes(options.attributes, 'attributes');
  checkAttributes(options.excludedAttributes, 'excluded attributes');
  checkAttributes(options.sortBy === undefined ? [] : [options.sortBy], 'sortBy');
  if (options.sortOrder !== undefined && options.sortOrder !== 'ascending' && options.sortOrder !== 'descending') {
    throw new InspectorError('invalid-input', `sortOrder must be "ascending" or "descending" (got ${JSON.stringify(options.sortOrder)}).`);
  }
  const query: PageQuery = {};
  if (options.filter !== undefined && filter && sendFilter) query.filter = options.filter.trim();
  if (options.attributes && options.attributes.length > 0) {
    // The attributes a filter reads must come back, or local verification could not check them.
    const wanted = new Set([...options.attributes, ...(filter ? filterAttributes(filter) : [])]);
    query.attributes = [...wanted].join(',');
  }
  if (options.excludedAttributes && options.excludedAttributes.length > 0) {
    const needed = new Set((filter ? filterAttributes(filter) : []).map((a) => a.toLowerCase().split('.')[0]));
    const excluded = options.excludedAttributes.filter((a) => !needed.has(a.toLowerCase().split('.')[0]));
    if (excluded.length > 0) query.excludedAttributes = excluded.join(',');
  }
  if (options.sortBy) query.sortBy = options.sortBy;
  if (options.sortOrder) query.sortOrder = options.sortOrder;
  return query;
}

function cancelled(): InspectorError {
  return new InspectorError('cancelled', 'The listing was cancelled.');
}

export interface ListContext {
  capabilities?: Capabilities;
  /**
   * How many resources of this kind are known to exist (discovery's probe saw them): an unfiltered
   * listing whose first page is empty is then a server failure, retried and reported, never a
   * complete empty list.
   */
  knownToExist?: number | null;
  /** Apply the filter locally only: list everything (the server rejects it or cannot be trusted with it). */
  filterLocally?: boolean;
}

export async function listResources<T extends ScimResource>(
  transport: Transport,
  kind: ResourceKind,
  options: ListOptions & ListContext,
): Promise<ListOutcome<T>> {
  const filter = options.filter !== undefined && options.filter.trim() !== '' ? parseFilter(options.filter) : null;
  const limit = positiveInt(options.limit, 'The limit');
  let requested = positiveInt(options.pageSize, 'The page size') ?? DEFAULT_PAGE_SIZE;
  const maxPage = options.capabilities?.maxPageSize ?? null;
  if (maxPage !== null && maxPage > 0 && requested > maxPage) requested = maxPage;
  if (limit !== null && filter === null && limit < requested) requested = limit;
  const pinned = positiveInt(options.concurrency, 'The concurrency');
  const concurrency = new ConcurrencyLimit(pinned === null ? undefined : Math.min(MAX_CONCURRENCY, pinned));
  if (options.signal?.aborted) throw cancelled();

  // One controller for the whole listing: the caller's signal cancels it, and finishing aborts
  // any page still in flight (pages fetched ahead past the end, a failed sibling's neighbours).
  const controller = new AbortController();
  // Every page in flight listens on this signal (up to MAX_CONCURRENCY, plus retries and the
  // head probe); past Node's default of 10 it printed a "possible memory leak" warning into CLI
  // output. The listeners are removed as requests end: this is the real bound, not a leak.
  setMaxListeners(MAX_CONCURRENCY * 2, controller.signal);
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const state = new ListingState<T>(filter, limit, options.onPage, options.keep !== false);
  const sendsFilter = filter !== null && options.filterLocally !== true;
  const query = buildQuery(options, filter, sendsFilter);
  const known = options.knownToExist ?? 0;
  const firstPage = !sendsFilter && known > 0 ? { notEmptyBecause: `discovery saw ${known === 1 ? 'a resource' : `${known} resources`} there` } : {};
  const base = { transport: paced(transport, options.pace), kind, query, requested, signal: controller.signal, state, firstPage, ...(options.rawItems ? { raw: options.rawItems } : {}) };
  // A 429 is retried inside the transport (after its Retry-After); the log still shows it.
  const path = `/${kind}`;
  const unsubscribe = transport.log.subscribe((entry) => {
    if (entry.status === 429 && entry.method === 'GET' && new URL(entry.url).pathname.endsWith(path)) concurrency.rateLimited();
  });
  try {
    if (options.capabilities?.pagination === 'cursor') {
      await listByCursor({ ...base, cursor: '' });
    } else {
      const result = await listByIndex({ ...base, concurrency });
      if (result.next === 'cursor') await listByCursor({ ...base, cursor: result.cursor });
    }
  } catch (error) {
    if (options.signal?.aborted) throw cancelled();
    throw error;
  } finally {
    unsubscribe();
    options.signal?.removeEventListener('abort', onAbort);
    controller.abort();
  }
  return { ...outcome(state, filter !== null, limit, sendsFilter), concurrency: concurrency.report() };
}

/** The transport as the engine sees it: each request first waits for the consumer to catch up. */
function paced(transport: Transport, pace: ListOptions['pace']): Transport {
  if (!pace) return transport;
  return {
    get baseUrl() {
      return transport.baseUrl;
    },
    setBaseUrl: (next) => transport.setBaseUrl(next),
    log: transport.log,
    secrets: transport.secrets,
    describe: () => transport.describe(),
    close: () => transport.close(),
    request: async (req) => {
      await pace();
      return transport.request(req);
    },
  };
}

function outcome<T extends ScimResource>(state: ListingState<T>, filtered: boolean, limit: number | null, sentFilter: boolean): ListOutcome<T> {
  const total = state.reportedTotal;
  const listed = state.seen.size;
  let complete = !state.anomaly && !state.limitReached;
  if (total !== null && listed < total) {
    complete = false;
    if (!state.limitReached) state.warn(`The server reported ${total} resources but only ${listed} could be listed; the list is incomplete.`);
  } else if (total !== null && listed > total) {
    state.warn(`The server reported totalResults ${total} but ${listed} were listed by paging to the end (its total is wrong or capped).`);
  }
  if (sentFilter && state.filterIgnored) state.warn('The server ignored the filter; filtered locally.');
  // A limit that happens to cover everything still leaves the result complete.
  if (state.limitReached && limit !== null && total !== null && !filtered && listed <= limit && listed >= total && !state.anomaly) complete = true;
  return {
    complete,
    count: state.count,
    reportedTotal: total,
    warnings: state.warnings,
    serverHonouredFilter: sentFilter ? !state.filterIgnored : null,
    Resources: state.resources,
  };
}

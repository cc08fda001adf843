// What listResources (listing.ts) does with its options before and after the pages: bad options
// refused by name before any request, the query each page carries (attributes a filter needs kept,
// page size within the server's cap and the limit), and the outcome's claims about totals. Real
// listings of the sandbox behind the reshaping loopback server, which records each page's query.

import { describe, expect, it } from 'vitest';
import { listResources, type ListContext } from '../../../electron/core/scim/listing';
import type { ListOptions } from '../../../electron/core/scim/types';
import { failure } from '../../support/failure';
import { reshapedListing, type Page } from './reshaped-listing';

const USERS = 12;
const at = reshapedListing(USERS, 47);
const list = (options: ListOptions & ListContext = {}) => listResources(at.transport, 'Users', { pageSize: 5, concurrency: 1, ...options });

/** Passes every page on, keeping the query it answered. */
function recordQueries(rewrite: (page: Page) => Page = (p) => p): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  at.pages((page, query) => {
    seen.push(query);
    return rewrite(page);
  });
  return seen;
}

describe('options refused before any request', () => {
  it.each([
    [{ limit: 0 }, 'The limit must be a whole number of at least 1 (got 0).'],
    [{ limit: 2.5 }, 'The limit must be a whole number of at least 1 (got 2.5).'],
    [{ pageSize: -1 }, 'The page size must be a whole number of at least 1 (got -1).'],
    [{ pageSize: '5' as unknown as number }, 'The page size must be a whole number of at least 1 (got 5).'],
    [{ concurrency: 0 }, 'The concurrency must be a whole number of at least 1 (got 0).'],
    [{ attributes: ['userName', 'no such name'] }, '"no such name" in attributes is not an attribute name (e.g. userName, name.familyName, emails.value).'],
    [{ excludedAttributes: [7 as unknown as string] }, '7 in excluded attributes is not an attribute name (e.g. userName, name.familyName, emails.value).'],
    [{ sortBy: 'user name' }, '"user name" in sortBy is not an attribute name (e.g. userName, name.familyName, emails.value).'],
    [{ sortOrder: 'up' as unknown as 'ascending' }, 'sortOrder must be "ascending" or "descending" (got "up").'],
  ])('%j', async (options, message) => {
    const error = await failure(list(options));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe(message);
    expect(at.gets()).toBe(0);
  });

  it('null options are absent ones, and a signal already aborted lists nothing', async () => {
    const out = await list({ limit: null as unknown as number, pageSize: null as unknown as number });
    expect(out.count).toBe(USERS);
    at.transport.log.clear();
    const error = await failure(list({ signal: AbortSignal.abort() }));
    expect(error.code).toBe('cancelled');
    expect(at.gets()).toBe(0);
  });
});

describe('the query each page carries', () => {
  it('attributes asked for keep those the filter reads; excluded ones never drop them', async () => {
    const queries = recordQueries();
    await list({ filter: 'emails.value pr', attributes: ['userName'], excludedAttributes: ['title', 'Emails.type'], sortBy: 'userName', sortOrder: 'descending' });
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      expect(q.get('filter')).toBe('emails.value pr');
      expect(q.get('attributes')).toBe('userName,emails.value');
      expect(q.get('excludedAttributes')).toBe('title');
      expect(q.get('sortBy')).toBe('userName');
      expect(q.get('sortOrder')).toBe('descending');
    }
  });

  it('nothing excluded when every excluded attribute is one the filter needs; none of these sent when not asked', async () => {
    const queries = recordQueries();
    await list({ filter: ' emails.value pr ', excludedAttributes: ['emails'] });
    for (const q of queries) {
      expect(q.get('filter')).toBe('emails.value pr');
      expect(q.has('excludedAttributes')).toBe(false);
    }
    const plain = recordQueries();
    await list({ filter: '  ', attributes: [], excludedAttributes: [] });
    for (const q of plain) expect([...q.keys()].sort()).toEqual(['count', 'startIndex']);
  });

  it('a filter applied locally is not sent, and the attributes it reads are still asked for', async () => {
    const queries = recordQueries();
    const out = await list({ filter: 'title eq "x"', filterLocally: true, attributes: ['userName'] });
    // Nothing was asked of the server, so nothing is said about it honouring the filter.
    expect(out).toMatchObject({ count: 0, serverHonouredFilter: null, warnings: [] });
    for (const q of queries) {
      expect(q.has('filter')).toBe(false);
      expect(q.get('attributes')).toBe('userName,title');
    }
  });

  it('pages ask no more than the server cap, and no more than the limit when nothing is filtered', async () => {
    const capped = recordQueries();
    await list({ pageSize: 50, capabilities: { groups: true, patch: true, etag: true, sort: true, filter: true, pagination: 'index', maxPageSize: 4, bulk: false } });
    expect(capped[0]?.get('count')).toBe('4');
    const limited = recordQueries();
    await list({ pageSize: 50, limit: 3 });
    expect(limited[0]?.get('count')).toBe('3');
    const filtered = recordQueries();
    await list({ pageSize: 50, limit: 3, filter: 'userName pr' });
    expect(filtered[0]?.get('count')).toBe('50');
  });
});

describe('what the outcome claims about totals', () => {
  it('a limit that covers the whole tenant is complete; one that cuts it is not, without a missing-resources warning', async () => {
    expect(await list({ limit: USERS })).toMatchObject({ complete: true, count: USERS, warnings: [] });
    expect(await list({ limit: USERS + 5 })).toMatchObject({ complete: true, count: USERS });
    const cut = await list({ limit: 5 });
    expect(cut).toMatchObject({ complete: false, count: 5, warnings: [] });
    const cutFiltered = await list({ limit: USERS, filter: 'userName pr' });
    expect(cutFiltered.count).toBe(USERS);
  });

  it('a total above what paging finds is incomplete and says how many', async () => {
    recordQueries((page) => ({ ...page, totalResults: USERS + 8 }));
    const out = await list();
    expect(out.complete).toBe(false);
    expect(out.warnings).toContain(`The server reported ${USERS + 8} resources but only ${USERS} could be listed; the list is incomplete.`);
  });

  it('a total below what paging finds is named as wrong or capped', async () => {
    recordQueries((page) => ({ ...page, totalResults: USERS - 2 }));
    const out = await list({ pageSize: 20 });
    expect(out.count).toBe(USERS);
    expect(out.warnings).toContain(`The server reported totalResults ${USERS - 2} but ${USERS} were listed by paging to the end (its total is wrong or capped).`);
  });

  it('a server that ignores the filter is said to, and whether it honoured it is reported', async () => {
    const honoured = await list({ filter: `userName eq "${(at.tenant.sandbox.store.get('Users', at.ids[0] as string)?.res as { userName: string }).userName}"` });
    expect(honoured).toMatchObject({ count: 1, serverHonouredFilter: true });
    expect(honoured.warnings).not.toContain('The server ignored the filter; filtered locally.');
    at.tenant.sandbox.setFaults({ ignoreFilter: true });
    const ignored = await list({ filter: 'userName eq "nobody@example.test"' });
    expect(ignored).toMatchObject({ count: 0, serverHonouredFilter: false });
    expect(ignored.warnings).toContain('The server ignored the filter; filtered locally.');
    at.tenant.sandbox.setFaults({});
    expect((await list()).serverHonouredFilter).toBeNull();
  });
});

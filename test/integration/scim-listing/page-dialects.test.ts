// Listing pages as real servers shape them (listing-page.ts) and what a listing keeps of them
// (listing-state.ts), on a small sandbox tenant behind a loopback server that rewrites its list
// pages: keys in other case, counts as strings, a SCIM Error or a bare value where the page
// belongs, a total that moves. Small pages and short retry budgets keep every case fast, so the
// mutation run (stryker.config.mjs) pays little for each mutant these tests catch.

import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMAS, type ListProgress, type ScimResource } from '../../../shared/scim';
import { listResources, type ListContext } from '../../../electron/core/scim/listing';
import type { ListOptions } from '../../../electron/core/scim/types';
import { failure } from '../../support/failure';
import { reshapedListing, type Page } from './reshaped-listing';

const USERS = 12;
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
const JSON_TYPE = { 'content-type': 'application/scim+json' };
const at = reshapedListing(USERS, 23);
let tenant: typeof at.tenant;
let transport: typeof at.transport;
let ids: string[];
beforeEach(() => {
  ({ tenant, transport, ids } = at);
});

/** Rewrites every list page (the sandbox's page, and the startIndex it was asked for). */
const pages = (rewrite: (page: Page, startIndex: number) => unknown, raw = false): void => at.pages((page, query) => rewrite(page, Number(query.get('startIndex'))), raw);
const list = (options: ListOptions & ListContext = {}) => listResources(transport, 'Users', { pageSize: 5, concurrency: 1, ...options });
const listGets = (): number => at.gets();

describe('a page in another dialect is read as the same page', () => {
  it('keys in any case and counts written as strings', async () => {
    pages(({ Resources, totalResults, ...rest }) => ({ ...rest, resources: Resources, TOTALRESULTS: ` ${String(totalResults)} ` }));
    const out = await list();
    expect(out).toMatchObject({ complete: true, reportedTotal: USERS, warnings: [] });
    expect(out.Resources.map((r) => r.id)).toEqual(ids);
  });

  it('a fractional total counts whole resources; zero counts; a negative, infinite or unreadable one counts as absent', async () => {
    const totals: [string, number | null][] = [
      ['12.9', 12],
      ['"12"', 12],
      ['-1', null],
      ['1e999', null],
      ['"-3"', null],
      ['"12x"', null],
      ['"x12"', null],
      ['"1 2"', null],
    ];
    for (const [total, read] of totals) {
      pages((page) => `{"totalResults":${total},${JSON.stringify(page).slice(1).replace(/"totalResults":\d+,?/, '')}`, true);
      const out = await list();
      expect(out.reportedTotal, total).toBe(read);
      expect(out.Resources.map((r) => r.id), total).toEqual(ids);
    }
    pages(() => ({ schemas: [SCHEMAS.listResponse], totalResults: 0, Resources: [] }));
    expect(await list()).toMatchObject({ complete: true, reportedTotal: 0, count: 0 });
  });

  it('Resources null, or missing on a page that says it is a ListResponse, is an empty page', async () => {
    pages(() => ({ schemas: [SCHEMAS.listResponse], totalResults: 0, Resources: null }));
    expect(await list()).toMatchObject({ complete: true, reportedTotal: 0, count: 0 });
    pages(() => ({ schemas: ['urn:ietf:params:scim:api:messages:2.0:listresponse'] }));
    expect(await list()).toMatchObject({ reportedTotal: null, count: 0 });
  });

  it('a page with extra status or detail fields is still a page', async () => {
    pages((page) => ({ ...page, status: 'ok', detail: 'served from cache' }));
    const out = await list();
    expect(out.complete).toBe(true);
    expect(out.Resources.map((r) => r.id)).toEqual(ids);
  });
});

describe('what is not a page is never an empty or a short page', () => {
  it('a SCIM Error answered 200 is named with its status and detail (cut to 300 characters)', async () => {
    const long = `Backend unavailable ${'x'.repeat(400)}`;
    const cases: [Page, string][] = [
      [{ schemas: [ERROR_SCHEMA], status: 503, detail: long }, `(status 503: "${long.slice(0, 300)}")`],
      [{ schemas: [ERROR_SCHEMA.toLowerCase()], status: '500' }, '(status 500)'],
      [{ Detail: 'Try later' }, '(status ?: "Try later")'],
      [{ STATUS: '502', detail: 7 }, '(status 502)'],
    ];
    for (const [body, said] of cases) {
      transport.log.clear();
      pages(() => body);
      const error = await failure(list());
      expect(error.code, said).toBe('bad-response');
      expect(error.message).toContain(`answered 200 with a SCIM Error body ${said} instead of a ListResponse page, so that page was not read.`);
      // Retried like a 5xx before the listing gave up.
      expect(error.details).toMatchObject({ retryable: true, attempts: listGets() });
      expect(listGets()).toBeGreaterThan(1);
    }
  });

  it('a body that is not a ListResponse is retried, then named', async () => {
    const cases: [string, string][] = [
      ['[]', 'got a bare array'],
      ['"done"', 'got string'],
      ['', 'got an empty body'],
    ];
    for (const [body, said] of cases) {
      transport.log.clear();
      tenant.reshape((req) => (req.method === 'GET' ? { status: 200, headers: JSON_TYPE, body } : null));
      const error = await failure(list());
      expect(error.code, body).toBe('bad-response');
      expect(error.message).toMatch(new RegExp(`^The answer to GET \\S+/Users\\?\\S+ is not a SCIM ListResponse \\(${said}\\)\\. Check the base URL points at the SCIM endpoint\\.`));
      expect(error.details).toMatchObject({ retryable: true, attempts: listGets() });
      expect(listGets()).toBeGreaterThan(1);
    }
    transport.log.clear();
    pages(() => ({ id: 'not-a-page', userName: 'x@example.test' }));
    const neither = await failure(list());
    expect(neither.message).toMatch(/^The answer to GET \S+ has neither "Resources" nor "totalResults", so it is not a SCIM ListResponse\. Check the base URL\./);
    expect(neither.details).toMatchObject({ retryable: true, attempts: listGets() });
    expect(listGets()).toBeGreaterThan(1);
  });

  it('Resources that is not a list is refused at once, not retried', async () => {
    pages((page) => ({ ...page, Resources: { id: 'x' } }));
    const error = await failure(list());
    expect(error.code).toBe('bad-response');
    expect(error.message).toMatch(/^The answer to GET \S+ has "Resources" that is not a list\. Report this to the vendor with the request log\.$/);
    expect(error.details?.retryable).toBeUndefined();
    expect(listGets()).toBe(1);
  });

  it('an empty first page where discovery saw users fails; one that reports a total is a warning', async () => {
    pages(() => ({ schemas: [SCHEMAS.listResponse], Resources: [] }));
    const absent = await failure(list({ knownToExist: 1 }));
    expect(absent.code).toBe('incomplete-listing');
    expect(absent.message).toMatch(/^GET \S+ answered an empty first page \(no resources, totalResults absent\) although discovery saw a resource there; an empty answer there is a failure of the server, not an empty tenant\./);
    pages(() => ({ schemas: [SCHEMAS.listResponse], totalResults: 0, Resources: [] }));
    expect((await failure(list({ knownToExist: USERS }))).message).toContain(`(no resources, totalResults 0) although discovery saw ${USERS} resources there;`);
    pages(() => ({ schemas: [SCHEMAS.listResponse], totalResults: USERS, Resources: [] }));
    const out = await list({ knownToExist: USERS });
    expect(out).toMatchObject({ complete: false, count: 0 });
    expect(out.warnings).toContain(`The server reported ${USERS} resources but its first page was empty.`);
  });

  it('an empty first page where discovery saw users is retried: one bad answer costs a request, not the listing', async () => {
    let served = 0;
    pages((page, startIndex) => {
      if (startIndex !== 1 || served++ > 0) return page;
      return { schemas: [SCHEMAS.listResponse], Resources: [] };
    });
    const out = await list({ knownToExist: USERS });
    expect(out).toMatchObject({ complete: true, warnings: [] });
    expect(out.Resources.map((r) => r.id)).toEqual(ids);
    expect(served).toBe(2);
  });

  it('a first page with resources and a total of 0 is read, not taken for an empty one', async () => {
    pages((page, startIndex) => (startIndex === 1 ? { ...page, totalResults: 0 } : page));
    const out = await list({ knownToExist: USERS });
    expect(out.Resources.map((r) => r.id)).toEqual(ids);
    // The total moved from 0 to the real one: read, but not called complete.
    expect(out.complete).toBe(false);
  });

  it('a web page where a page belongs names the page and how often it came', async () => {
    tenant.sandbox.setFaults({ okHtmlEvery: 1 });
    const error = await failure(list());
    expect(error.code).toBe('not-scim');
    expect(error.message).toMatch(/^GET \S+\/Users\?\S+ answered with a web page \("[^"]*Service temporarily unavailable[^"]*"\) instead of a SCIM ListResponse page \(the endpoint answers SCIM, so a gateway or proxy answered in its place\); it was the answer to all \d+ attempts \(retried like a 5xx\)\. Try again later;/);
    expect(error.details?.attempts).toBe(listGets());
  });
});

describe('what a listing keeps of its pages', () => {
  it('a total that moves mid-listing makes it incomplete, said once, and the highest total is reported', async () => {
    const sent: number[] = [];
    pages((page, start) => {
      sent.push(start === 1 ? USERS : USERS + start);
      return { ...page, totalResults: sent.at(-1) };
    });
    const out = await list();
    expect(out.complete).toBe(false);
    expect(out.reportedTotal).toBe(Math.max(...sent));
    expect(out.warnings.filter((w) => w.startsWith('totalResults changed'))).toEqual([
      `totalResults changed during the listing (from ${USERS} to ${USERS + 5}): the tenant changed while it was being read, so resources may be missing or doubled. List again.`,
    ]);
    // A page that leaves the total out says nothing about it.
    pages((page, start) => (start === 1 ? page : { ...page, totalResults: undefined }));
    expect(await list()).toMatchObject({ complete: true, reportedTotal: USERS, warnings: [] });
  });

  it('progress counts pages, resources and the planned pages as each page is accepted', async () => {
    const seen: [number, ListProgress][] = [];
    const out = await list({ concurrency: 2, onPage: (rows, progress) => seen.push([rows.length, progress]) });
    expect(out.count).toBe(USERS);
    expect(seen).toEqual([
      [5, { pagesDone: 1, pagesTotal: null, resourcesDone: 5, reportedTotal: USERS }],
      [4, { pagesDone: 2, pagesTotal: 3, resourcesDone: 9, reportedTotal: USERS }],
      [3, { pagesDone: 3, pagesTotal: 3, resourcesDone: 12, reportedTotal: USERS }],
    ]);
  });

  it('a limit stops at exactly that many resources, kept or streamed', async () => {
    for (const keep of [true, false]) {
      const streamed: ScimResource[] = [];
      const out = await list({ limit: 7, keep, onPage: (rows) => streamed.push(...rows) });
      expect(out.count).toBe(7);
      expect(streamed.map((r) => r.id)).toEqual(ids.slice(0, 7));
      expect(out.Resources.map((r) => r.id)).toEqual(keep ? ids.slice(0, 7) : []);
      expect(out.complete).toBe(false);
    }
    const all = await list({ limit: USERS });
    expect(all).toMatchObject({ complete: true, count: USERS });
  });

  it('resources outside the filter the server was sent are dropped and the warning says so', async () => {
    tenant.sandbox.setFaults({ ignoreFilter: true });
    const out = await list({ filter: `id eq "${ids[3]}"` });
    expect(out.Resources.map((r) => r.id)).toEqual([ids[3]]);
    expect(out).toMatchObject({ count: 1, serverHonouredFilter: false });
    expect(out.warnings).toContain('The server ignored the filter; filtered locally.');
  });

  it("a 0-based server's skipped first resource is put first when kept, and streamed last", async () => {
    tenant.sandbox.setFaults({ zeroBasedIndex: true });
    const kept = await list();
    expect(kept.Resources.map((r) => r.id)).toEqual(ids);
    expect(kept.warnings).toContain('The server counts startIndex from 0 (RFC 7644 says 1); fetched the 1 resource(s) it skipped separately.');
    const streamed: string[] = [];
    const out = await list({ keep: false, onPage: (rows) => streamed.push(...rows.map((r) => r.id)) });
    expect(out).toMatchObject({ count: USERS, Resources: [] });
    expect(streamed).toEqual([...ids.slice(1), ids[0]]);
  });
});

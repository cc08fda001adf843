// startIndex paging (listing-index.ts) against servers that misbehave in one precise way: the
// sandbox tenant behind the reshaping loopback server, whose list pages a test rewrites and whose
// startIndex requests it records. Pinned: the one-resource overlap and what it proves, the warnings
// only when they are true, a limit that stops the requests, the pages planned from the total and
// fetched concurrently (a short page mid-run, a page held back, the page count shown), and the
// closing startIndex=0 probe (a server that refuses it is not 0-based; any other failure fails).

import { afterEach, describe, expect, it } from 'vitest';
import type { ListProgress, ScimResource } from '../../../shared/scim';
import { listResources, type ListContext } from '../../../electron/core/scim/listing';
import { RawItems } from '../../../electron/core/scim/raw-items';
import type { ListOptions } from '../../../electron/core/scim/types';
import { failure } from '../../support/failure';
import { reshapedListing, type Page } from './reshaped-listing';

const USERS = 12;
const at = reshapedListing(USERS, 61);
const list = (options: ListOptions & ListContext = {}) => listResources(at.transport, 'Users', { pageSize: 5, concurrency: 1, ...options });
const JSON_TYPE = { 'content-type': 'application/scim+json' };
const ids = (out: { Resources: ScimResource[] }): string[] => out.Resources.map((r) => r.id);

/** The tenant's user at (0-based) position i, as the store holds it. */
function user(i: number): unknown {
  return at.tenant.sandbox.store.get('Users', at.ids[i] as string)?.res;
}

/**
 * Serves every list page as `view(startIndex, count)` says (positions in the tenant's order; null:
 * the sandbox's own page) with `total` as totalResults (null: left out), and records the
 * startIndex of each request in the array returned.
 */
function serve(view: (start: number, count: number) => number[] | null, total: number | null = USERS): number[] {
  const starts: number[] = [];
  at.pages((page: Page, query) => {
    const start = Number(query.get('startIndex'));
    starts.push(start);
    const shown = view(start, Number(query.get('count')));
    return { ...page, totalResults: total ?? undefined, ...(shown === null ? {} : { Resources: shown.map(user) }) };
  });
  return starts;
}

/** Positions from..to-1, within the tenant. */
const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, Math.min(to, USERS) - from) }, (_, i) => from + i);
/** What an RFC server answers (startIndex counts from 1; 0 is read as 1). */
const rfc = (start: number, count: number): number[] => range(Math.max(start, 1) - 1, Math.max(start, 1) - 1 + count);

describe('the closing startIndex=0 probe', () => {
  const probeAnswers = (status: number, body: string): void =>
    at.tenant.reshape((req, up) => (req.method === 'GET' && /[?&]startIndex=0(&|$)/.test(req.path) ? { status, headers: JSON_TYPE, body } : up));
  const scimError = (status: number, detail: string): string => JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail });

  it('a server that refuses startIndex=0 with 400 is not 0-based: the listing is complete', async () => {
    probeAnswers(400, scimError(400, 'startIndex must be at least 1'));
    const out = await list();
    expect(out).toMatchObject({ complete: true, count: USERS, warnings: [] });
    expect(ids(out)).toEqual(at.ids);
  });

  it('a server whose answer to startIndex=0 is not a page (retried, then given up) is not 0-based either', async () => {
    probeAnswers(200, '[]');
    const out = await list();
    expect(out).toMatchObject({ complete: true, count: USERS, warnings: [] });
    expect(ids(out)).toEqual(at.ids);
    const probes = at.transport.log.entries().filter((e) => /[?&]startIndex=0(&|$)/.test(e.url));
    expect(probes.length).toBeGreaterThan(1);
  });

  it('a probe that keeps failing with 500, or is refused with 401, fails the listing with that error', async () => {
    probeAnswers(500, scimError(500, 'backend down'));
    const down = await failure(list());
    expect(down.code).toBe('server-error');
    probeAnswers(401, scimError(401, 'token expired'));
    const refused = await failure(list());
    expect(refused.code).toBe('unauthorized');
  });
});

describe('what page 1 alone says', () => {
  it('a total with an empty first page is named; a truly empty tenant (total 0 or none) is not', async () => {
    serve(() => [], USERS);
    const claimed = await list();
    expect(claimed).toMatchObject({ complete: false, count: 0 });
    expect(claimed.warnings).toEqual([
      `The server reported ${USERS} resources but its first page was empty.`,
      `The server reported ${USERS} resources but only 0 could be listed; the list is incomplete.`,
    ]);
    const starts = serve(() => [], 0);
    expect(await list()).toMatchObject({ complete: true, count: 0, reportedTotal: 0, warnings: [] });
    // The empty tenant is still probed for a 0-based head.
    expect(starts).toEqual([1, 0]);
    serve(() => [], null);
    expect(await list()).toMatchObject({ complete: true, count: 0, reportedTotal: null, warnings: [] });
  });

  it('a limit reached on page 1 ends the listing there without a warning and without the probe', async () => {
    const starts = serve(rfc);
    const out = await list({ limit: 3 });
    expect(out).toMatchObject({ complete: false, count: 3, warnings: [] });
    expect(ids(out)).toEqual(at.ids.slice(0, 3));
    expect(starts).toEqual([1]);
  });

  it('full pages of the size asked for raise no warning; overlapping pages start on the last resource of the one before', async () => {
    const starts = serve(rfc);
    const out = await list();
    expect(out).toMatchObject({ complete: true, warnings: [] });
    expect(ids(out)).toEqual(at.ids);
    expect(starts).toEqual([1, 5, 9, 0]);
  });

  it('a server capping pages at 2 is said to, and its pages still overlap by one', async () => {
    at.tenant.sandbox.setFaults({ pageCap: 2 });
    const starts = serve(() => null);
    const out = await list();
    expect(out).toMatchObject({ complete: true, warnings: ['The server caps pages at 2 (asked for 5).'] });
    expect(ids(out)).toEqual(at.ids);
    expect(starts).toEqual([...Array.from({ length: USERS }, (_, i) => i + 1), 0]);
  });
});

describe('pages that contradict the overlap', () => {
  it('a server that ignores startIndex repeats page 1: said once, and no more pages are asked', async () => {
    // Past a few requests the server runs dry, so a listing that did not stop still ends.
    let asked = 0;
    const starts = serve((start, count) => (asked++ < 6 ? rfc(1, count) : []));
    const out = await list();
    expect(ids(out)).toEqual(at.ids.slice(0, 5));
    expect(out.complete).toBe(false);
    expect(out.warnings).toEqual([
      'The server answered startIndex=5 with resources it had already returned (it ignores startIndex, or repeats the list past the end); the listing stopped there.',
      `The server reported ${USERS} resources but only 5 could be listed; the list is incomplete.`,
    ]);
    expect(starts).toEqual([1, 5, 0]);
  });

  it('a server that ignores startIndex and gives no totalResults: page 1 alone is never called complete', async () => {
    // Nothing but a total can tell this from a list that ends: without one the claim is withheld.
    let asked = 0;
    const starts = serve((start, count) => (asked++ < 6 ? rfc(1, count) : []), null);
    const out = await list();
    expect(ids(out)).toEqual(at.ids.slice(0, 5));
    expect(out).toMatchObject({ complete: false, count: 5, reportedTotal: null });
    expect(out.warnings).toEqual([
      'The server answered startIndex=5 with resources it had already returned (it ignores startIndex, or repeats the list past the end); the listing stopped there, and with no totalResults to check against it cannot be called complete. Narrow the listing with a filter so that each part fits in one page.',
    ]);
    // No probe: the listing is already incomplete.
    expect(starts).toEqual([1, 5]);
    const one = serve((start, count) => (start === 1 ? rfc(1, count) : rfc(1, count)), null);
    expect(await list({ pageSize: 1 })).toMatchObject({ complete: false, count: 1 });
    expect(one).toEqual([1, 2]);
  });

  it('with pages of one (no overlap) a repeated resource ends the listing with the same warning', async () => {
    let asked = 0;
    const starts = serve((start, count) => (asked++ < 6 ? rfc(1, count) : []));
    const out = await list({ pageSize: 1 });
    expect(ids(out)).toEqual(at.ids.slice(0, 1));
    expect(out.complete).toBe(false);
    expect(out.warnings).toEqual([
      'The server answered startIndex=2 with resources it had already returned (it ignores startIndex, or repeats the list past the end); the listing stopped there.',
      `The server reported ${USERS} resources but only 1 could be listed; the list is incomplete.`,
    ]);
    expect(starts).toEqual([1, 2, 0]);
  });

  it('pages shifted by one after page 1: moved and doubled resources are both named, and paging goes on', async () => {
    // From startIndex 5 on, each page starts one resource early (as if one had been added in front).
    const starts = serve((start, count) => (start < 5 ? rfc(start, count) : rfc(start - 1, count)));
    const out = await list();
    expect(ids(out)).toEqual(at.ids);
    expect(out.complete).toBe(false);
    expect(out.warnings).toEqual([
      'Resources moved between pages while listing (the tenant changed during the listing, or the server pages inconsistently), so some may be missing. List again.',
      'The same resource came back on two pages (the tenant changed during the listing, or the server pages inconsistently). List again.',
    ]);
    // No probe: an anomaly already makes it incomplete.
    expect(starts).toEqual([1, 5, 9, 13]);
  });

  it('a page too short to reach back to the one before it (which was longer than asked) is a repeat, not a crash', async () => {
    // Planned starts 5 and 9. The page at 5 has 7 resources, so the page at 9 should hold the last
    // of them third; it holds only two, both already seen.
    const starts = serve((start, count) => (start === 5 ? rfc(5, 7) : start === 9 ? [8, 9] : rfc(start, count)));
    const out = await list({ concurrency: 2 });
    expect(ids(out)).toEqual(at.ids.slice(0, 11));
    expect(out.complete).toBe(false);
    expect(out.warnings).toEqual([
      'The server answered startIndex=9 with resources it had already returned (it ignores startIndex, or repeats the list past the end); the listing stopped there.',
      `The server reported ${USERS} resources but only 11 could be listed; the list is incomplete.`,
    ]);
    expect([...starts].sort((a, b) => a - b)).toEqual([0, 1, 5, 9]);
  });
});

describe('a limit reached on a later page', () => {
  it('stops the requests at the page that reached it', async () => {
    const starts = serve(rfc);
    const out = await list({ limit: 7 });
    expect(out).toMatchObject({ complete: false, count: 7, warnings: [] });
    expect(ids(out)).toEqual(at.ids.slice(0, 7));
    expect(starts).toEqual([1, 5]);
  });
});

describe('how the pages are planned', () => {
  const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
  afterEach(() => at.tenant.sandbox.onListPage(null));

  it('with concurrency pinned to 1 each page starts where the last ended, and no page count is claimed', async () => {
    const seen: ListProgress[] = [];
    const starts = serve(rfc);
    await list({ onPage: (_rows, progress) => seen.push(progress) });
    expect(starts).toEqual([1, 5, 9, 0]);
    expect(seen.map((p) => p.pagesTotal)).toEqual([null, null, null]);
  });

  it('a short page in the middle of a planned run: no later planned page is asked, paging resumes from it, the plan is dropped', async () => {
    // Pages of 4 overlap by one: planned starts 4, 7, 10. The server drops one resource from the
    // page at 4 and holds the page at 7 back, so the short page is read while 7 is still out.
    serve((start, count) => (start === 4 ? [3, 4, 5] : rfc(start, count)));
    const arrived: number[] = [];
    at.tenant.sandbox.onListPage(async ({ params }) => {
      const start = Number(params.get('startIndex'));
      arrived.push(start);
      if (start === 7) await sleep(100);
    });
    const seen: [number, number | null][] = [];
    const out = await list({ pageSize: 4, concurrency: 2, onPage: (rows, progress) => seen.push([rows.length, progress.pagesTotal]) });
    await sleep(150);
    expect(out).toMatchObject({ complete: true, warnings: [] });
    expect(ids(out)).toEqual(at.ids);
    // 7 was already out; 10 is never asked: the rest comes from 6 on, overlapping the short page.
    expect([...arrived].sort((a, b) => a - b)).toEqual([0, 1, 4, 6, 7, 9, 12]);
    expect(seen).toEqual([[4, null], [2, 4], [3, null], [3, null], [0, null]]);
  });

  it("a planned run that ends on the total keeps its page count when a 0-based server's head is added", async () => {
    // A 0-based server whose total (11) counts only what startIndex=1 reaches: the planned pages 5
    // and 9 end the run on that total, then the startIndex=0 probe finds the skipped head.
    at.tenant.sandbox.setFaults({ zeroBasedIndex: true });
    const starts = serve(() => null, USERS - 1);
    const seen: [string[], number | null][] = [];
    const out = await list({ concurrency: 2, onPage: (rows, progress) => seen.push([rows.map((r) => r.id), progress.pagesTotal]) });
    expect(ids(out)).toEqual(at.ids);
    expect([...starts].sort((a, b) => a - b)).toEqual([0, 1, 5, 9]);
    expect(seen.map(([, pages]) => pages)).toEqual([null, 3, 3, 3]);
    expect(seen.at(-1)?.[0]).toEqual([at.ids[0]]);
    expect(out.warnings).toContain('The server counts startIndex from 0 (RFC 7644 says 1); fetched the 1 resource(s) it skipped separately.');
  });

  it('a page held back does not idle the other slots: every later page is fetched while it waits', async () => {
    // 80 users in pages of one (no overlap): the page at 2 is answered only once every later page
    // has been asked for (or after 3 s).
    const store = at.tenant.sandbox.store;
    for (let n = 0; n < 68; n += 1) store.insert('Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: `extra-${n}`, userName: `extra.${n}@example.test`, active: true });
    const all = store.count('Users');
    const arrived = new Set<number>();
    let arrivedBeforeRelease = 0;
    at.tenant.sandbox.onListPage(async ({ params }) => {
      const start = Number(params.get('startIndex'));
      arrived.add(start);
      if (start !== 2) return;
      for (let waited = 0; waited < 3000 && !arrived.has(all); waited += 10) await sleep(10);
      arrivedBeforeRelease = arrived.size;
    });
    const out = await list({ pageSize: 1, concurrency: 16 });
    expect(arrivedBeforeRelease).toBe(all);
    expect(out).toMatchObject({ complete: true, count: all, warnings: [] });
    expect(ids(out)).toEqual([...store.ids('Users')]);
  });

  it('the head a 0-based server skipped is kept as the bytes it came in, like every other resource', async () => {
    at.tenant.sandbox.setFaults({ zeroBasedIndex: true });
    const raw = new RawItems();
    const out = await list({ rawItems: raw });
    expect(ids(out)).toEqual(at.ids);
    for (const r of out.Resources) {
      const item = raw.of(r);
      expect(item && JSON.parse(item.page.source.bytes.subarray(item.start, item.end).toString('utf8')), r.id).toEqual(r);
    }
  });
});

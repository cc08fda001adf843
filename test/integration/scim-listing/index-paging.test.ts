// startIndex paging (listing-index.ts) against servers that misbehave in one precise way: the
// sandbox tenant behind the reshaping loopback server, whose list pages a test rewrites and whose
// startIndex requests it records. Pinned: the one-resource overlap and what it proves, the warnings
// only when they are true, a limit that stops the requests, and the closing startIndex=0 probe
// (a server that refuses it is not 0-based; any other failure of it fails the listing).

import { describe, expect, it } from 'vitest';
import type { ScimResource } from '../../../shared/scim';
import { listResources, type ListContext } from '../../../electron/core/scim/listing';
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
      'The server answered startIndex=5 with resources it had already returned (it repeats the list past the end); the listing stopped there.',
      `The server reported ${USERS} resources but only 5 could be listed; the list is incomplete.`,
    ]);
    expect(starts).toEqual([1, 5, 0]);
  });

  it('with pages of one (no overlap) a repeated resource ends the listing with the same warning', async () => {
    let asked = 0;
    const starts = serve((start, count) => (asked++ < 6 ? rfc(1, count) : []));
    const out = await list({ pageSize: 1 });
    expect(ids(out)).toEqual(at.ids.slice(0, 1));
    expect(out.complete).toBe(false);
    expect(out.warnings).toEqual([
      'The server answered startIndex=2 with resources it had already returned (it repeats the list past the end); the listing stopped there.',
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
      'The server answered startIndex=9 with resources it had already returned (it repeats the list past the end); the listing stopped there.',
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

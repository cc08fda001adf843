// Cursor paging (listing-cursor.ts) against the sandbox's cursors, behind a loopback server that
// rewrites the nextCursor a page hands out the ways broken servers do: the same cursor again, a
// cursor one resource short (pages overlap), empty pages that still name a next cursor. Each must
// end the listing with complete:false and the reason, never loop and never claim complete.

import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../../shared/scim';
import { encodeCursor } from '../../../electron/core/sandbox/list';
import { listResources, type ListContext } from '../../../electron/core/scim/listing';
import type { ListOptions } from '../../../electron/core/scim/types';
import { RawItems } from '../../../electron/core/scim/raw-items';
import { failure } from '../../support/failure';
import { reshapedListing, type Page } from './reshaped-listing';

const USERS = 12;
const CURSOR = { groups: true, patch: true, etag: true, sort: true, filter: true, pagination: 'cursor' as const, maxPageSize: null, bulk: false };
const at = reshapedListing(USERS, 29);
let transport: typeof at.transport;
let ids: string[];
beforeEach(() => {
  ({ transport, ids } = at);
});

/** The offset a sandbox cursor stands for (its cursors are base64url "o:N"; none is 0). */
const offsetOf = (cursor: string | null): number => (cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8').slice(2)) : 0);
/** Rewrites each cursor page, given the sandbox's page, the offset it was asked for and the cursor sent. */
const pages = (rewrite: (page: Page, offset: number, cursor: string | null) => Page): void => at.pages((page, query) => rewrite(page, offsetOf(query.get('cursor')), query.get('cursor')));
const list = (options: ListOptions & ListContext = {}) => listResources(transport, 'Users', { pageSize: 5, capabilities: CURSOR, ...options });
const gets = (): number => at.gets();

describe('cursor paging', () => {
  it('lists exactly by cursor, and stops at a limit without asking for more', async () => {
    const out = await list();
    expect(out).toMatchObject({ complete: true, reportedTotal: USERS, warnings: [] });
    expect(out.Resources.map((r) => r.id)).toEqual(ids);
    expect(gets()).toBe(3);
    transport.log.clear();
    const limited = await list({ limit: 5 });
    expect(limited.Resources.map((r) => r.id)).toEqual(ids.slice(0, 5));
    expect(gets()).toBe(1);
  });

  it('the same cursor handed out twice stops the listing: incomplete, said why', async () => {
    pages((page) => ({ ...page, nextCursor: encodeCursor(5) }));
    const out = await list();
    expect(out.complete).toBe(false);
    expect(out.warnings).toContain('The server handed out the same cursor twice; the listing stopped to avoid looping. List again.');
    expect(out.Resources.map((r) => r.id)).toEqual(ids.slice(0, 10));
    expect(gets()).toBe(2);
  });

  it('a cursor one resource short (pages overlap) is a changed tenant: incomplete, said why', async () => {
    pages((page, offset) => {
      const got = (page.Resources as unknown[]).length;
      return page.nextCursor ? { ...page, nextCursor: encodeCursor(offset + got - 1) } : page;
    });
    const out = await list();
    expect(out.complete).toBe(false);
    expect(out.warnings).toContain('The same resource came back on two cursor pages (the tenant changed during the listing). List again.');
    expect(out.Resources.map((r) => r.id)).toEqual(ids);
  });

  it('empty pages that name a next cursor: a few are passed over, a fourth in a row stops the listing', async () => {
    // An empty page at offset 5 points at "o:05": the same offset, a cursor not used yet.
    pages((page, _offset, cursor) => (cursor === encodeCursor(5) ? { ...page, Resources: [], nextCursor: Buffer.from('o:05').toString('base64url') } : page));
    const passed = await list({ knownToExist: USERS });
    expect(passed).toMatchObject({ complete: true, warnings: [] });
    expect(passed.Resources.map((r) => r.id)).toEqual(ids);
    expect(gets()).toBe(4);

    transport.log.clear();
    pages((page, offset) => (offset >= 5 ? { schemas: [SCHEMAS.listResponse], totalResults: USERS, Resources: [], nextCursor: encodeCursor(offset + 1) } : page));
    const stopped = await list({ knownToExist: USERS });
    expect(stopped.complete).toBe(false);
    expect(stopped.warnings).toContain('The server kept returning empty pages with a next cursor; the listing stopped there.');
    expect(stopped.Resources.map((r) => r.id)).toEqual(ids.slice(0, 5));
    // The first page and four empty ones in a row.
    expect(gets()).toBe(5);
  });

  it('without totalResults, a repeated cursor or a run of empty pages still leaves the listing incomplete (nothing else could tell)', async () => {
    const noTotal = (page: Page): Page => {
      const { totalResults: _dropped, ...rest } = page;
      return rest;
    };
    pages((page) => noTotal({ ...page, nextCursor: encodeCursor(5) }));
    const repeated = await list();
    expect(repeated.reportedTotal).toBeNull();
    expect(repeated.complete).toBe(false);
    expect(repeated.warnings).toContain('The server handed out the same cursor twice; the listing stopped to avoid looping. List again.');

    transport.log.clear();
    pages((page, offset) => (offset >= 5 ? { schemas: [SCHEMAS.listResponse], Resources: [], nextCursor: encodeCursor(offset + 1) } : noTotal(page)));
    const empties = await list();
    expect(empties.complete).toBe(false);
    expect(empties.warnings).toContain('The server kept returning empty pages with a next cursor; the listing stopped there.');
  });

  it('only the first page must hold resources: a later empty page without totalResults is passed over', async () => {
    // Discovery saw users, so an empty FIRST page is a failure; the same check on a later page
    // would fail a listing that is fine.
    pages((page, _offset, cursor) => (cursor === encodeCursor(5) ? { schemas: [SCHEMAS.listResponse], Resources: [], nextCursor: Buffer.from('o:05').toString('base64url') } : page));
    const out = await list({ knownToExist: USERS });
    expect(out).toMatchObject({ complete: true, warnings: [] });
    expect(out.Resources.map((r) => r.id)).toEqual(ids);
  });

  it('registers the bytes of every resource on cursor pages too (what the index of the explorer keeps)', async () => {
    const raw = new RawItems();
    const out = await list({ rawItems: raw });
    expect(out.complete).toBe(true);
    expect(out.Resources.filter((r) => raw.of(r) === undefined).map((r) => r.id)).toEqual([]);
  });

  it('an empty first page where discovery saw users fails the listing', async () => {
    pages(() => ({ schemas: [SCHEMAS.listResponse], totalResults: 0, Resources: [] }));
    const error = await failure(list({ knownToExist: USERS }));
    expect(error.code).toBe('incomplete-listing');
    expect(error.message).toContain(`although discovery saw ${USERS} resources there`);
  });
});

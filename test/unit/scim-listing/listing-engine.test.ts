import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import type { ListProgress } from '../../../shared/scim';
import { listResources } from '../../../electron/core/scim/listing';
import { arrayTransport, makeUsers } from './array-transport';

const ids = (list: { id: string }[]): string[] => list.map((r) => r.id);

describe('listing engine (interface stand-in)', () => {
  it('lists every resource exactly once, in order, with overlapping pages fetched concurrently', async () => {
    const users = makeUsers(1037);
    const { transport, requests } = arrayTransport(users);
    const progress: ListProgress[] = [];
    const out = await listResources(transport, 'Users', { pageSize: 100, concurrency: 4, onPage: (_r, p) => progress.push(p) });
    expect(out.complete).toBe(true);
    expect(ids(out.Resources)).toEqual(ids(users as { id: string }[]));
    expect(out.count).toBe(1037);
    // Each page after the first starts on the previous page's last resource (stride 99).
    expect(requests.slice(0, 3).map((r) => r.query?.startIndex)).toEqual([1, 100, 199]);
    const last = progress[progress.length - 1] as ListProgress;
    expect(last.resourcesDone).toBe(1037);
    expect(last.pagesTotal).toBe(last.pagesDone);
  });

  it('keeps at most `concurrency` pages in flight (and does use them)', async () => {
    const server = arrayTransport(makeUsers(2000), { beforePage: () => new Promise((r) => setTimeout(r, 2)) });
    const out = await listResources(server.transport, 'Users', { pageSize: 50, concurrency: 3 });
    expect(out.complete).toBe(true);
    expect(server.maxInFlight()).toBe(3);
  });

  it('says incomplete, never a short complete list, when a resource is deleted mid-listing', async () => {
    const users = makeUsers(500);
    const { transport } = arrayTransport(users, {
      beforePage: (n) => {
        if (n === 3) users.splice(10, 1); // removed before the third page is served
      },
    });
    const out = await listResources(transport, 'Users', { pageSize: 50, concurrency: 1 });
    expect(out.complete).toBe(false);
    expect(out.warnings.join(' ')).toMatch(/tenant changed/);
  });

  it('says incomplete when a resource is inserted mid-listing (a shifted page would double one)', async () => {
    const users = makeUsers(300);
    const { transport } = arrayTransport(users, {
      beforePage: (n) => {
        if (n === 2) users.unshift(...makeUsers(1, 9000));
      },
    });
    const out = await listResources(transport, 'Users', { pageSize: 50, concurrency: 1 });
    expect(out.complete).toBe(false);
    expect(new Set(ids(out.Resources)).size).toBe(out.Resources.length);
  });

  it('does not stop on a short page once the reported total is proven wrong (exceeded)', async () => {
    const users = makeUsers(300);
    // Under-reported total and a server whose page sizes vary: a short page mid-list is not the end.
    const { transport } = arrayTransport(users, { reportTotal: 100, pageCapAt: (start) => (start > 150 && start < 200 ? 10 : 50) });
    const out = await listResources(transport, 'Users', { pageSize: 50, concurrency: 4 });
    expect(ids(out.Resources)).toEqual(ids(users as { id: string }[]));
    expect(out.complete).toBe(true);
  });

  it('stops at the limit and does not call a partial result complete', async () => {
    const { transport } = arrayTransport(makeUsers(300));
    const out = await listResources(transport, 'Users', { pageSize: 50, limit: 120 });
    expect(out.count).toBe(120);
    expect(out.complete).toBe(false);
  });

  it('verifies a filtered answer locally', async () => {
    const { transport } = arrayTransport(makeUsers(40)); // this stand-in ignores filters
    const out = await listResources(transport, 'Users', { filter: 'active eq false' });
    expect(out.serverHonouredFilter).toBe(false);
    expect(out.Resources.every((u) => u.active === false)).toBe(true);
    expect(out.count).toBe(14);
    expect(out.warnings).toContain('The server ignored the filter; filtered locally.');
  });

  it('rejects a bad filter before sending anything', async () => {
    const { transport, requests } = arrayTransport(makeUsers(3));
    await expect(listResources(transport, 'Users', { filter: 'userName eq' })).rejects.toMatchObject({ code: 'invalid-filter', details: { position: 11 } });
    expect(requests).toHaveLength(0);
  });

  it('rejects attribute names that are not attribute paths before sending anything', async () => {
    const { transport, requests } = arrayTransport(makeUsers(3));
    await expect(listResources(transport, 'Users', { attributes: ['userName&count=1'] })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(listResources(transport, 'Users', { sortBy: 'a b' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(requests).toHaveLength(0);
  });

  it('cancels with the caller signal', async () => {
    const controller = new AbortController();
    const { transport } = arrayTransport(makeUsers(1000), {
      beforePage: (n) => {
        if (n === 2) controller.abort();
      },
    });
    const err = await listResources(transport, 'Users', { pageSize: 10, concurrency: 1, signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InspectorError);
    expect((err as InspectorError).code).toBe('cancelled');
  });
});

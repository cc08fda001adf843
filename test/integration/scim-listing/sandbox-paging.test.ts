// Every paging quirk of the sandbox tenant, one at a time and combined: the listing must equal the
// sandbox store's ids exactly, or say complete:false. Never short and "complete".

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Capabilities, ListOutcome, ScimResource } from '../../../shared/scim';
import { startSandbox, type FaultOptions, type SandboxHandle } from '../../../electron/core/sandbox';
import { listResources } from '../../../electron/core/scim/listing';
import { createTransport } from '../../../electron/core/scim/transport';
import type { ListOptions, Transport } from '../../../electron/core/scim/types';

const USERS = 523;
let sandbox: SandboxHandle;
let transport: Transport;

beforeAll(async () => {
  sandbox = await startSandbox({ vendor: 'rfc', users: USERS });
  transport = createTransport({ baseUrl: sandbox.url, token: () => sandbox.token }, { backoffBaseMs: 5 });
});
afterAll(async () => {
  await transport?.close();
  await sandbox?.close();
});
beforeEach(() => sandbox.reset());

async function list(faults: FaultOptions, options: ListOptions & { capabilities?: Capabilities } = {}): Promise<ListOutcome<ScimResource>> {
  sandbox.setFaults(faults);
  return listResources(transport, 'Users', { pageSize: 50, concurrency: 4, ...options });
}

function expectExact(out: ListOutcome<ScimResource>): void {
  const truth = [...sandbox.store.ids('Users')];
  expect(out.complete, out.warnings.join(' | ')).toBe(true);
  expect(out.Resources.map((r) => r.id)).toEqual(truth);
  expect(out.count).toBe(truth.length);
}

describe('listing against the sandbox: every quirk exact or loudly incomplete', () => {
  it('no faults: exact, concurrent, no warnings', async () => {
    const out = await list({});
    expectExact(out);
    expect(out.warnings).toEqual([]);
    expect(out.reportedTotal).toBe(USERS);
  });

  it('page cap below count: learns the real page size and says so', async () => {
    const out = await list({ pageCap: 37 }, { pageSize: 100 });
    expectExact(out);
    expect(out.warnings).toContain('The server caps pages at 37 (asked for 100).');
  });

  it('itemsPerPage omitted', async () => {
    expectExact(await list({ omitItemsPerPage: true }));
  });

  it('totalResults under-reported: keeps going past it while pages are full', async () => {
    const out = await list({ wrongTotalResults: -200 });
    expectExact(out);
    expect(out.warnings.join(' ')).toMatch(/totalResults 323 but 523 were listed/);
  });

  it('totalResults capped', async () => {
    expectExact(await list({ totalResultsCapped: 100 }));
  });

  it('totalResults over-reported: the list cannot be verified, so it is not called complete', async () => {
    const out = await list({ wrongTotalResults: 7 });
    expect(out.complete).toBe(false);
    expect(out.Resources.map((r) => r.id)).toEqual([...sandbox.store.ids('Users')]);
    expect(out.warnings.join(' ')).toMatch(/reported 530 resources but only 523/);
  });

  it('0-based startIndex: the skipped first resource is fetched', async () => {
    const out = await list({ zeroBasedIndex: true });
    expectExact(out);
    expect(out.warnings.join(' ')).toMatch(/counts startIndex from 0/);
  });

  it('count ignored (server page size 100 when 50 was asked)', async () => {
    const out = await list({ ignoreCount: true });
    expectExact(out);
    expect(out.warnings.join(' ')).toMatch(/ignored count=50/);
  });

  it('cursor only: switches to the cursor the server hands out', async () => {
    expectExact(await list({ cursorOnly: true }));
  });

  it('cursor paging when the capabilities say cursor', async () => {
    transport.log.clear();
    const caps = { groups: true, patch: true, etag: true, sort: true, filter: true, pagination: 'cursor' as const, maxPageSize: null, bulk: false };
    expectExact(await list({}, { capabilities: caps }));
    expect(transport.log.entries().every((e) => /[?&]cursor=/.test(e.url))).toBe(true);
  });

  it('groups are listed exactly too', async () => {
    sandbox.setFaults({ pageCap: 7 });
    const out = await listResources(transport, 'Groups', { pageSize: 10 });
    expect(out.complete).toBe(true);
    expect(out.Resources.map((g) => g.id)).toEqual([...sandbox.store.ids('Groups')]);
    expect(out.count).toBeGreaterThan(7);
  });

  it('429 with Retry-After is honoured and the listing is still exact', async () => {
    const out = await list({ rateLimitEvery: 4, retryAfter: { seconds: 1, format: 'seconds' } }, { pageSize: 100 });
    expectExact(out);
    expect(transport.log.entries().some((e) => e.status === 429)).toBe(true);
  });

  it('everything at once: cap, no itemsPerPage, wrong total, 0-based, count ignored', async () => {
    expectExact(await list({ pageCap: 29, omitItemsPerPage: true, wrongTotalResults: -100, zeroBasedIndex: true }, { pageSize: 40 }));
    expectExact(await list({ pageCap: 31, omitItemsPerPage: true, totalResultsCapped: 60, ignoreCount: true }, { concurrency: 8 }));
  });

  it('keeps the server\'s sort order with pages fetched concurrently', async () => {
    sandbox.setFaults({});
    const out = await listResources(transport, 'Users', { pageSize: 30, concurrency: 6, sortBy: 'userName', sortOrder: 'descending' });
    const names = out.Resources.map((u) => String(u.userName).toLowerCase());
    expect(out.complete).toBe(true);
    expect(names).toEqual([...names].sort().reverse());
  });

  it('cancelling stops the listing at once and leaves no page requests running', async () => {
    const controller = new AbortController();
    sandbox.setFaults({ latencyMs: 40 });
    const pending = listResources(transport, 'Users', { pageSize: 10, concurrency: 6, signal: controller.signal, onPage: (_r, p) => p.pagesDone === 3 && controller.abort() });
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    const requestsAtCancel = sandbox.stats().requests;
    await new Promise((r) => setTimeout(r, 200));
    // Requests already on the wire may still reach the server; nothing new is started after.
    expect(sandbox.stats().requests).toBe(requestsAtCancel);
  });

  it('a user deleted while listing: exact anyway or complete:false, never short and complete', async () => {
    let deleted = false;
    const out = await list({ latencyMs: 2 }, {
      concurrency: 1,
      onPage: () => {
        const victim = sandbox.store.ids('Users')[3];
        if (!deleted && victim) deleted = sandbox.store.remove('Users', victim);
      },
    });
    expect(deleted).toBe(true);
    // Complete means exactly the tenant: none missing, none extra (the deleted user was on page 1),
    // none twice, in the tenant's order.
    if (out.complete) expect(out.Resources.map((r) => r.id)).toEqual([...sandbox.store.ids('Users')]);
    else expect(out.warnings.join(' ')).toMatch(/tenant changed/);
  });

  it('a user added at the front while listing is caught (it would shift every later page)', async () => {
    let added = false;
    const out = await list({}, {
      concurrency: 1,
      sortBy: 'userName',
      onPage: (_r, p) => {
        if (!added && p.pagesDone === 2) {
          sandbox.store.insert('Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: 'late-arrival-0001', userName: '0000.first@example.com', active: true });
          added = true;
        }
      },
    });
    expect(added).toBe(true);
    expect(new Set(out.Resources.map((r) => r.id)).size).toBe(out.Resources.length);
    expect(out.complete).toBe(false);
  });
});

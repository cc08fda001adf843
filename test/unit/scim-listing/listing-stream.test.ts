// A streaming listing (keep: false) must hand out exactly what a collecting one returns — same
// resources in the same order, same complete/count/warnings — for every class of server
// behaviour the engine verifies: plain, capped pages, a tenant changing mid-listing (removal,
// insertion), an under-reported total, a limit, a filter the server ignored.

import { describe, expect, it } from 'vitest';
import type { ScimResource } from '../../../shared/scim';
import { listResources } from '../../../electron/core/scim/listing';
import type { ListOptions } from '../../../electron/core/scim/types';
import { arrayTransport, makeUsers } from './array-transport';

type Scenario = { name: string; users: () => Record<string, unknown>[]; server?: Parameters<typeof arrayTransport>[1]; mutate?: (users: Record<string, unknown>[], page: number) => void; options: ListOptions };

const SCENARIOS: Scenario[] = [
  { name: 'plain, concurrent', users: () => makeUsers(1037), options: { pageSize: 100, concurrency: 4 } },
  { name: 'page cap below the count asked', users: () => makeUsers(500), server: { pageCap: 37 }, options: { pageSize: 100, concurrency: 6 } },
  { name: 'removal mid-listing', users: () => makeUsers(500), mutate: (u, n) => void (n === 3 && u.splice(10, 1)), options: { pageSize: 50, concurrency: 1 } },
  { name: 'insertion mid-listing', users: () => makeUsers(300), mutate: (u, n) => void (n === 2 && u.unshift(...makeUsers(1, 9000))), options: { pageSize: 50, concurrency: 1 } },
  { name: 'under-reported total, uneven pages', users: () => makeUsers(300), server: { reportTotal: 100, pageCapAt: (s) => (s > 150 && s < 200 ? 10 : 50) }, options: { pageSize: 50, concurrency: 4 } },
  { name: 'limit', users: () => makeUsers(300), options: { pageSize: 50, limit: 120 } },
  { name: 'filter ignored by the server', users: () => makeUsers(140), options: { pageSize: 30, filter: 'active eq false' } },
];

async function run(s: Scenario, keep: boolean): Promise<{ streamed: string[]; outcome: Awaited<ReturnType<typeof listResources>> }> {
  const users = s.users();
  const { transport } = arrayTransport(users, { ...s.server, beforePage: (n) => s.mutate?.(users, n) });
  const streamed: string[] = [];
  const onPage = (page: ScimResource[]): void => void streamed.push(...page.map((r) => r.id));
  const outcome = await listResources(transport, 'Users', { ...s.options, keep, onPage });
  return { streamed, outcome };
}

describe('streaming listing (keep: false)', () => {
  for (const s of SCENARIOS) {
    it(`hands out what the collecting listing returns: ${s.name}`, async () => {
      const collected = await run(s, true);
      const streamed = await run(s, false);
      expect(streamed.outcome.Resources).toEqual([]);
      expect(streamed.streamed).toEqual(collected.outcome.Resources.map((r) => r.id));
      // The concurrency reached depends on timing, not on what was listed.
      const { Resources: _a, concurrency: _c, ...summaryStreamed } = streamed.outcome;
      const { Resources: _b, concurrency: _d, ...summaryCollected } = collected.outcome;
      expect(summaryStreamed).toEqual(summaryCollected);
      expect(summaryStreamed.count).toBe(collected.outcome.Resources.length);
    });
  }

  it('a 0-based server: the skipped head is handed out last, and the listing is still complete', async () => {
    const users = makeUsers(120);
    const { transport } = arrayTransport(users);
    // startIndex read as a 0-based offset: 1 skips the head, and only startIndex=0 returns it.
    const zeroBased = { ...transport, request: (req: Parameters<typeof transport.request>[0]) => transport.request({ ...req, query: { ...req.query, startIndex: Number(req.query?.startIndex ?? 1) + 1 } }) };
    const streamed: string[] = [];
    const out = await listResources(zeroBased, 'Users', { pageSize: 50, concurrency: 2, keep: false, onPage: (p) => void streamed.push(...p.map((r) => r.id)) });
    expect(out.complete).toBe(true);
    expect(out.count).toBe(120);
    expect([...streamed].sort()).toEqual(users.map((u) => String(u.id)).sort());
    expect(streamed[streamed.length - 1]).toBe('u000000');
    expect(out.warnings.join(' ')).toMatch(/counts startIndex from 0/);
  });
});

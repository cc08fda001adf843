// The journal's `wrote` says whether a write request may have reached the server. A PUT run reads
// each user fresh first; when that read fails, no PUT was sent and the journal must not claim one
// (undo and audits trust this flag).

import { readFile } from 'node:fs/promises';
import { afterEach, expect, it } from 'vitest';
import { executePlan, planDeactivation } from '../../../electron/core/deactivate';
import { plainActiveUsers, tenant, type Tenant } from './support';

let t: Tenant | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

it('records wrote: false for a PUT that was never sent because the fresh read failed', async () => {
  t = await tenant('rfc');
  const [kept, vanished] = plainActiveUsers(t.users);
  if (!kept || !vanished) throw new Error('seed has too few plain users');
  const plan = await planDeactivation(t.client, { inputs: [kept.id, vanished.id], method: 'put', match: ['id'] });
  expect(plan.targets).toHaveLength(2);
  t.sandbox.store.remove('Users', vanished.id); // gone between the dry run and the run
  const puts = t.sandbox.stats().byMethod.PUT ?? 0;
  const result = await executePlan(t.client, plan, t.journal);
  expect(result.failed.map((f) => f.id)).toEqual([vanished.id]);
  expect((t.sandbox.stats().byMethod.PUT ?? 0) - puts).toBe(1);
  const outcomes = (await readFile(t.journal, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; id?: string; wrote?: boolean })
    .filter((r) => r.type === 'outcome');
  expect(outcomes.find((o) => o.id === vanished.id)).toMatchObject({ wrote: false });
  expect(outcomes.find((o) => o.id === kept.id)).toMatchObject({ wrote: true });
});

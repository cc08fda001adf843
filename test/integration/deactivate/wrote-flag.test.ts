// The journal's `wrote` says whether a write request may have reached the server. A PUT run reads
// each user fresh first; when that read fails, no PUT was sent and the journal must not claim one
// (undo and audits trust this flag). Nor when a cancel stopped the write before it left.

import { readFile } from 'node:fs/promises';
import { afterEach, expect, it } from 'vitest';
import { executePlan, planDeactivation, resumeRun } from '../../../electron/core/deactivate';
import { createScimClient } from '../../../electron/core/scim/client';
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

it('records wrote: false for a PATCH cancelled before it left (while its credentials were read), and resume then sends it', async () => {
  t = await tenant('rfc', { users: 20 });
  const [user] = plainActiveUsers(t.users);
  if (!user) throw new Error('seed has too few plain users');
  const sandbox = t.sandbox;
  const controller = new AbortController();
  let cancelOnToken = false;
  // The keychain answers after the admin pressed Cancel: the PATCH is stopped before it is sent.
  const client = createScimClient({
    baseUrl: sandbox.url,
    token: () => {
      if (cancelOnToken) controller.abort();
      return sandbox.token;
    },
    vendor: 'rfc',
  });
  try {
    const plan = await planDeactivation(client, { inputs: [user.id], match: ['id'] });
    const patches = sandbox.stats().byMethod.PATCH ?? 0;
    cancelOnToken = true;
    const result = await executePlan(client, plan, t.journal, { signal: controller.signal, concurrency: 1 });
    expect(result.failed).toEqual([{ id: user.id, error: 'The operation was cancelled before the request was sent.' }]);
    expect(sandbox.stats().byMethod.PATCH ?? 0).toBe(patches);
    const outcomes = (await readFile(t.journal, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; id?: string; wrote?: boolean })
      .filter((r) => r.type === 'outcome');
    expect(outcomes).toEqual([expect.objectContaining({ id: user.id, status: 'failed', wrote: false })]);
    expect(sandbox.store.get('Users', user.id)?.res.active).toBe(true);

    cancelOnToken = false;
    const resumed = await resumeRun(t.client, t.journal);
    expect(resumed.done).toEqual([expect.objectContaining({ id: user.id, wrote: true })]);
    expect(sandbox.store.get('Users', user.id)?.res.active).toBe(false);
  } finally {
    await client.close();
  }
});

// Undo reactivates only the users this tool deactivated. A run is cancelled before its first
// write; meanwhile another admin deactivates one of its targets; resume finds that user already
// inactive (no write, so no intent in the journal) and finishes the others. Undo must then leave
// the other admin's user inactive: the journal never says we wrote it.

import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMAS, type PatchRequest, type ScimUser } from '../../../shared/scim';
import { executePlan, journalCounts, planDeactivation, reactivateRun, resumeRun } from '../../../electron/core/deactivate';
import { plainActiveUsers, tenant, writes, type Tenant } from './support';

let t: Tenant | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const deactivate: PatchRequest = { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'active', value: false }] };

describe('undo after a resume that found a target already inactive', () => {
  it('reactivates the users the run wrote, not the one someone else deactivated', async () => {
    t = await tenant('rfc');
    const [mine, theirs, alsoMine] = plainActiveUsers(t.users);
    if (!mine || !theirs || !alsoMine) throw new Error('seed has too few plain users');
    const plan = await planDeactivation(t.client, { inputs: [mine.id, theirs.id, alsoMine.id], method: 'patch' });
    expect(plan.targets.map((x) => x.id)).toEqual([mine.id, theirs.id, alsoMine.id]);

    // Cancelled before any write: the journal holds the run and its end, nothing else.
    const before = writes(t.sandbox);
    const cancelled = await executePlan(t.client, plan, t.journal, { signal: AbortSignal.abort() });
    expect(cancelled.done).toEqual([]);
    expect(writes(t.sandbox)).toBe(before);

    // Another admin deactivates one target in the meantime, through the same SCIM API.
    await t.client.patch('Users', theirs.id, deactivate);

    const resumed = await resumeRun(t.client, t.journal);
    expect(resumed.failed).toEqual([]);
    expect(resumed.done.find((d) => d.id === theirs.id)).toMatchObject({ wrote: false });
    expect(resumed.done.filter((d) => d.wrote).map((d) => d.id).sort()).toEqual([mine.id, alsoMine.id].sort());

    expect((await journalCounts(t.journal)).reactivatable).toBe(2);
    const undo = await reactivateRun(t.client, t.journal);
    expect(undo.planned.map((p) => p.id).sort()).toEqual([mine.id, alsoMine.id].sort());
    expect((await t.client.get<ScimUser>('Users', mine.id)).active).toBe(true);
    expect((await t.client.get<ScimUser>('Users', alsoMine.id)).active).toBe(true);
    // The other admin's decision stands.
    expect((await t.client.get<ScimUser>('Users', theirs.id)).active).toBe(false);
  });
});

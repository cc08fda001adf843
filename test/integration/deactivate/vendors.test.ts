import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScimUser } from '../../../shared/scim';
import { executePlan, journalCounts, planDeactivation, reactivateRun, resumeRun } from '../../../electron/core/deactivate';
import { openJournal } from '../../../electron/core/journal/journal';
import type { DeactivationRecord } from '../../../electron/core/deactivate/records';
import { plainActiveUsers, tenant, writes, type Tenant } from './support';

let t: Tenant | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function activeOf(t: Tenant, id: string): Promise<boolean | 'gone'> {
  try {
    return (await t.client.get<ScimUser>('Users', id)).active === true;
  } catch {
    return 'gone';
  }
}

describe('deactivation against the sandbox vendors', () => {
  it('rfc: resolves by userName, email and externalId, PATCHes, verifies, journals, and undoes', async () => {
    t = await tenant('rfc');
    const [a, b, c] = plainActiveUsers(t.users);
    if (!a || !b || !c) throw new Error('seed has too few plain users');
    const email = (b.emails?.[0]?.value ?? '') as string;
    const plan = await planDeactivation(t.client, { inputs: [a.userName, email, c.externalId ?? ''], method: 'patch', vendor: 'rfc' });
    expect(plan.refused).toEqual([]);
    expect(plan.unresolved).toEqual([]);
    expect(plan.targets.map((x) => x.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(plan.targets[0]?.request).toMatchObject({ method: 'PATCH', body: { Operations: [{ op: 'replace', path: 'active', value: false }] } });
    expect(JSON.stringify(plan)).not.toContain(t.sandbox.token);
    const before = writes(t.sandbox);
    const result = await executePlan(t.client, plan, t.journal);
    expect(result.failed).toEqual([]);
    expect(result.done.map((d) => d.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(writes(t.sandbox) - before).toBe(3);
    for (const u of [a, b, c]) expect(await activeOf(t, u.id)).toBe(false);
    const lines = (await readFile(t.journal, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines.map((l) => l.type)).toEqual(['run', ...Array(6).fill(expect.stringMatching(/intent|outcome/)), 'end']);

    expect((await journalCounts(t.journal)).reactivatable).toBe(3);
    const undo = await reactivateRun(t.client, t.journal);
    expect(undo.done.map((d) => d.id).sort()).toEqual([a.id, b.id, c.id].sort());
    for (const u of [a, b, c]) expect(await activeOf(t, u.id)).toBe(true);
    // An undone run has nobody left to undo.
    expect((await journalCounts(t.journal)).reactivatable).toBe(0);
    const again = await reactivateRun(t.client, t.journal);
    expect(again.planned).toEqual([]);
  });

  it('skips already-inactive users, refuses protected ones, and reports unknown and ambiguous values', async () => {
    t = await tenant('rfc');
    const inactive = t.users.find((u) => u.active === false);
    const [keep, protectedUser] = plainActiveUsers(t.users);
    const lower = new Map<string, ScimUser[]>();
    for (const u of t.users) lower.set(u.userName.toLowerCase(), [...(lower.get(u.userName.toLowerCase()) ?? []), u]);
    const colliding = [...lower.values()].find((list) => list.length > 1)?.[0];
    if (!inactive || !keep || !protectedUser || !colliding) throw new Error('seed lacks planted users');
    const plan = await planDeactivation(t.client, { inputs: [inactive.userName, keep.userName, 'nobody@nowhere.invalid', colliding.userName], method: 'patch' });
    expect(plan.skipped.map((s) => [s.id, s.reason])).toEqual([[inactive.id, 'already inactive']]);
    expect(plan.unresolved.map((u) => u.input).sort()).toEqual([colliding.userName, 'nobody@nowhere.invalid'].sort());
    expect(plan.unresolved.find((u) => u.input === colliding.userName)?.candidates.length).toBeGreaterThan(1);
    const guarded = await planDeactivation(t.client, { inputs: [keep.userName, protectedUser.userName], method: 'patch', protectedUsers: [protectedUser.userName.toUpperCase()] });
    expect(guarded.refused).toHaveLength(1);
    const before = writes(t.sandbox);
    await expect(executePlan(t.client, guarded, t.journal)).rejects.toMatchObject({ code: 'refused-protected' });
    expect(writes(t.sandbox)).toBe(before);
  });

  it('mittr: a value only an ignored filter would match resolves in a verified-complete listing, and the plan says so', async () => {
    t = await tenant('mittr');
    const [target, other] = plainActiveUsers(t.users);
    if (!target || !other) throw new Error('seed has too few plain users');
    const before = writes(t.sandbox);
    // Issue 13: this used to be refused; a unique match in a verified-complete listing is proof enough.
    const plan = await planDeactivation(t.client, { inputs: [target.externalId ?? ''], method: 'patch', vendor: 'mittr' });
    expect(plan.refused).toEqual([]);
    expect(plan.targets.map((x) => [x.id, x.resolvedBy, x.listing?.size])).toEqual([[target.id, 'complete-listing', t.users.length]]);
    expect(plan.warnings.filter((w) => /ignores/.test(w))).toHaveLength(1);
    const result = await executePlan(t.client, plan, t.journal, { vendor: 'mittr' });
    expect(result.done.map((d) => d.id)).toEqual([target.id]);
    expect(writes(t.sandbox)).toBe(before + 1);
    // Supported filters resolve through the server, and Mittr's documented no-path PATCH form is used.
    const ok = await planDeactivation(t.client, { inputs: [other.userName], method: 'patch', vendor: 'mittr' });
    expect(ok.targets.map((x) => x.id)).toEqual([other.id]);
  });

  it('mittr: when the listing that would prove a match cannot be verified complete, the value is refused and nothing is written', async () => {
    t = await tenant('mittr');
    const [target] = plainActiveUsers(t.users);
    if (!target) throw new Error('seed has too few plain users');
    // The server now under-reports its total: no listing of it can be called complete.
    t.sandbox.setFaults({ wrongTotalResults: 7 });
    const before = writes(t.sandbox);
    const plan = await planDeactivation(t.client, { inputs: [target.externalId ?? ''], method: 'patch', vendor: 'mittr' });
    expect(plan.targets).toEqual([]);
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused[0]?.reason).toMatch(/could not be verified complete/);
    await expect(executePlan(t.client, plan, t.journal)).rejects.toMatchObject({ code: 'refused-unverifiable' });
    expect(writes(t.sandbox)).toBe(before);
  });

  it('mittr: DELETE means soft delete; verified as inactive', async () => {
    t = await tenant('mittr');
    const [u] = plainActiveUsers(t.users);
    if (!u) throw new Error('no user');
    const plan = await planDeactivation(t.client, { inputs: [u.userName], method: 'delete', vendor: 'mittr' });
    expect(plan.targets[0]?.request.method).toBe('DELETE');
    const result = await executePlan(t.client, plan, t.journal, { vendor: 'mittr' });
    expect(result.failed).toEqual([]);
    expect(await activeOf(t, u.id)).toBe(false);
  });

  it('lettermint and mindtickle: PATCH of active is honoured; PUT path replaces from the fresh resource', async () => {
    for (const vendor of ['lettermint', 'mindtickle'] as const) {
      t = await tenant(vendor);
      const [p, q] = plainActiveUsers(t.users);
      if (!p || !q) throw new Error('no users');
      const patchPlan = await planDeactivation(t.client, { inputs: [p.userName], method: 'patch', vendor });
      expect((await executePlan(t.client, patchPlan, t.journal, { vendor })).failed).toEqual([]);
      expect(await activeOf(t, p.id)).toBe(false);
      const putPlan = await planDeactivation(t.client, { inputs: [q.userName], method: 'put', vendor });
      expect(putPlan.targets[0]?.request.method).toBe('PUT');
      const put = await executePlan(t.client, putPlan, `${t.journal}.put`, { vendor });
      expect(put.failed).toEqual([]);
      const after = await t.client.get<ScimUser>('Users', q.id);
      expect(after.active).toBe(false);
      expect(after.userName).toBe(q.userName);
      await t.close();
      t = null;
    }
  });

  it('finishes through a 429 storm with every user verified', async () => {
    t = await tenant('rfc', { faults: { rateLimitEvery: 3, retryAfter: { seconds: 0, format: 'seconds' } } });
    const targets = plainActiveUsers(t.users).slice(0, 12);
    const plan = await planDeactivation(t.client, { inputs: targets.map((u) => u.id), method: 'patch' });
    const result = await executePlan(t.client, plan, t.journal, { concurrency: 4 });
    expect(result.failed).toEqual([]);
    expect(result.done).toHaveLength(12);
    t.sandbox.setFaults({});
    for (const u of targets) expect(await activeOf(t, u.id)).toBe(false);
  });

  it('resume re-checks a target whose write landed before the crash and does not write it again', async () => {
    t = await tenant('rfc');
    const [landed, pending] = plainActiveUsers(t.users);
    if (!landed || !pending) throw new Error('no users');
    // A run that died after sending the first write but before recording its outcome.
    const journal = await openJournal<DeactivationRecord>(t.journal);
    await journal.append({ type: 'run', runId: 'r1', action: 'deactivate', method: 'patch', baseUrl: t.client.baseUrl, targets: [{ id: landed.id, userName: landed.userName }, { id: pending.id, userName: pending.userName }], skipped: [] });
    await journal.append({ type: 'intent', runId: 'r1', id: landed.id, method: 'PATCH' });
    await journal.close();
    await t.client.patch('Users', landed.id, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] });
    const before = writes(t.sandbox);
    const result = await resumeRun(t.client, t.journal);
    expect(writes(t.sandbox) - before).toBe(1);
    expect(result.done.find((d) => d.id === landed.id)?.wrote).toBe(false);
    expect(result.done.find((d) => d.id === pending.id)?.wrote).toBe(true);
    expect(await activeOf(t, pending.id)).toBe(false);
    // Undo counts the landed write as ours: its intent was recorded.
    const undo = await reactivateRun(t.client, t.journal);
    expect(undo.done.map((d) => d.id).sort()).toEqual([landed.id, pending.id].sort());
  });
});

// Deactivation targets (resolve.ts) on the sandbox: the admin's choice of match attributes is
// honoured (and an empty choice means all), an ambiguous value is reported with every candidate by
// id and userName, "server filters only" is passed on (its not-found says it is unproven), and the
// caller's progress callback and cancel signal reach the resolver.

import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMAS, type ScimUser } from '../../../shared/scim';
import { planDeactivation, resolveTargets } from '../../../electron/core/deactivate';
import { plainActiveUsers, tenant, type Tenant } from './support';

let t: Tenant | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

function emailOf(user: ScimUser): string {
  const email = (user.emails ?? []).map((e) => e.value ?? '').find((v) => v !== '' && v.toLowerCase() !== user.userName.toLowerCase());
  if (!email) throw new Error(`${user.id} has no email apart from its userName`);
  return email;
}

describe('deactivation targets', () => {
  it('match only by the attributes asked for; an empty list means all of them', async () => {
    t = await tenant('rfc', { users: 30 });
    const a = plainActiveUsers(t.users).find((u) => (u.emails ?? []).some((e) => e.value !== undefined && e.value.toLowerCase() !== u.userName.toLowerCase()));
    if (!a) throw new Error('seed has no user with a separate email');
    const email = emailOf(a);

    const byId = await resolveTargets(t.client, [a.id, email], { match: ['id'] });
    expect(byId.matches.map((m) => [m.input, m.user.id])).toEqual([[a.id, a.id]]);
    expect(byId.unresolved.map((u) => u.input)).toEqual([email]);

    const all = await resolveTargets(t.client, [email], { match: [] });
    expect(all.matches.map((m) => [m.input, m.user.id, m.matchedBy])).toEqual([[email, a.id, ['email']]]);
    expect(all.unresolved).toEqual([]);
  });

  it('report an ambiguous value with each candidate’s id and userName, and deactivate none of them', async () => {
    t = await tenant('rfc', { users: 120 });
    const byName = new Map<string, ScimUser[]>();
    for (const u of t.users) byName.set(u.userName.toLowerCase(), [...(byName.get(u.userName.toLowerCase()) ?? []), u]);
    const twins = [...byName.values()].find((list) => list.length === 2);
    if (!twins) throw new Error('seed has no case-colliding userNames');
    // A displayName unlike the userName, so a candidate named by its displayName would show.
    for (const u of twins) await t.client.patch('Users', u.id, { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'displayName', value: `Twin ${u.id}` }] });
    const input = twins[0]?.userName.toUpperCase() ?? '';
    const plan = await planDeactivation(t.client, { inputs: [input], method: 'patch' });
    expect(plan.targets).toEqual([]);
    expect(plan.unresolved.map((u) => u.input)).toEqual([input]);
    const byId = (list: { id: string }[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(plan.unresolved[0]?.candidates ?? [])).toEqual(byId(twins.map((u) => ({ id: u.id, userName: u.userName }))));
  });

  it('with server filters only, a value the filters miss is not found and said to be unproven', async () => {
    t = await tenant('rfc', { users: 20 });
    const plan = await planDeactivation(t.client, { inputs: ['nobody-here@example.invalid'], method: 'patch', serverFilterOnly: true });
    expect(plan.unresolved).toEqual([
      { input: 'nobody-here@example.invalid', reason: expect.stringContaining('not proven (server filters only: no complete listing was taken to check)') as string, candidates: [] },
    ]);
  });

  it('tell the caller’s progress callback each value resolved, and stop on its cancel signal', async () => {
    t = await tenant('rfc', { users: 20 });
    const ids = plainActiveUsers(t.users)
      .slice(0, 3)
      .map((u) => u.id);
    const progress: [number, number][] = [];
    const resolution = await resolveTargets(t.client, ids, { onProgress: (done, total) => progress.push([done, total]) });
    expect(resolution.matches).toHaveLength(3);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const before = t.sandbox.stats().requests;
    await expect(resolveTargets(t.client, ids, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'cancelled' });
    expect(t.sandbox.stats().requests).toBe(before);
  });
});

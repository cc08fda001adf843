// The deactivation plan, word for word, against the sandbox: the exact request each method will
// send (what the admin confirms), who is refused as protected (every key, any case, stray spaces),
// who is skipped as already inactive and who is not (DELETE removes inactive users too). Mutants of
// plan.ts survived every in-process test: the CLI and crash tests that also read plans run it in
// child processes, where a mutant is not active.

import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMAS, type ScimUser } from '../../../shared/scim';
import { buildPlan, planDeactivation, resolveTargets } from '../../../electron/core/deactivate';
import { plainActiveUsers, tenant, writes, type Tenant } from './support';

let t: Tenant | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const REDACTED_AUTH = 'Bearer [redacted]';

async function fresh(id: string): Promise<ScimUser> {
  if (!t) throw new Error('no tenant');
  return t.client.get<ScimUser>('Users', id);
}

describe('the deactivation plan', () => {
  it('shows the exact PATCH, PUT and DELETE each target will get', async () => {
    t = await tenant('rfc', { users: 20 });
    const [a] = plainActiveUsers(t.users);
    if (!a) throw new Error('seed has no plain user');
    const base = t.client.baseUrl.replace(/\/+$/, '');
    const url = `${base}/Users/${encodeURIComponent(a.id)}`;

    const patch = await planDeactivation(t.client, { inputs: [a.id], method: 'patch', vendor: 'rfc' });
    expect(patch.method).toBe('patch');
    expect(patch.targets[0]?.request).toMatchObject({ method: 'PATCH', url, body: { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'active', value: false }] } });
    expect(patch.targets[0]?.request.headers).toMatchObject({ Authorization: REDACTED_AUTH, 'Content-Type': expect.stringContaining('json') });

    // Mittr wants `active` without a path.
    const mittr = await planDeactivation(t.client, { inputs: [a.id], method: 'patch', vendor: 'mittr' });
    expect(mittr.targets[0]?.request.body).toEqual({ schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', value: { active: false } }] });

    const current = await fresh(a.id);
    const put = await planDeactivation(t.client, { inputs: [a.id], method: 'put', vendor: 'rfc' });
    const { meta: _meta, groups: _groups, ...rest } = current;
    expect(put.targets[0]?.request).toMatchObject({ method: 'PUT', url, body: { ...rest, active: false } });
    expect(put.targets[0]?.request.body).not.toHaveProperty('meta');
    expect(put.targets[0]?.request.body).not.toHaveProperty('groups');
    // The PUT carries the version it was planned from: a concurrent change makes it fail, not lose.
    expect(current.meta?.version).toMatch(/\d/);
    expect(put.targets[0]?.request.headers['If-Match']).toBe(current.meta?.version);

    const del = await planDeactivation(t.client, { inputs: [a.id], method: 'delete', vendor: 'rfc' });
    expect(del.targets[0]?.request).toEqual({ method: 'DELETE', url, body: null, headers: expect.objectContaining({ Authorization: REDACTED_AUTH }) });
    expect(Object.keys(del.targets[0]?.request.headers ?? {}).map((h) => h.toLowerCase())).not.toContain('content-type');
    expect(writes(t.sandbox)).toBe(0);
  });

  it('plans a PUT for a user the server sends without meta, with no If-Match', async () => {
    t = await tenant('rfc', { users: 20 });
    const [a] = plainActiveUsers(t.users);
    if (!a) throw new Error('seed has no plain user');
    const resolution = await resolveTargets(t.client, [a.id]);
    // Some servers leave meta out; the plan must still be built, with nothing to match against.
    const bare = { ...resolution, matches: resolution.matches.map((m) => ({ ...m, user: { ...m.user, meta: undefined } as ScimUser })) };
    const plan = buildPlan(bare, { baseUrl: t.client.baseUrl, method: 'put' });
    expect(plan.targets.map((x) => x.id)).toEqual([a.id]);
    expect(plan.targets[0]?.request.method).toBe('PUT');
    expect(plan.targets[0]?.request.headers).not.toHaveProperty('If-Match');
  });

  it('refuses a protected user whichever key protects it, in any case and with stray spaces', async () => {
    t = await tenant('rfc', { users: 30 });
    const plain = plainActiveUsers(t.users);
    // Protected by an email that is not also its userName, so only the email can match.
    const byEmail = plain.find((u) => (u.emails ?? []).some((e) => e.value !== undefined && e.value.toLowerCase() !== u.userName.toLowerCase()));
    const [byId, byName, byExternal, free] = plain.filter((u) => u !== byEmail);
    if (!byId || !byName || !byExternal || !byEmail || !free) throw new Error('seed has too few plain users');
    const email = (byEmail.emails ?? []).map((e) => e.value ?? '').find((v) => v.toLowerCase() !== byEmail.userName.toLowerCase()) ?? '';
    // A user with no externalId must not match the blank entries of the list.
    await t.client.patch('Users', free.id, { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'remove', path: 'externalId' }] });
    expect((await fresh(free.id)).externalId).toBeUndefined();
    const protectedUsers = [` ${byId.id} `, byName.userName.toUpperCase(), `\t${byExternal.externalId ?? ''}`, ` ${email.toUpperCase()}`, '', '   '];
    const plan = await planDeactivation(t.client, { inputs: [byId.id, byName.id, byExternal.id, byEmail.id, free.id], method: 'patch', protectedUsers });
    expect(plan.refused.map((r) => [r.input, r.kind])).toEqual([
      [byId.id, 'protected'],
      [byName.id, 'protected'],
      [byExternal.id, 'protected'],
      [byEmail.id, 'protected'],
    ]);
    expect(plan.refused[1]?.reason).toBe(`${byName.userName} (${byName.id}) is on this profile's protected list (${byName.userName.toLowerCase()}); remove it from the list of targets.`);
    expect(plan.refused[3]?.reason).toContain(`(${email.toLowerCase()})`);
    expect(plan.targets.map((x) => x.id)).toEqual([free.id]);
  });

  it('skips an inactive user for PATCH and PUT but deletes it for DELETE, and shows each target as it is', async () => {
    t = await tenant('rfc', { users: 20 });
    const [named, inactive] = plainActiveUsers(t.users);
    if (!named || !inactive) throw new Error('seed has too few plain users');
    await t.client.patch('Users', inactive.id, { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'active', value: false }] });
    await t.client.patch('Users', named.id, { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'displayName', value: 'Named Person' }] });
    await t.client.patch('Users', inactive.id, { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'remove', path: 'displayName' }] });

    for (const method of ['patch', 'put'] as const) {
      const plan = await planDeactivation(t.client, { inputs: [named.id, inactive.id], method });
      expect(plan.skipped).toEqual([{ input: inactive.id, id: inactive.id, userName: inactive.userName, reason: 'already inactive' }]);
      expect(plan.targets).toMatchObject([{ input: named.id, id: named.id, userName: named.userName, displayName: 'Named Person', active: true, matchedBy: ['id'] }]);
    }
    const del = await planDeactivation(t.client, { inputs: [named.id, inactive.id], method: 'delete' });
    expect(del.skipped).toEqual([]);
    expect(del.targets).toMatchObject([
      { id: named.id, displayName: 'Named Person', active: true },
      { id: inactive.id, displayName: null, active: false },
    ]);
  });
});

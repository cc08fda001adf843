// The builder, preview and verification against the sandbox tenant in each vendor profile, through
// the real client: the PATCH sent gives the previewed resource (rfc, entra, mittr), the services that
// honour PATCH only for `active` are caught ignoring the rest and the PUT fallback then lands, and a
// stale If-Match (412) is rebased onto the fresh resource and confirmed again.

import { afterAll, describe, expect, it } from 'vitest';
import { buildReplaceBody, explainConflict, planEdit, rebaseEdit, verifyWrite } from '../../../electron/core/patch';
import { startSandbox, type SandboxHandle, type VendorName } from '../../../electron/core/sandbox';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { InspectorError } from '../../../shared/errors';
import { SCHEMAS, type ResourceKind, type ScimResource } from '../../../shared/scim';
import { checkRandomGroupEdits, checkRandomUserEdits } from './roundtrip';

const ENT = SCHEMAS.enterpriseUser;
const opened: { sandbox: SandboxHandle; client: ScimClient }[] = [];

async function open(vendor: VendorName): Promise<{ sandbox: SandboxHandle; client: ScimClient }> {
  const sandbox = await startSandbox({ vendor, users: 40, groups: 6, port: 0 });
  const client = createScimClient({ baseUrl: sandbox.url, token: () => sandbox.token, vendor, retryBudgetMs: 5_000 });
  opened.push({ sandbox, client });
  return { sandbox, client };
}

afterAll(async () => {
  for (const { sandbox, client } of opened) {
    await client.close();
    await sandbox.close();
  }
});

/** Load, edit, plan, send with If-Match, reload; returns the plan and what the server holds. */
async function editAndSend(client: ScimClient, baseUrl: string, vendor: VendorName, kind: ResourceKind, id: string, change: (copy: Record<string, unknown>) => void) {
  const before = await client.get(kind, id);
  const edited = structuredClone(before) as Record<string, unknown>;
  change(edited);
  const plan = planEdit(before, edited as ScimResource, { baseUrl, kind, vendor });
  expect(plan.empty).toBe(false);
  await client.patch(kind, id, plan.request.body as Parameters<ScimClient['patch']>[2], before.meta?.version ? { ifMatch: before.meta.version } : {});
  const actual = await client.get(kind, id);
  return { before, edited: edited as ScimResource, plan, actual, verification: verifyWrite(before, plan.after, actual) };
}

function activeUserIds(sandbox: SandboxHandle): string[] {
  return sandbox.store.ids('Users').filter((id) => sandbox.store.get('Users', id)?.res.active === true);
}

describe('sandbox rfc', () => {
  it('user edits across every path form land exactly as previewed', async () => {
    const { sandbox, client } = await open('rfc');
    const id = activeUserIds(sandbox)[0]!;
    const result = await editAndSend(client, sandbox.url, 'rfc', 'Users', id, (u) => {
      u.title = 'Principal Engineer';
      u.name = { ...(u.name as object), givenName: 'Zoë', middleName: 'Q' };
      u.emails = [{ value: 'zoe@example.test', type: 'work', primary: true }];
      u[ENT] = { ...(u[ENT] as object), department: 'Looms', manager: { value: activeUserIds(sandbox)[1]! } };
    });
    expect(result.plan.request.headers['If-Match']).toBe(result.before.meta?.version);
    expect(result.verification.warnings).toEqual([]);
    expect(result.actual).toMatchObject({ title: 'Principal Engineer', [ENT]: { department: 'Looms' } });
  });


  it('group members: bracket-path removals and an add land as previewed', async () => {
    const { sandbox, client } = await open('rfc');
    const outsiderOf = (g: string) => activeUserIds(sandbox).find((u) => !sandbox.store.groupsOf(u).includes(g));
    const groupId = sandbox.store.ids('Groups').find((g) => ((sandbox.store.get('Groups', g)?.res.members as unknown[]) ?? []).length >= 3 && outsiderOf(g))!;
    const outsider = outsiderOf(groupId)!;
    const result = await editAndSend(client, sandbox.url, 'rfc', 'Groups', groupId, (g) => {
      g.members = [...(g.members as { value: string }[]).slice(2), { value: outsider }];
    });
    const ops = (result.plan.request.body as { Operations: { op: string; path?: string }[] }).Operations;
    expect(ops.filter((o) => o.op === 'remove').every((o) => /^members\[value eq ".+"\]$/.test(o.path ?? ''))).toBe(true);
    expect(result.verification.warnings).toEqual([]);
  });

  it('a stale If-Match is refused with 412, and the rebased edit then lands', async () => {
    const { sandbox, client } = await open('rfc');
    const id = activeUserIds(sandbox)[3]!;
    const before = await client.get('Users', id);
    expect(before.meta?.version).toBeTruthy();
    await client.patch('Users', id, { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'nickName', value: 'changed meanwhile' }] });
    const edited = { ...structuredClone(before), title: 'Mine' } as ScimResource;
    const stale = planEdit(before, edited, { baseUrl: sandbox.url, kind: 'Users' });
    const refused = await client.patch('Users', id, stale.request.body as never, { ifMatch: before.meta!.version! }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InspectorError);
    expect((refused as InspectorError).code).toBe('precondition-failed');
    const fresh = await client.get('Users', id);
    const rebased = rebaseEdit(before, edited, fresh);
    expect(rebased.changedMeanwhile.map((c) => c.path)).toContain('nickName');
    const plan = planEdit(fresh, rebased.edited, { baseUrl: sandbox.url, kind: 'Users' });
    await client.patch('Users', id, plan.request.body as never, { ifMatch: fresh.meta!.version! });
    const actual = await client.get('Users', id);
    expect(actual).toMatchObject({ title: 'Mine', nickName: 'changed meanwhile' });
    expect(verifyWrite(fresh, plan.after, actual).warnings).toEqual([]);
  });
});

describe.each(['rfc', 'mittr'] as const)('sandbox %s uniqueness conflict', (vendor) => {
  it('a 409 on userName is explained with the other user, found by filter', async () => {
    const { sandbox, client } = await open(vendor);
    const [mine, theirs] = activeUserIds(sandbox);
    const other = await client.get('Users', theirs!);
    const before = await client.get('Users', mine!);
    const edited = { ...structuredClone(before), userName: other.userName } as ScimResource;
    const plan = planEdit(before, edited, { baseUrl: sandbox.url, kind: 'Users', vendor });
    const refused = await client.patch('Users', mine!, plan.request.body as never).catch((error: unknown) => error);
    expect((refused as InspectorError).code).toBe('conflict');
    const explained = await explainConflict(client, 'Users', before, edited);
    expect(explained.candidates).toEqual([{ attribute: 'userName', value: other.userName, other: expect.objectContaining({ id: theirs }) }]);
    expect(explained.message).toMatch(new RegExp(`userName ".+" is already used by user .+ \\(id ${theirs}\\)`));
  });
});

describe('the described request is the one that goes out', () => {
  it('matches the request log of the real PATCH: method, URL, headers (redacted) and body', async () => {
    const sandbox = await startSandbox({ vendor: 'rfc', users: 5, groups: 1, port: 0 });
    const client = createScimClient({ baseUrl: sandbox.url, token: () => sandbox.token, headers: { 'X-Tenant': 'acme' } });
    opened.push({ sandbox, client });
    const id = sandbox.store.ids('Users')[0]!;
    const before = await client.get('Users', id);
    const plan = planEdit(before, { ...before, title: 'Logged' } as ScimResource, { baseUrl: client.baseUrl, kind: 'Users', headers: { 'X-Tenant': 'acme' } });
    await client.patch('Users', id, plan.request.body as never, { ifMatch: before.meta!.version! });
    const sent = client.transport.log.entries().find((e) => e.method === 'PATCH')!;
    expect(sent.url).toBe(plan.request.url);
    expect(JSON.parse(sent.requestBody!)).toEqual(plan.request.body);
    const lower = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
    expect(lower(sent.requestHeaders)).toEqual(lower(plan.request.headers));
    expect(JSON.stringify(plan.request)).not.toContain(sandbox.token);
  });
});

describe('sandbox entra', () => {
  it('group members removed with a value array land as previewed', async () => {
    const { sandbox, client } = await open('entra');
    const groupId = sandbox.store.ids('Groups').find((g) => ((sandbox.store.get('Groups', g)?.res.members as unknown[]) ?? []).length >= 3)!;
    const result = await editAndSend(client, sandbox.url, 'entra', 'Groups', groupId, (g) => {
      g.members = (g.members as unknown[]).slice(2);
    });
    const ops = (result.plan.request.body as { Operations: { op: string; path?: string; value?: unknown }[] }).Operations;
    expect(ops).toEqual([{ op: 'remove', path: 'members', value: expect.any(Array) }]);
    expect(result.verification.warnings).toEqual([]);
  });
});

describe.each(['rfc', 'entra'] as const)('sandbox %s random user edits', (vendor) => {
  it('land as previewed in this dialect', async () => {
    const { sandbox } = await open(vendor);
    await checkRandomUserEdits(sandbox, activeUserIds(sandbox)[2]!, { numRuns: 25, extension: true, vendor });
  });
});

describe.each(['rfc', 'entra', 'lettermint'] as const)('sandbox %s random membership edits', (vendor) => {
  it('land as previewed in this dialect', async () => {
    const { sandbox } = await open(vendor);
    const groupId = sandbox.store.ids('Groups').find((g) => ((sandbox.store.get('Groups', g)?.res.members as unknown[]) ?? []).length >= 2)!;
    // Lettermint takes only active users as members; active ones suit every vendor.
    await checkRandomGroupEdits(sandbox, groupId, activeUserIds(sandbox).slice(0, 20), { numRuns: 20, vendor });
  });
});

describe('sandbox mittr', () => {
  it('deactivation is written as a no-path replace and lands', async () => {
    const { sandbox, client } = await open('mittr');
    const result = await editAndSend(client, sandbox.url, 'mittr', 'Users', activeUserIds(sandbox)[0]!, (u) => (u.active = false));
    expect(result.plan.request.body).toEqual({ schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', value: { active: false } }] });
    expect(result.actual.active).toBe(false);
    expect(result.verification.warnings).toEqual([]);
  });
});

describe.each(['mindtickle', 'lettermint'] as const)('sandbox %s (PATCH honours only active)', (vendor) => {
  it('flags, detects the ignored operations, and the PUT fallback lands', async () => {
    const { sandbox, client } = await open(vendor);
    const id = activeUserIds(sandbox)[0]!;
    // An attribute each stores (Lettermint keeps no title, only email, name and externalId).
    const attribute = vendor === 'lettermint' ? 'displayName' : 'title';
    const result = await editAndSend(client, sandbox.url, vendor, 'Users', id, (u) => ((u.active = false), (u[attribute] = 'Ignored by PATCH')));
    expect(result.plan.needsReplace).toBe(true);
    expect(result.plan.warnings.map((w) => w.path)).toEqual([attribute]);
    expect(result.actual.active).toBe(false);
    expect(result.verification.ignored.map((c) => c.path)).toEqual([attribute]);
    expect(result.verification.ok).toBe(false);
    const fresh = await client.get('Users', id);
    const body = buildReplaceBody(fresh, result.edited, result.before);
    await client.replace('Users', id, body, fresh.meta?.version ? { ifMatch: fresh.meta.version } : {});
    const replaced = await client.get('Users', id);
    expect(replaced).toMatchObject({ active: false, [attribute]: 'Ignored by PATCH' });
    expect(verifyWrite(result.before, result.plan.after, replaced).warnings).toEqual([]);
  });

  it(vendor === 'lettermint' ? 'keeps the title whatever a PUT or a create sends (it stores none)' : 'stores the title a PUT sends', async () => {
    const { sandbox, client } = await open(vendor);
    const id = activeUserIds(sandbox)[1]!;
    const before = await client.get('Users', id);
    const { meta: _meta, ...rest } = before;
    await client.replace('Users', id, { ...rest, title: 'Set by PUT' });
    expect((await client.get('Users', id)).title).toBe(vendor === 'lettermint' ? before.title : 'Set by PUT');
    const created = await client.create('Users', { userName: `new.${vendor}@example.test`, title: 'Set by POST', active: true });
    expect(created.title).toBe(vendor === 'lettermint' ? undefined : 'Set by POST');
  });
});

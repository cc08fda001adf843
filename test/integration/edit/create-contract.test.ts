// Creating users and groups and deleting groups (create.ts) on sandbox tenants, as an admin relies
// on it: the POST body is what the form filled in (no id, meta or a group's active; the core schema
// first), what the vendor requires and drops is said before sending, a damaged or foreign preview is
// refused before any journal, every failure is journalled with its own outcome, a create is proven by
// its read-back (differences named) and a delete only by a 404 — a group still there is never called
// deleted.

import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewCreate, previewDelete, sendCreate, sendDelete } from '../../../electron/core/edit/create';
import { readChangeJournal } from '../../../electron/core/edit';
import { createScimClient } from '../../../electron/core/scim/client';
import type { DeletePreview } from '../../../shared/create';
import { InspectorError } from '../../../shared/errors';
import { SCHEMAS, type ScimGroup } from '../../../shared/scim';
import { tenantPool, writes, type EditTenant } from './support';
import { failure } from '../../support/failure';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const rfcTarget = { vendor: 'rfc', headers: {} };
const { open, closeAll } = tenantPool();
let rfc: EditTenant;
beforeAll(async () => {
  rfc = await open('rfc', { users: 10 });
});
afterAll(closeAll);


let n = 0;
const fresh = (): string => `created.${(n += 1)}.${Date.now()}@example.test`;

describe('a create preview', () => {
  it('posts what the form filled in: no id, meta or group active; the core schema first, once; no trailing slash', () => {
    const client = { baseUrl: 'https://scim.example.test/v2//' };
    const user = previewCreate(client, 'Users', { id: 'chosen', meta: { version: 'W/"1"' }, userName: 'a@example.test', active: true, schemas: [ENTERPRISE, 7] }, { vendor: 'rfc', headers: { 'X-Tenant': 'acme' } });
    expect(user.request).toMatchObject({ method: 'POST', url: 'https://scim.example.test/v2/Users', headers: { 'X-Tenant': 'acme' } });
    expect(user.request.body).toEqual({ userName: 'a@example.test', active: true, schemas: [SCHEMAS.user, ENTERPRISE] });
    expect(user.expected).toEqual({ userName: 'a@example.test', active: true, schemas: [SCHEMAS.user, ENTERPRISE], id: '' });
    expect(previewCreate(client, 'Users', { userName: 'b', schemas: [ENTERPRISE, SCHEMAS.user] }, rfcTarget).request.body.schemas).toEqual([ENTERPRISE, SCHEMAS.user]);
    expect(previewCreate(client, 'Users', { userName: 'c', schemas: 'core' }, rfcTarget).request.body.schemas).toEqual([SCHEMAS.user]);
    const group = previewCreate(client, 'Groups', { displayName: 'Ops', active: true, id: 'x' }, rfcTarget);
    expect(group.request.body).toEqual({ displayName: 'Ops', schemas: [SCHEMAS.group] });
    expect(group.request.url).toBe('https://scim.example.test/v2/Groups');
    expect([group.missing, group.ignored, group.warnings, group.vendor]).toEqual([[], [], [], 'rfc']);
  });

  it.each([
    ['Users', 'user'],
    ['Groups', 'group'],
  ] as const)('of a %s that is not a JSON object is refused naming it', (kind, noun) => {
    for (const fields of [null, ['userName'], 'a@example.test']) {
      expect(() => previewCreate({ baseUrl: 'https://x.test' }, kind, fields, rfcTarget)).toThrow(new InspectorError('invalid-input', `The new ${noun} must be a JSON object of its attributes.`));
    }
  });

  it('says what a vendor requires and counts only values really given (blank text, empty lists and null are not)', () => {
    const client = { baseUrl: 'https://x.test' };
    const target = { vendor: 'mindtickle', headers: {} };
    expect(previewCreate(client, 'Users', { userName: '  ', name: { givenName: 'A', familyName: null }, emails: [{ value: ' ' }, ''] }, target).missing).toEqual(['userName', 'name.familyName', 'emails']);
    expect(previewCreate(client, 'Users', { userName: 'a', name: { givenName: 'A', familyName: 'B' }, emails: ['a@x.test'] }, target).missing).toEqual([]);
    expect(previewCreate(client, 'Users', { userName: 'a', name: 'A B', emails: [{ value: 'a@x.test' }] }, target).missing).toEqual(['name.givenName', 'name.familyName']);
    expect(previewCreate(client, 'Groups', { displayName: '' }, target).missing).toEqual(['displayName']);
  });

  it('lists what the vendor does not store, with why, and expects the resource without it (extension attributes too)', () => {
    const client = { baseUrl: 'https://x.test' };
    const fields = { userName: 'a@x.test', title: 'Analyst', [ENTERPRISE]: { department: 'Ops', employeeNumber: '7' } };
    const preview = previewCreate(client, 'Users', fields, { vendor: 'lettermint', headers: {} });
    expect(preview.ignored).toEqual([
      { path: 'title', reason: 'Lettermint takes only a team member’s email, name, externalId and status from SCIM; a write leaves this as it is, so it cannot be changed here.' },
      { path: `${ENTERPRISE}:department`, reason: expect.stringMatching(/^Lettermint takes only/) },
    ]);
    expect(preview.expected).toEqual({ userName: 'a@x.test', [ENTERPRISE]: { employeeNumber: '7' }, schemas: [SCHEMAS.user], id: '' });
    expect(preview.request.body).toMatchObject({ title: 'Analyst', [ENTERPRISE]: { department: 'Ops' } });
    const onlyDepartment = previewCreate(client, 'Users', { userName: 'a@x.test', [ENTERPRISE]: { department: 'Ops' } }, { vendor: 'lettermint', headers: {} });
    expect(onlyDepartment.expected).not.toHaveProperty(ENTERPRISE);
    // A group has no fixed user attributes, whatever it carries.
    expect(previewCreate(client, 'Groups', { displayName: 'G', title: 'x' }, { vendor: 'lettermint', headers: {} }).ignored).toEqual([]);
  });

  it('warns where Lettermint re-activates a member or takes only active members', () => {
    const client = { baseUrl: 'https://x.test' };
    const lettermint = { vendor: 'lettermint', headers: {} };
    expect(previewCreate(client, 'Users', { userName: 'a@x.test' }, lettermint).warnings).toEqual([
      'Lettermint re-activates an existing member with this userName instead of creating a new user; the read-back shows which it did.',
    ]);
    expect(previewCreate(client, 'Groups', { displayName: 'G', members: [{ value: 'u1' }] }, lettermint).warnings).toEqual(['Lettermint takes only active users as group members.']);
    expect(previewCreate(client, 'Groups', { displayName: 'G', members: [] }, lettermint).warnings).toEqual([]);
    expect(previewCreate(client, 'Groups', { displayName: 'G' }, lettermint).warnings).toEqual([]);
    expect(previewCreate(client, 'Users', { userName: 'a@x.test' }, rfcTarget).warnings).toEqual([]);
  });
});

describe('sending a create', () => {
  it('refuses a damaged preview, a foreign one and one missing what the vendor requires, before any journal', async () => {
    const good = previewCreate(rfc.client, 'Users', { userName: fresh() }, rfcTarget);
    const journal = `${rfc.journal}.refused-create`;
    const before = writes(rfc.sandbox);
    const damaged = 'The create preview is damaged; preview the new resource again. Nothing was sent.';
    for (const preview of [null, { ...good, kind: 'Schemas' }, { ...good, request: 'POST /Users' }, { ...good, request: { ...good.request, body: [] } }]) {
      expect(await failure(sendCreate(rfc.client, preview, rfcTarget, { journal }))).toMatchObject({ code: 'invalid-input', message: damaged });
    }
    const foreign = { ...good, request: { ...good.request, url: 'https://elsewhere.test/v2/Users' } };
    expect(await failure(sendCreate(rfc.client, foreign, rfcTarget, { journal }))).toHaveProperty('code', 'invalid-input');
    expect((await failure(sendCreate(rfc.client, foreign, rfcTarget, { journal }))).message).toBe(
      `This preview was made for https://elsewhere.test/v2/Users, not for this connection (${good.request.url}); preview it again. Nothing was sent.`,
    );
    const one = previewCreate(rfc.client, 'Groups', { displayName: ' ' }, rfcTarget);
    expect(await failure(sendCreate(rfc.client, one, rfcTarget, { journal }))).toMatchObject({ code: 'invalid-input', message: 'A new group on this service needs displayName; fill it in. Nothing was sent.', details: { missing: ['displayName'] } });
    const mindtickle = { vendor: 'mindtickle', headers: {} };
    const two = previewCreate(rfc.client, 'Users', { userName: 'x', emails: ['x@x.test'] }, mindtickle);
    expect((await failure(sendCreate(rfc.client, two, mindtickle, { journal }))).message).toBe('A new user on this service needs name.givenName, name.familyName; fill them in. Nothing was sent.');
    expect(writes(rfc.sandbox)).toBe(before);
    expect(existsSync(journal)).toBe(false);
  });

  it('creates, reads back by id and journals it applied with the POST’s 201', async () => {
    const userName = fresh();
    const preview = previewCreate(rfc.client, 'Users', { userName, title: 'Analyst' }, rfcTarget);
    const journal = `${rfc.journal}.created`;
    const outcome = await sendCreate(rfc.client, preview, rfcTarget, { journal, profile: 'prod' });
    expect(outcome).toMatchObject({ status: 'created', responseStatus: 201, differences: [], journal, resource: { userName, title: 'Analyst' } });
    expect(rfc.sandbox.store.get('Users', outcome.resource.id)?.res.userName).toBe(userName);
    const { entries } = await readChangeJournal(journal);
    expect(entries).toEqual([
      expect.objectContaining({ changeId: outcome.changeId, profile: 'prod', kind: 'Users', id: '', before: { schemas: [SCHEMAS.user], id: '' }, expected: preview.expected, outcome: 'applied', responseStatus: 201, after: outcome.resource, error: null, warnings: [] }),
    ]);
  });

  it('names what the server holds otherwise than expected, and journals that as partly applied', async () => {
    // No vendor hint, so Lettermint's dropped title is not expected away.
    const t = await open('lettermint', { users: 5 });
    const preview = previewCreate(t.client, 'Users', { userName: fresh(), title: 'Analyst' }, { vendor: null, headers: {} });
    const outcome = await sendCreate(t.client, preview, { vendor: null, headers: {} }, { journal: t.journal });
    expect(outcome.differences).toEqual([expect.objectContaining({ path: 'title', before: 'Analyst', after: undefined })]);
    const { entries } = await readChangeJournal(t.journal);
    expect(entries).toEqual([expect.objectContaining({ outcome: 'partially-applied', warnings: ['title: the server holds nothing, not "Analyst".'] })]);
  });

  it('a taken userName or group name says it may exist already; a server refusal is "failed"', async () => {
    const journal = `${rfc.journal}.create-failures`;
    const taken = String(rfc.sandbox.store.get('Users', rfc.sandbox.store.ids('Users')[0]!)?.res.userName);
    const user = await failure(sendCreate(rfc.client, previewCreate(rfc.client, 'Users', { userName: taken }, rfcTarget), rfcTarget, { journal }));
    expect(user.code).toBe('conflict');
    expect(user.message).toMatch(/ A user with this userName may exist already: search for it before creating another\. Nothing was created\.$/);
    expect(user.details).toMatchObject({ status: 409 });
    const t = await open('lettermint', { users: 5 });
    const inactive = t.sandbox.store.ids('Users').find((id) => t.sandbox.store.get('Users', id)?.res.active !== true);
    const lettermint = { vendor: 'lettermint', headers: {} };
    const group = await failure(sendCreate(t.client, previewCreate(t.client, 'Groups', { displayName: 'New Team', members: [{ value: inactive ?? 'no-such-user' }] }, lettermint), lettermint, { journal }));
    expect(group.details).toMatchObject({ status: 400 });
    const { entries } = await readChangeJournal(journal);
    expect(entries.map((e) => [e.outcome, e.responseStatus, e.error?.code, e.warnings])).toEqual([
      ['conflict', 409, 'conflict', []],
      ['failed', 400, group.code, []],
    ]);
  });

  it('a read-only connection is refused before any journal', async () => {
    const t = await open('rfc', { users: 5, readOnly: true });
    const error = await failure(sendCreate(t.client, previewCreate(t.client, 'Users', { userName: fresh() }, rfcTarget), rfcTarget, { journal: t.journal }));
    expect(error.code).toBe('refused-read-only');
    expect(error.message).toMatch(/creating a resource/);
    expect(existsSync(t.journal)).toBe(false);
    expect(writes(t.sandbox)).toBe(0);
  });

  it('created but not read back: names the new id, journals it applied with the failure', async () => {
    const t = await open('rfc', { users: 5 });
    const client = createScimClient({ baseUrl: t.sandbox.url, token: () => t.sandbox.token, vendor: 'rfc', retryBudgetMs: 0 });
    try {
      const preview = previewCreate(client, 'Groups', { displayName: 'Unverified Group' }, rfcTarget);
      t.sandbox.setFaults({ serverErrorBurst: { every: 2, length: 1, status: 500 } });
      const error = await failure(sendCreate(client, preview, rfcTarget, { journal: t.journal }));
      t.sandbox.setFaults({});
      const id = String(error.details?.id);
      expect(t.sandbox.store.get('Groups', id)?.res.displayName).toBe('Unverified Group');
      expect(error.message).toMatch(new RegExp(`^The group was created \\(id ${id}\\) but reading it back failed: .+ Reload the table to see it\\.$`));
      expect(error.details).toMatchObject({ status: 500, sent: true, id });
      const { entries } = await readChangeJournal(t.journal);
      expect(entries).toEqual([expect.objectContaining({ outcome: 'applied', responseStatus: 201, after: expect.objectContaining({ id }), error: expect.objectContaining({ code: error.code }), warnings: ['Created, but the read-back failed.'] })]);
    } finally {
      t.sandbox.setFaults({});
      await client.close();
    }
  });
});

describe('deleting a group', () => {
  it('previews the DELETE with If-Match, the name and member count, and the warnings', async () => {
    const t = await open('rfc', { users: 10 });
    const [withMembers] = t.sandbox.store.ids('Groups').filter((g) => ((t.sandbox.store.get('Groups', g)?.res.members as unknown[]) ?? []).length > 1);
    const group = await t.client.get<ScimGroup>('Groups', withMembers!);
    const preview = await previewDelete(t.client, group.id, { vendor: 'rfc', headers: { 'X-Tenant': 'acme' } });
    expect(preview).toMatchObject({ kind: 'Groups', id: group.id, method: 'DELETE', name: group.displayName, memberCount: group.members?.length, before: group });
    expect(preview.request).toMatchObject({ method: 'DELETE', url: `${t.client.baseUrl.replace(/\/$/, '')}/Groups/${group.id}`, body: {}, headers: { 'If-Match': group.meta?.version, 'X-Tenant': 'acme' } });
    expect(preview.warnings).toEqual([`The group and its ${group.members?.length} memberships are removed; its users stay. A deleted group cannot be brought back from here.`]);
    // One member, and none, each said in its own words; no name shows the id.
    const one = t.sandbox.store.ids('Groups')[0]!;
    const row = t.sandbox.store.get('Groups', one)!;
    t.sandbox.store.update('Groups', one, { ...row.res, displayName: '', members: [(row.res.members as unknown[])[0] ?? { value: 'x' }] });
    const single = await previewDelete(t.client, one, rfcTarget);
    expect(single.warnings[0]).toMatch(/^The group and its 1 membership are removed/);
    t.sandbox.store.update('Groups', one, { ...row.res, displayName: 7, members: undefined });
    const none = await previewDelete(t.client, one, rfcTarget);
    expect([none.name, none.memberCount, none.warnings[0]?.slice(0, 36)]).toEqual([one, 0, 'The group and its 0 memberships are ']);
  });

  it('a service without versions says a change since the preview cannot be detected, and sends no If-Match', async () => {
    const t = await open('mindtickle', { users: 10 });
    const id = t.sandbox.store.ids('Groups')[0]!;
    const preview = await previewDelete(t.client, id, { vendor: 'mindtickle', headers: {} });
    expect(preview.request.headers).not.toHaveProperty('If-Match');
    expect(preview.warnings[1]).toBe('The server gives no version (ETag): a change made to the group since this preview cannot be detected.');
    const outcome = await sendDelete(t.client, preview, { journal: t.journal });
    expect(outcome).toMatchObject({ status: 'deleted', verifiedGone: true });
    const sent = t.client.transport.log.entries().filter((e) => e.method === 'DELETE').pop();
    expect(Object.keys(sent?.requestHeaders ?? {}).map((h) => h.toLowerCase())).not.toContain('if-match');
  });

  it('refuses a damaged or foreign preview and a read-only connection before any journal', async () => {
    const t = await open('rfc', { users: 5 });
    const id = t.sandbox.store.ids('Groups')[0]!;
    const good = await previewDelete(t.client, id, rfcTarget);
    const journal = `${t.journal}.refused-delete`;
    const damaged = 'The delete preview is damaged; preview the delete again. Nothing was sent.';
    for (const preview of [null, { ...good, kind: 'Users' }, { ...good, id: 5 }, { ...good, id: 5, before: { ...good.before, id: 5 } }, { ...good, before: null }, { ...good, before: { ...good.before, id: 'other' } }, { ...good, request: undefined }]) {
      expect(await failure(sendDelete(t.client, preview as unknown as DeletePreview, { journal }))).toMatchObject({ code: 'invalid-input', message: damaged });
    }
    const foreign = { ...good, request: { ...good.request, url: 'https://elsewhere.test/v2/Groups/x' } };
    expect(await failure(sendDelete(t.client, foreign, { journal }))).toHaveProperty('code', 'invalid-input');
    expect((await failure(sendDelete(t.client, foreign, { journal }))).message).toBe('This preview was made for https://elsewhere.test/v2/Groups/x, not for this connection; preview the delete again. Nothing was sent.');
    const ro = await open('rfc', { users: 5, readOnly: true });
    const roError = await failure(sendDelete(ro.client, await previewDelete(ro.client, ro.sandbox.store.ids('Groups')[0]!, rfcTarget), { journal }));
    expect([roError.code, /deleting a group/.test(roError.message)]).toEqual(['refused-read-only', true]);
    expect(existsSync(journal)).toBe(false);
    expect(t.sandbox.store.get('Groups', id)).toBeDefined();
  });

  it('a group changed since the preview (412) is not deleted; journalled precondition-failed', async () => {
    const t = await open('rfc', { users: 5 });
    const id = t.sandbox.store.ids('Groups')[0]!;
    const preview = await previewDelete(t.client, id, rfcTarget);
    await t.other.patch('Groups', id, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'displayName', value: 'Renamed' }] });
    const error = await failure(sendDelete(t.client, preview, { journal: t.journal }));
    expect([error.code, error.message]).toEqual(['precondition-failed', 'The group changed since the preview (412); nothing was deleted. Preview the delete again to see it as it is now.']);
    expect(error.details).toMatchObject({ status: 412 });
    const { entries } = await readChangeJournal(t.journal);
    expect(entries).toEqual([expect.objectContaining({ id, outcome: 'precondition-failed', responseStatus: 412, error: expect.objectContaining({ code: 'precondition-failed' }), warnings: [] })]);
  });

  it('is "deleted" only when a GET answers 404: a group still there is named, journalled unknown', async () => {
    const t = await open('rfc', { users: 5 });
    const id = t.sandbox.store.ids('Groups')[0]!;
    const preview = await previewDelete(t.client, id, rfcTarget);
    // The server answers the DELETE but keeps the group (as a soft delete would).
    const kept = structuredClone(t.sandbox.store.get('Groups', id)!.res);
    const stop = t.client.transport.log.subscribe((entry) => {
      if (entry.method === 'DELETE' && !t.sandbox.store.get('Groups', id)) t.sandbox.store.insert('Groups', kept);
    });
    try {
      const error = await failure(sendDelete(t.client, preview, { journal: t.journal }));
      expect(error.code).toBe('bad-response');
      expect(error.message).toBe('The server answered the DELETE with 204, but the group is still there. Nothing is claimed deleted; reload it to see what the server holds.');
      expect(error.details).toEqual({ id, status: 204 });
    } finally {
      stop();
    }
    const { entries } = await readChangeJournal(t.journal);
    expect(entries).toEqual([expect.objectContaining({ outcome: 'unknown', responseStatus: 204, after: expect.objectContaining({ id }), error: { code: 'bad-response', message: 'The group is still there after the DELETE.' }, warnings: [] })]);
  });

  it('deleted: proven by the 404, journalled applied with that reason', async () => {
    const t = await open('rfc', { users: 5 });
    const id = t.sandbox.store.ids('Groups')[0]!;
    const preview: DeletePreview = await previewDelete(t.client, id, rfcTarget);
    const outcome = await sendDelete(t.client, preview, { journal: t.journal, profile: 'prod' });
    expect(outcome).toEqual({ status: 'deleted', preview, responseStatus: 204, verifiedGone: true, journal: t.journal, changeId: expect.any(String) });
    const { entries } = await readChangeJournal(t.journal);
    expect(entries).toEqual([expect.objectContaining({ changeId: outcome.changeId, profile: 'prod', id, expected: { schemas: preview.before.schemas, id }, outcome: 'applied', responseStatus: 204, after: null, error: null, warnings: ['Deleted: the server answers 404 for it.'] })]);
  });
});

// The edit preview an admin confirms (preview.ts), field by field, on the rfc sandbox: it is made
// from the resource the admin loaded (or read now), never from another resource; a PUT is built from
// the server's state now; the request shows the profile's headers and If-Match; the no-version
// warning appears only when something would be sent without one; the PUT fallback predicts the
// server-set parts (meta, a user's groups) and is empty when it would change nothing; and a rebased
// preview keeps the profile's own headers, not the connection's.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planPreview, previewEdit, replacePreview, type EditTarget } from '../../../electron/core/edit';
import { targetOf } from '../../../electron/core/edit/preview';
import { SCHEMAS, type ScimResource } from '../../../shared/scim';
import { editTenant, plainUserIds, type EditTenant } from './support';
import { failure } from '../../support/failure';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const REPLACE_CLEARS = { code: 'replace-clears', message: 'PUT replaces the whole resource: any attribute missing from the body is cleared. The body was built from the resource as the server holds it now.' };
const NO_VERSION = {
  code: 'no-version',
  message: 'This service gives the resource no version (ETag), so the write goes without If-Match: a change someone makes meanwhile would be overwritten without notice.',
};

let t: EditTenant;
beforeAll(async () => {
  t = await editTenant('rfc', { users: 20 });
});
afterAll(async () => {
  await t?.close();
});


const gets = (): number => t.sandbox.stats().byMethod.GET ?? 0;

describe('previewEdit', () => {
  it('refuses a loaded resource that is not the one being edited', async () => {
    const [mine, other] = plainUserIds(t.sandbox) as [string, string];
    const loaded = await t.client.get('Users', other);
    const error = await failure(previewEdit(t.client, 'Users', mine, { edited: { ...loaded, title: 'X' } }, { before: loaded }));
    expect([error.code, error.message]).toEqual(['invalid-input', `The loaded resource is "${other}", not "${mine}"; reload the resource you are editing.`]);
    expect(error.details).toEqual({ id: mine, loaded: other });
  });

  it('reads the resource once when none was loaded (and honours a cancel), and not at all when it was', async () => {
    const id = plainUserIds(t.sandbox)[2]!;
    let before = gets();
    const preview = await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'Read Now' }] });
    expect(gets() - before).toBe(1);
    expect(preview.before).toEqual(await t.client.get('Users', id));
    expect((await failure(previewEdit(t.client, 'Users', id, { operations: [] }, { signal: AbortSignal.abort() }))).code).toBe('cancelled');
    before = gets();
    await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'Loaded' }] }, { before: preview.before });
    expect(gets()).toBe(before);
  });

  it('shows the profile’s headers and no vendor when none is given', async () => {
    const id = plainUserIds(t.sandbox)[3]!;
    const plain = await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'T' }] });
    expect(plain.vendor).toBeNull();
    expect(Object.keys(plain.request.headers).sort()).toEqual(['Accept', 'Authorization', 'Content-Type', 'If-Match', 'User-Agent']);
    const withHeaders = await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'T' }] }, { headers: { 'X-Tenant': 'acme' }, vendor: 'rfc' });
    expect(withHeaders.request.headers['X-Tenant']).toBe('acme');
    expect(withHeaders.vendor).toBe('rfc');
  });

  it('a PUT is built from the server’s state now when the admin loaded it earlier, carrying the admin’s change onto it', async () => {
    const id = plainUserIds(t.sandbox)[4]!;
    const loaded = await t.client.get('Users', id);
    await t.other.patch('Users', id, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'nickName', value: 'meanwhile' }] });
    const before = gets();
    const put = await previewEdit(t.client, 'Users', id, { edited: { ...loaded, title: 'Put Title' } }, { before: loaded, method: 'PUT' });
    expect(gets() - before).toBe(1);
    expect(put.method).toBe('PUT');
    expect(put.request.body).toMatchObject({ title: 'Put Title', nickName: 'meanwhile' });
    expect(put.before.nickName).toBe('meanwhile');
    expect(put.request.headers['If-Match']).toBe(put.before.meta?.version);
    expect(put.request.headers['If-Match']).not.toBe(loaded.meta?.version);
    // A cancel stops that read too.
    expect((await failure(previewEdit(t.client, 'Users', id, { edited: { ...loaded, title: 'X' } }, { before: loaded, method: 'PUT', signal: AbortSignal.abort() }))).code).toBe('cancelled');
    // Read now for the preview itself: no second read.
    const after = gets();
    await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'Again' }] }, { method: 'PUT' });
    expect(gets() - after).toBe(1);
  });
});

describe('planPreview', () => {
  const target: EditTarget = { baseUrl: 'https://scim.example.test/v2', kind: 'Users', vendor: 'rfc', headers: {} };
  const user: ScimResource = { schemas: [SCHEMAS.user], id: 'u1', userName: 'ada@example.test', title: 'Engineer', meta: { resourceType: 'User', version: 'W/"4"' } };

  it('is the PATCH of the change, with every field the confirm dialog shows', () => {
    const preview = planPreview(target, user, { edited: { ...user, title: 'CTO' } });
    expect(preview).toEqual({
      kind: 'Users',
      id: 'u1',
      method: 'PATCH',
      request: {
        method: 'PATCH',
        url: 'https://scim.example.test/v2/Users/u1',
        headers: expect.objectContaining({ 'If-Match': 'W/"4"' }),
        body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'CTO' }] },
      },
      before: user,
      after: { ...user, title: 'CTO' },
      changes: [expect.objectContaining({ path: 'title', before: 'Engineer', after: 'CTO' })],
      changed: ['title'],
      ignored: [],
      warnings: [],
      needsReplace: false,
      empty: false,
      intent: { edited: { ...user, title: 'CTO' }, operations: null },
      vendor: 'rfc',
    });
  });

  it('hand-written operations are kept as the intent, with the resource they give', () => {
    const preview = planPreview(target, user, { operations: [{ op: 'Replace', path: 'title', value: 'Ops' }] });
    expect(preview.intent).toEqual({ edited: { ...user, title: 'Ops' }, operations: [{ op: 'replace', path: 'title', value: 'Ops' }] });
  });

  it('warns of no version only when something would be sent without one', () => {
    const unversioned: ScimResource = { ...user, meta: { resourceType: 'User' } };
    expect(planPreview(target, unversioned, { edited: { ...unversioned, title: 'CTO' } }).warnings).toEqual([NO_VERSION]);
    expect(planPreview(target, unversioned, { edited: unversioned }).warnings).toEqual([]);
    const noMeta: ScimResource = { schemas: [SCHEMAS.user], id: 'u1', userName: 'ada@example.test' };
    expect(planPreview(target, noMeta, { edited: { ...noMeta, title: 'CTO' } }).warnings).toEqual([NO_VERSION]);
  });

  it('builder warnings are passed on as code, path and message only', () => {
    const preview = planPreview({ ...target, vendor: 'mindtickle' }, user, { edited: { ...user, title: 'CTO', active: false } });
    for (const warning of preview.warnings) expect(Object.keys(warning).sort()).toEqual(warning.path === undefined ? ['code', 'message'] : ['code', 'message', 'path']);
    expect(preview.warnings[0]).toMatchObject({ code: 'ignored-by-service', path: 'title' });
  });

  it('a change the vendor will not make, alone, is nothing to send', () => {
    const mittr = planPreview({ ...target, vendor: 'mittr' }, user, { edited: { ...user, title: 'CTO' } });
    expect([mittr.empty, mittr.changes, mittr.ignored.map((c) => c.path)]).toEqual([true, [], ['title']]);
    // Beside a change it makes, it is something to send.
    const both = planPreview({ ...target, vendor: 'mittr' }, user, { edited: { ...user, title: 'CTO', userName: 'ada.l@example.test' } });
    expect(both.empty).toBe(false);
  });
});

describe('replacePreview (the PUT fallback)', () => {
  const target: EditTarget = { baseUrl: 'https://scim.example.test/v2/', kind: 'Users', vendor: 'rfc', headers: { 'X-Tenant': 'acme' } };
  const fresh: ScimResource = {
    schemas: [SCHEMAS.user],
    id: 'u1',
    userName: 'ada@example.test',
    title: 'Engineer',
    groups: [{ value: 'g1', display: 'Ops' }],
    meta: { resourceType: 'User', version: 'W/"9"', lastModified: '2026-12-01T00:00:00Z' },
  };

  it('predicts what the server sets itself and shows the request with If-Match', () => {
    const put = replacePreview(target, fresh, { edited: { ...fresh, title: 'CTO' }, operations: null }, fresh);
    expect(put.request).toEqual({ method: 'PUT', url: 'https://scim.example.test/v2/Users/u1', headers: expect.objectContaining({ 'If-Match': 'W/"9"', 'X-Tenant': 'acme' }), body: expect.objectContaining({ title: 'CTO' }) });
    expect(put.request.body).not.toHaveProperty('groups');
    expect(put.after).toEqual({ ...put.request.body, id: 'u1', meta: fresh.meta, groups: fresh.groups });
    expect(put.after.meta).not.toBe(fresh.meta);
    expect([put.kind, put.id, put.method, put.before, put.changed, put.ignored, put.warnings, put.needsReplace, put.empty, put.vendor]).toEqual(['Users', 'u1', 'PUT', fresh, ['title'], [], [REPLACE_CLEARS], false, false, 'rfc']);
    expect(put.intent).toEqual({ edited: { ...fresh, title: 'CTO' }, operations: null });
  });

  it('a group’s PUT predicts no user-style groups, and a resource without a version says so', () => {
    const group: ScimResource = { schemas: [SCHEMAS.group], id: 'g1', displayName: 'Ops', groups: [{ value: 'g0' }] };
    const put = replacePreview({ ...target, kind: 'Groups' }, group, { edited: { ...group, displayName: 'Ops 2' }, operations: null }, group);
    expect(put.after).toEqual({ ...put.request.body, id: 'g1' });
    expect(put.after).not.toHaveProperty('meta');
    expect(put.request.headers).not.toHaveProperty('If-Match');
    expect(put.warnings).toEqual([REPLACE_CLEARS, NO_VERSION]);
  });

  it('lists only what the admin changed: an extension the edit adds is not a change of schemas', () => {
    const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
    const put = replacePreview(target, fresh, { edited: { ...fresh, [ENTERPRISE]: { department: 'Ops' } }, operations: null }, fresh);
    expect(put.changed).toEqual([`${ENTERPRISE}:department`]);
  });

  it('is empty when it would change nothing the vendor stores', () => {
    expect(replacePreview(target, fresh, { edited: fresh, operations: null }, fresh).empty).toBe(true);
    const mittr = replacePreview({ ...target, vendor: 'mittr' }, fresh, { edited: { ...fresh, title: 'CTO' }, operations: null }, fresh);
    expect([mittr.empty, mittr.ignored.map((c) => c.path)]).toEqual([true, ['title']]);
  });
});

describe('targetOf (a rebased preview keeps the profile’s headers)', () => {
  it('keeps the profile’s own headers and drops what the connection sets, in any case', () => {
    const preview = planPreview({ baseUrl: 'https://a.test/v2', kind: 'Groups', vendor: 'entra', headers: {} }, { schemas: [SCHEMAS.group], id: 'g1', displayName: 'G' }, { operations: [{ op: 'replace', path: 'displayName', value: 'H' }] });
    const kept = { 'X-Tenant': 'acme', 'X-Trace': 'on', 'Accept-Language': 'de', 'X-Accept': 'v2' };
    const request = { ...preview.request, headers: { authorization: 'Bearer [redacted]', 'IF-MATCH': 'W/"1"', 'Content-Type': 'x', ACCEPT: 'y', ...kept } };
    expect(targetOf({ ...preview, request }, 'https://b.test/v2')).toEqual({ baseUrl: 'https://b.test/v2', kind: 'Groups', vendor: 'entra', headers: kept });
  });
});

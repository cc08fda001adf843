// Edit previews and changes come back from the renderer as unknown JSON (guard.ts): every field the
// send path relies on is checked, and a bad one is refused naming that field before anything is
// sent. One case per check, so a check that goes missing fails the test that names it.

import { describe, expect, it } from 'vitest';
import { checkEditChange, checkEditPreview, planPreview, type EditTarget } from '../../../electron/core/edit';
import { SCHEMAS, type ScimResource } from '../../../shared/scim';

const target: EditTarget = { baseUrl: 'https://scim.example.test/v2', kind: 'Users', vendor: 'rfc', headers: {} };
const loaded: ScimResource = { schemas: [SCHEMAS.user], id: 'u1', userName: 'ada@example.test', title: 'Engineer', active: true, meta: { resourceType: 'User', version: 'W/"1"' } };
const preview = JSON.parse(JSON.stringify(planPreview(target, loaded, { edited: { ...loaded, title: 'CTO' } }))) as Record<string, unknown> & {
  request: Record<string, unknown>;
  intent: Record<string, unknown>;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

const refusal = (what: string) => `The edit preview is not valid (${what}); preview the edit again. Nothing was sent.`;

describe('an edit preview from the renderer', () => {
  it('is taken as it was made, and in its other valid forms', () => {
    expect(checkEditPreview(preview)).toEqual(preview);
    expect(checkEditPreview({ ...preview, kind: 'Groups' })).toMatchObject({ kind: 'Groups' });
    expect(checkEditPreview({ ...preview, method: 'PUT', request: { ...preview.request, method: 'PUT' } })).toMatchObject({ method: 'PUT' });
    expect(checkEditPreview({ ...preview, vendor: null })).toMatchObject({ vendor: null });
    expect(checkEditPreview({ ...preview, intent: { ...preview.intent, operations: null } })).toMatchObject({ intent: { operations: null } });
    expect(checkEditPreview({ ...preview, intent: { ...preview.intent, operations: [] } })).toMatchObject({ intent: { operations: [] } });
  });

  const bad: [string, unknown][] = [
    ['not an object', null],
    ['not an object', ['a', 'list']],
    ['not an object', 'text'],
    ['kind', { ...preview, kind: 'Schemas' }],
    ['id', { ...preview, id: '' }],
    ['id', { ...preview, id: 7 }],
    ['method', { ...preview, method: 'DELETE', request: { ...preview.request, method: 'DELETE' } }],
    ['request', { ...preview, request: 'PATCH /Users/u1' }],
    ['request', { ...preview, request: { ...preview.request, method: 'PUT' } }],
    ['request', { ...preview, request: { ...preview.request, url: 42 } }],
    ['request', { ...preview, request: { ...preview.request, headers: { ...(preview.request.headers as object), 'X-Count': 3 } } }],
    ['request', { ...preview, request: { ...preview.request, headers: 'Accept: */*' } }],
    ['request', { ...preview, request: { ...preview.request, body: null } }],
    ['request', { ...preview, request: { ...preview.request, body: [] } }],
    ['before', { ...preview, before: { ...preview.before, id: 'someone-else' } }],
    ['before', { ...preview, before: { ...preview.before, schemas: SCHEMAS.user } }],
    ['before', { ...preview, before: null }],
    ['after', { ...preview, after: { ...preview.after, id: 'someone-else' } }],
    ['after', { ...preview, after: { ...preview.after, schemas: undefined } }],
    ['changes', { ...preview, changes: {} }],
    ['changes', { ...preview, changed: 'title' }],
    ['changes', { ...preview, warnings: null }],
    ['changes', { ...preview, ignored: {} }],
    ['flags', { ...preview, needsReplace: 'no' }],
    ['flags', { ...preview, empty: 0 }],
    ['intent', { ...preview, intent: null }],
    ['intent', { ...preview, intent: { ...preview.intent, edited: { id: 'u1' } } }],
    ['intent', { ...preview, intent: { ...preview.intent, operations: 'replace title' } }],
    ['vendor', { ...preview, vendor: 5 }],
  ];
  it.each(bad)('is refused naming %s', (what, value) => {
    expect(() => checkEditPreview(value)).toThrow(refusal(what));
  });
});

describe('an edit change from the renderer', () => {
  const either = 'An edit is either {"edited": resource} from the form or {"operations": [...]} from expert mode.';
  it('is the form’s resource or expert mode’s operations (checked later by the patch core)', () => {
    expect(checkEditChange({ edited: loaded })).toEqual({ edited: loaded });
    expect(checkEditChange({ operations: 'anything', edited: loaded })).toEqual({ operations: 'anything' });
  });
  it.each([null, [{ edited: loaded }], { edited: { ...loaded, id: '' } }, { edited: { ...loaded, id: 7 } }, { edited: { id: 'u1' } }, { edited: 'u1' }, {}])('refuses %j', (value) => {
    expect(() => checkEditChange(value)).toThrow(either);
  });
  it('refuses as invalid input (the CLI exits 2 and the app names a bad request, not an internal fault)', () => {
    expect(() => checkEditChange({ edited: { ...loaded, id: 7 } })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});

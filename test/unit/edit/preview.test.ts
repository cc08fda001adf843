// Previews without a server: the PATCH preview's warnings, and the PUT fallback built from the
// fresh resource that keeps what others changed and what only the server sets.

import { describe, expect, it } from 'vitest';
import { checkEditChange, checkEditPreview, planPreview, replacePreview, type EditTarget } from '../../../electron/core/edit';
import { SCHEMAS, type ScimResource } from '../../../shared/scim';

const target: EditTarget = { baseUrl: 'https://scim.example.test/v2', kind: 'Users', vendor: 'lettermint', headers: {} };
const loaded: ScimResource = { schemas: [SCHEMAS.user], id: 'u1', userName: 'ada@example.test', title: 'Engineer', active: true, meta: { resourceType: 'User' } };

describe('edit previews', () => {
  it('warns when the service will ignore the PATCH and when there is no version to send as If-Match', () => {
    const preview = planPreview(target, loaded, { edited: { ...loaded, title: 'CTO' } });
    expect(preview.needsReplace).toBe(true);
    expect(preview.warnings.map((w) => w.code)).toEqual(['ignored-by-service', 'no-version']);
    expect(preview.request.headers['If-Match']).toBeUndefined();
  });

  it('an edit that changes nothing is empty and carries no warnings about sending', () => {
    const preview = planPreview(target, loaded, { edited: structuredClone(loaded) });
    expect(preview.empty).toBe(true);
    expect(preview.warnings).toEqual([]);
  });

  it('the PUT keeps changes made meanwhile and predicts the read-only groups unchanged', () => {
    const fresh: ScimResource = { ...loaded, nickName: 'theirs', groups: [{ value: 'g1', display: 'Ops' }], meta: { resourceType: 'User', version: 'W/"9"' } };
    const patch = planPreview(target, loaded, { edited: { ...loaded, title: 'CTO' } });
    const put = replacePreview(target, fresh, patch.intent, loaded);
    expect(put.method).toBe('PUT');
    expect(put.request.headers['If-Match']).toBe('W/"9"');
    expect(put.request.body).toMatchObject({ title: 'CTO', nickName: 'theirs', userName: 'ada@example.test' });
    expect(put.request.body.groups).toBeUndefined();
    expect(put.after.groups).toEqual(fresh.groups);
    expect(put.changed).toEqual(['title']);
    expect(put.warnings.map((w) => w.code)).toEqual(['replace-clears']);
  });
});

describe('previews from the renderer', () => {
  it('are checked before anything is sent', () => {
    const preview = planPreview(target, loaded, { edited: { ...loaded, title: 'CTO' } });
    expect(checkEditPreview(JSON.parse(JSON.stringify(preview)))).toEqual(preview);
    expect(() => checkEditPreview({ ...preview, request: { ...preview.request, method: 'DELETE' } })).toThrow(/not valid \(request\)/);
    expect(() => checkEditPreview({ ...preview, after: { ...preview.after, id: 'someone-else' } })).toThrow(/not valid \(after\)/);
    expect(() => checkEditChange({ edited: { id: 'u1' } })).toThrow(/either/);
    expect(checkEditChange({ operations: 'anything' })).toEqual({ operations: 'anything' });
  });
});

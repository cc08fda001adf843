// Previews without a server: the PATCH preview's warnings, and the PUT fallback built from the
// fresh resource that keeps what others changed and what only the server sets.

import { describe, expect, it } from 'vitest';
import { checkEditChange, checkEditPreview, planPreview, replacePreview, type EditTarget } from '../../../electron/core/edit';
import { SCHEMAS, type ScimResource } from '../../../shared/scim';

const target: EditTarget = { baseUrl: 'https://scim.example.test/v2', kind: 'Users', vendor: 'lettermint', headers: {} };
const loaded: ScimResource = { schemas: [SCHEMAS.user], id: 'u1', userName: 'ada@example.test', title: 'Engineer', active: true, meta: { resourceType: 'User' } };

describe('edit previews', () => {
  it('warns when the service will ignore the PATCH and when there is no version to send as If-Match', () => {
    const preview = planPreview(target, loaded, { edited: { ...loaded, displayName: 'Ada L.' } });
    expect(preview.needsReplace).toBe(true);
    expect(preview.warnings.map((w) => w.code)).toEqual(['ignored-by-service', 'no-version']);
    expect(preview.request.headers['If-Match']).toBeUndefined();
    // A title Lettermint does not take at all: no PUT is offered, it would not help either.
    const title = planPreview(target, loaded, { edited: { ...loaded, title: 'CTO' } });
    expect(title.needsReplace).toBe(false);
    expect(title.warnings[0]?.message).toMatch(/^title: Lettermint takes only/);
  });

  it('an edit that changes nothing is empty and carries no warnings about sending', () => {
    const preview = planPreview(target, loaded, { edited: structuredClone(loaded) });
    expect(preview.empty).toBe(true);
    expect(preview.warnings).toEqual([]);
  });

  it('never predicts a change the vendor will not make: a PATCH it ignores, an attribute it does not store', () => {
    const patch = planPreview(target, loaded, { edited: { ...loaded, title: 'CTO', displayName: 'Ada L.' } });
    // Lettermint's PATCH changes only active: neither change is predicted, both are listed apart.
    expect(patch.after).toMatchObject({ title: 'Engineer' });
    expect(patch.after.displayName).toBeUndefined();
    expect(patch.ignored.map((c) => c.path).sort()).toEqual(['displayName', 'title']);
    expect(patch.empty).toBe(true);
    // Its PUT changes the name, never the title (Lettermint stores none).
    const put = replacePreview(target, loaded, patch.intent, loaded);
    expect(put.after).toMatchObject({ title: 'Engineer', displayName: 'Ada L.' });
    expect(put.changed).toEqual(['displayName']);
    expect(put.ignored.map((c) => c.path)).toEqual(['title']);
    expect(put.warnings.find((w) => w.path === 'title')?.message).toMatch(/a write leaves this as it is/);
  });

  it('the PUT keeps changes made meanwhile and predicts the read-only groups unchanged', () => {
    const mindtickle: EditTarget = { ...target, vendor: 'mindtickle' };
    const fresh: ScimResource = { ...loaded, nickName: 'theirs', groups: [{ value: 'g1', display: 'Ops' }], meta: { resourceType: 'User', version: 'W/"9"' } };
    const patch = planPreview(mindtickle, loaded, { edited: { ...loaded, title: 'CTO' } });
    const put = replacePreview(mindtickle, fresh, patch.intent, loaded);
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

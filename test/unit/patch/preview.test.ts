import { describe, expect, it } from 'vitest';
import { buildPatch, dialectForVendor, previewPatch } from '../../../electron/core/patch';
import { InspectorError } from '../../../shared/errors';
import { SCHEMAS } from '../../../shared/scim';
import { ENT, edit, group, user } from './fixtures';

const patch = (...Operations: unknown[]) => ({ schemas: [SCHEMAS.patchOp], Operations }) as Parameters<typeof previewPatch>[1];

describe('previewPatch', () => {
  it('applies operations on a copy and names the changed paths', () => {
    const before = user();
    const preview = previewPatch(before, patch({ op: 'replace', path: 'title', value: 'Countess' }, { op: 'replace', path: `${ENT}:department`, value: 'Looms' }));
    expect(preview.after.title).toBe('Countess');
    expect(preview.changed).toEqual(['title', `${ENT}:department`]);
    expect(preview.changes[0]).toEqual({ path: 'title', before: 'Analyst', after: 'Countess' });
    expect(before.title).toBe('Analyst');
  });

  it('applies a value-filter path on emails through scim-patch', () => {
    const preview = previewPatch(user(), patch({ op: 'replace', path: 'emails[type eq "work"].value', value: 'ada@engines.example' }));
    expect(preview.changed).toEqual(['emails[value eq "ada@example.com"]', 'emails[value eq "ada@engines.example"]']);
  });

  it('removes members by value in both dialects even when items carry display', () => {
    for (const vendor of ['rfc', 'entra']) {
      const built = buildPatch(group(['a', 'b:1', 'c']), group(['c']), dialectForVendor(vendor));
      const preview = previewPatch(group(['a', 'b:1', 'c']), built.request);
      expect(preview.after.members).toEqual([{ value: 'c', display: 'User c' }]);
      expect(preview.changed).toEqual(['members[value eq "a"]', 'members[value eq "b:1"]']);
    }
  });

  it('applies a no-path active replace', () => {
    expect(previewPatch(user(), patch({ op: 'replace', value: { active: false } })).after.active).toBe(false);
  });

  it('matches attribute names case-insensitively, as SCIM does', () => {
    const preview = previewPatch(user(), patch({ op: 'Replace', path: 'DISPLAYNAME', value: 'X' }, { op: 'replace', path: 'name.GIVENNAME', value: 'Y' }));
    expect(preview.changed).toEqual(['displayName', 'name.givenName']);
  });

  it('reports an operation the resource cannot take, with its index', () => {
    try {
      previewPatch(user(), patch({ op: 'replace', path: 'title', value: 'x' }, { op: 'replace', path: 'emails[type sw "fax"].value', value: 'nope' }));
      throw new Error('not rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(InspectorError);
      expect((error as InspectorError).message).toMatch(/^Operation 1 \(replace emails\[type sw "fax"\]\.value\) cannot be applied/);
      expect((error as InspectorError).details).toMatchObject({ index: 1, scimType: 'noTarget' });
    }
  });

  it('validates before applying', () => {
    expect(() => previewPatch(user(), patch({ op: 'remove' }))).toThrow(/needs a "path"/);
  });

  it('previews a built patch back to the edited resource', () => {
    const after = edit(user(), (u) => ((u.name = { givenName: 'A' }), delete u.title, (u[ENT] = { manager: { value: 'm2' } })));
    const preview = previewPatch(user(), buildPatch(user(), after).request);
    expect(preview.after).toEqual({ ...after, [ENT]: { manager: { value: 'm2' } } });
  });
});

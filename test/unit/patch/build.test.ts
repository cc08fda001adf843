import { describe, expect, it } from 'vitest';
import { buildPatch, dialectForVendor, RFC_DIALECT } from '../../../electron/core/patch';
import { InspectorError } from '../../../shared/errors';
import { ENT, edit, group, user } from './fixtures';

const ops = (before: Parameters<typeof buildPatch>[0], after: Parameters<typeof buildPatch>[1], vendor?: string) =>
  buildPatch(before, after, dialectForVendor(vendor)).request.Operations;

describe('buildPatch path forms', () => {
  it('replaces a simple attribute with its plain path', () => {
    expect(ops(user(), edit(user(), (u) => (u.displayName = 'Countess')))).toEqual([{ op: 'replace', path: 'displayName', value: 'Countess' }]);
  });

  it('removes an attribute that became unassigned (absent, null or empty)', () => {
    expect(ops(user(), edit(user(), (u) => delete u.title))).toEqual([{ op: 'remove', path: 'title' }]);
    expect(ops(user(), edit(user(), (u) => (u.title = null)))).toEqual([{ op: 'remove', path: 'title' }]);
  });

  it('writes sub-attribute paths for a changed complex attribute', () => {
    const after = edit(user(), (u) => (u.name = { givenName: 'Augusta', middleName: 'Ada' }));
    expect(ops(user(), after)).toEqual([
      { op: 'replace', path: 'name.givenName', value: 'Augusta' },
      { op: 'remove', path: 'name.familyName' },
      { op: 'replace', path: 'name.middleName', value: 'Ada' },
    ]);
  });

  it('sets a whole complex attribute that was unassigned and removes one that becomes so', () => {
    const bare = edit(user(), (u) => delete u.name);
    expect(ops(bare, user())).toEqual([{ op: 'replace', path: 'name', value: { givenName: 'Ada', familyName: 'Lovelace' } }]);
    expect(ops(user(), bare)).toEqual([{ op: 'remove', path: 'name' }]);
  });

  it('replaces the whole emails array when an email changes, and ignores a reorder', () => {
    const after = edit(user(), (u) => ((u.emails as { value: string }[])[1]!.value = 'ada@new.example'));
    expect(ops(user(), after)).toEqual([{ op: 'replace', path: 'emails', value: (after.emails as unknown[]) }]);
    const reordered = edit(user(), (u) => (u.emails as unknown[]).reverse());
    expect(ops(user(), reordered)).toEqual([]);
  });

  it('uses URN-qualified paths for enterprise extension attributes, manager included', () => {
    const after = edit(user(), (u) => (u[ENT] = { department: 'Looms', costCenter: 'C7', manager: { value: 'm2', displayName: 'Charles' } }));
    expect(ops(user(), after)).toEqual([
      { op: 'replace', path: `${ENT}:department`, value: 'Looms' },
      { op: 'replace', path: `${ENT}:manager.value`, value: 'm2' },
      { op: 'replace', path: `${ENT}:costCenter`, value: 'C7' },
    ]);
  });

  it('removes extension attributes one by one when the whole extension goes', () => {
    expect(ops(user(), edit(user(), (u) => delete u[ENT]))).toEqual([
      { op: 'remove', path: `${ENT}:department` },
      { op: 'remove', path: `${ENT}:manager` },
    ]);
  });

  it('matches attribute names case-insensitively, as SCIM does', () => {
    const after = edit(user(), (u) => ((u.DISPLAYNAME = 'Countess'), delete u.displayName, (u.name = { GivenName: 'Ada', familyName: 'Byron' })));
    expect(ops(user(), after)).toEqual([
      { op: 'replace', path: 'displayName', value: 'Countess' },
      { op: 'replace', path: 'name.familyName', value: 'Byron' },
    ]);
  });

  it('never writes id, meta or schemas, and refuses a changed id', () => {
    const after = edit(user(), (u) => ((u.meta = { version: 'W/"9"' }), (u.schemas = ['x'])));
    expect(ops(user(), after)).toEqual([]);
    expect(() => ops(user(), edit(user(), (u) => (u.id = 'other')))).toThrow(InspectorError);
  });

  it("does not send a user's read-only groups but warns about them", () => {
    const built = buildPatch(user(), edit(user(), (u) => (u.groups = [{ value: 'g9' }])), RFC_DIALECT);
    expect(built.request.Operations).toEqual([]);
    expect(built.warnings).toEqual([expect.objectContaining({ code: 'read-only', path: 'groups' })]);
  });
});

describe('buildPatch group members', () => {
  it('adds new members with only their value, in one operation', () => {
    const after = edit(group(['a']), (g) => (g.members as unknown[]).push({ value: 'b', display: 'B' }, { value: 'c' }));
    expect(ops(group(['a']), after)).toEqual([{ op: 'add', path: 'members', value: [{ value: 'b' }, { value: 'c' }] }]);
  });

  it('removes members with bracket filter paths in the rfc dialect', () => {
    expect(ops(group(['a', 'b', 'c']), group(['b']))).toEqual([
      { op: 'remove', path: 'members[value eq "a"]' },
      { op: 'remove', path: 'members[value eq "c"]' },
    ]);
  });

  it('removes members with a value array of the items as loaded in the entra dialect', () => {
    expect(ops(group(['a', 'b', 'c']), group(['b']), 'entra')).toEqual([{ op: 'remove', path: 'members', value: [{ value: 'a', display: 'User a' }, { value: 'c', display: 'User c' }] }]);
  });

  it('quotes member ids safely inside the filter', () => {
    expect(ops(group(['x"y', 'z']), group(['z']))).toEqual([{ op: 'remove', path: 'members[value eq "x\\"y"]' }]);
  });

  it('removes a member whose id the filter parser cannot read back (a backslash) by value', () => {
    expect(ops(group(['a\\b', 'c', 'z']), group(['z']))).toEqual([
      { op: 'remove', path: 'members[value eq "c"]' },
      { op: 'remove', path: 'members', value: [{ value: 'a\\b', display: 'User a\\b' }] },
    ]);
  });

  it('removes the attribute when the last member goes, and ignores member order', () => {
    expect(ops(group(['a', 'b']), group([]))).toEqual([{ op: 'remove', path: 'members' }]);
    expect(ops(group(['a', 'b']), group(['b', 'a']))).toEqual([]);
  });
});

describe('buildPatch dialects', () => {
  it('writes active as a no-path replace for mittr', () => {
    expect(ops(user(), edit(user(), (u) => (u.active = false)), 'mittr')).toEqual([{ op: 'replace', value: { active: false } }]);
    expect(ops(user(), edit(user(), (u) => (u.active = false)))).toEqual([{ op: 'replace', path: 'active', value: false }]);
  });

  it('flags non-active user changes as ignored for activeOnly services, and not active itself', () => {
    const after = edit(user(), (u) => ((u.active = false), (u.title = 'Countess')));
    for (const vendor of ['mindtickle', 'lettermint']) {
      const built = buildPatch(user(), after, dialectForVendor(vendor));
      expect(built.request.Operations).toHaveLength(2);
      expect(built.needsReplace).toBe(true);
      expect(built.warnings).toEqual([expect.objectContaining({ code: 'ignored-by-service', path: 'title' })]);
      expect(built.warnings[0]!.message).toMatch(/will be ignored by this service.*use PUT/);
    }
    const onlyActive = buildPatch(user(), edit(user(), (u) => (u.active = false)), dialectForVendor('lettermint'));
    expect(onlyActive.warnings).toEqual([]);
    expect(onlyActive.needsReplace).toBe(false);
  });

  it('does not flag group changes for activeOnly user services', () => {
    const built = buildPatch(group(['a']), group(['a', 'b']), dialectForVendor('lettermint'));
    expect(built.warnings).toEqual([]);
  });

  it('maps vendors to dialects and unknown vendors to rfc', () => {
    expect(dialectForVendor('Entra').memberRemoval).toBe('value-array');
    expect(dialectForVendor('mittr').noPathActiveReplace).toBe(true);
    expect(dialectForVendor('MindTickle').activeOnlyUsers).toBe(true);
    expect(dialectForVendor(undefined)).toBe(RFC_DIALECT);
    expect(dialectForVendor('somebody-else')).toBe(RFC_DIALECT);
  });
});

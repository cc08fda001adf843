import { describe, expect, it } from 'vitest';
import { diffResources, SERVER_MANAGED_ATTRIBUTES } from '../../../electron/core/patch';
import { ENT, edit, group, user } from './fixtures';

describe('diffResources', () => {
  it('gives nothing for equal resources, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(user()).reverse());
    expect(diffResources(user(), reordered)).toEqual([]);
  });

  it('treats absent, null, empty arrays and empty complex values as the same', () => {
    const a = edit(user(), (u) => ((u.title = null), (u.emails = []), (u.name = { givenName: null })));
    const b = edit(user(), (u) => (delete u.title, delete u.emails, delete u.name));
    expect(diffResources(a, b)).toEqual([]);
  });

  it('names simple, sub-attribute and extension paths with before and after', () => {
    const b = edit(user(), (u) => ((u.title = 'CTO'), ((u.name as Record<string, unknown>).givenName = 'Augusta'), (u[ENT] = { department: 'Engines', manager: { value: 'm2', displayName: 'Charles' } })));
    expect(diffResources(user(), b)).toEqual([
      { path: 'title', before: 'Analyst', after: 'CTO' },
      { path: 'name.givenName', before: 'Ada', after: 'Augusta' },
      { path: `${ENT}:manager.value`, before: 'm1', after: 'm2' },
    ]);
  });

  it('compares members and emails as sets keyed by value', () => {
    expect(diffResources(group(['a', 'b']), group(['b', 'a']))).toEqual([]);
    expect(diffResources(group(['a', 'b']), group(['b', 'c']))).toEqual([
      { path: 'members[value eq "a"]', before: { value: 'a', display: 'User a' }, after: undefined },
      { path: 'members[value eq "c"]', before: undefined, after: { value: 'c', display: 'User c' } },
    ]);
  });

  it('falls back to whole-array comparison when items have no unique value', () => {
    const a = edit(user(), (u) => (u.phoneNumbers = [{ type: 'work' }]));
    const b = edit(user(), (u) => (u.phoneNumbers = [{ type: 'home' }]));
    expect(diffResources(a, b)).toEqual([{ path: 'phoneNumbers', before: [{ type: 'work' }], after: [{ type: 'home' }] }]);
  });

  it('leaves out ignored attributes such as server bookkeeping', () => {
    const b = edit(user(), (u) => ((u.meta = { version: 'W/"2"' }), (u.schemas = ['x'])));
    expect(diffResources(user(), b).map((c) => c.path)).toEqual(['schemas', 'meta.resourceType', 'meta.version']);
    expect(diffResources(user(), b, { ignore: SERVER_MANAGED_ATTRIBUTES })).toEqual([]);
  });
});

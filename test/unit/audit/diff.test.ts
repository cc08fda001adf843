import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../electron/core/audit/diff';
import { SNAPSHOT_FORMAT, type Snapshot } from '../../../shared/audit';
import { SCHEMAS, type ScimGroup, type ScimUser } from '../../../shared/scim';

const snap = (users: ScimUser[], groups: ScimGroup[]): Snapshot => ({
  format: SNAPSHOT_FORMAT, version: 1, takenAt: '2026-11-20T00:00:00Z', baseUrl: 'x', complete: true, warnings: [], discovery: null, users, groups,
});
const u = (id: string, extra: Partial<ScimUser> = {}): ScimUser => ({ schemas: [SCHEMAS.user], id, userName: `${id}@x.com`, active: true, meta: { lastModified: '2026-01-01T00:00:00Z' }, ...extra });

describe('diffSnapshots', () => {
  it('reports added, removed and field-level changes including membership, ignoring meta', () => {
    const a = snap([u('u1'), u('u2'), u('u3')], [{ schemas: [SCHEMAS.group], id: 'g1', displayName: 'Eng', members: [{ value: 'u1' }, { value: 'u2' }] }]);
    const b = snap(
      [u('u1', { meta: { lastModified: '2026-11-01T00:00:00Z' } }), u('u2', { active: false, title: 'Ex' }), u('u4')],
      [{ schemas: [SCHEMAS.group], id: 'g1', displayName: 'Eng', members: [{ value: 'u1' }, { value: 'u4' }] }],
    );
    const diff = diffSnapshots(a, b);
    expect(diff.added).toEqual([{ resourceType: 'User', id: 'u4', name: 'u4@x.com' }]);
    expect(diff.removed).toEqual([{ resourceType: 'User', id: 'u3', name: 'u3@x.com' }]);
    expect(diff.changed).toHaveLength(2);
    const user = diff.changed.find((c) => c.id === 'u2');
    expect(user?.fields).toEqual([
      { path: 'active', before: true, after: false },
      { path: 'title', before: undefined, after: 'Ex' },
    ]);
    const group = diff.changed.find((c) => c.id === 'g1');
    expect(group?.fields.map((f) => f.path).sort()).toEqual(['members[value eq "u2"]', 'members[value eq "u4"]']);
  });

  it('finds nothing between a snapshot and itself', () => {
    const a = snap([u('u1')], []);
    expect(diffSnapshots(a, a)).toEqual({ added: [], removed: [], changed: [] });
  });
});

// The memberships export built from a stream (MembershipRows: compact ids and names, rows at the
// end) makes exactly the rows the whole-snapshot export made, whatever the snapshot holds: members
// that are groups listed later, repeated ids (the last one's name wins, as in a Map), users with no
// userName whose id is also a group's, names that are no string, dangling ids.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MembershipRows } from '../../../electron/core/audit/membership-rows';
import { memberIds } from '../../../electron/core/audit/user-fields';
import type { CsvCell } from '../../../electron/core/csv/write';
import { SCHEMAS, type ScimGroup, type ScimUser } from '../../../shared/scim';

/** The export as it was before it streamed (exports.ts, whole snapshot held): the reference. */
function wholeSnapshotRows(users: ScimUser[], groups: ScimGroup[]): CsvCell[][] {
  const byUser = new Map(users.map((u) => [u.id, u]));
  const byGroup = new Map(groups.map((g) => [g.id, g]));
  const rows: CsvCell[][] = [];
  for (const g of groups) {
    for (const id of memberIds(g)) {
      const user = byUser.get(id);
      const group = byGroup.get(id);
      rows.push([g.id, g.displayName, id, user ? 'User' : group ? 'Group' : '', user?.userName ?? group?.displayName ?? '', user || group ? 'false' : 'true']);
    }
  }
  return rows;
}

function streamedRows(users: ScimUser[], groups: ScimGroup[]): CsvCell[][] {
  const table = new MembershipRows();
  for (const u of users) table.user(u);
  for (const g of groups) table.group(g);
  return [...table.rows()];
}

// Few ids, so users, groups and members collide often.
const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'é', '');
const name = fc.oneof(fc.string({ maxLength: 6 }), fc.constant(undefined), fc.integer());
const user = fc.record({ id, userName: name }).map(({ id: i, userName }) => ({ schemas: [SCHEMAS.user], id: i, ...(userName === undefined ? {} : { userName }) }) as unknown as ScimUser);
const member = fc.oneof(fc.record({ value: id }), fc.record({ value: fc.integer() }), fc.constant(null));
const group = fc
  .record({ id, displayName: name, members: fc.oneof(fc.array(member, { maxLength: 6 }), fc.constant(undefined)) })
  .map(({ id: i, displayName, members }) => ({ schemas: [SCHEMAS.group], id: i, displayName, ...(members === undefined ? {} : { members }) }) as unknown as ScimGroup);

describe('MembershipRows', () => {
  it('makes the same rows as the whole-snapshot export for any users and groups', () => {
    fc.assert(
      fc.property(fc.array(user, { maxLength: 12 }), fc.array(group, { maxLength: 8 }), (users, groups) => {
        expect(streamedRows(users, groups)).toEqual(wholeSnapshotRows(users, groups));
      }),
      { numRuns: 500 },
    );
  });

  it('names a member that is a group listed after the group holding it, and flags an unknown id', () => {
    const users = [{ schemas: [SCHEMAS.user], id: 'u1', userName: 'ann@x.com' } as ScimUser];
    const groups = [
      { schemas: [SCHEMAS.group], id: 'g1', displayName: 'Outer', members: [{ value: 'g2' }, { value: 'u1' }, { value: 'gone' }] },
      { schemas: [SCHEMAS.group], id: 'g2', displayName: 'Inner', members: [] },
    ] as ScimGroup[];
    expect(streamedRows(users, groups)).toEqual([
      ['g1', 'Outer', 'g2', 'Group', 'Inner', 'false'],
      ['g1', 'Outer', 'u1', 'User', 'ann@x.com', 'false'],
      ['g1', 'Outer', 'gone', '', '', 'true'],
    ]);
  });
});

// The memberships export (one row per group–member pair) from a stream of users then groups,
// holding only what its rows need: user ids and userNames, group ids and displayNames, and each
// group's member ids, in compact structures (compact-strings.ts). A member's type and name are
// known only once every group is seen (a member may be a group listed later), so the rows are
// produced at the end, in the groups' order, exactly as the whole-snapshot export made them.

import type { ScimGroup, ScimUser } from '../../../shared/scim';
import type { CsvCell } from '../csv/write';
import { CompactStringList, CompactStringSet, Uint32List } from '../scim/compact-strings';
import { memberIds } from './user-fields';

export const MEMBERSHIP_COLUMNS = ['groupId', 'groupDisplayName', 'memberId', 'memberType', 'memberName', 'dangling'];

/** Cells kept as compact strings; the rare value that is no string (absent, a number…) kept as is. */
class CellList {
  private readonly text = new CompactStringList();
  private readonly other = new Map<number, unknown>();

  push(value: unknown): void {
    const i = this.text.push(typeof value === 'string' ? value : '');
    if (typeof value !== 'string') this.other.set(i, value);
  }

  set(index: number, value: unknown): void {
    // Only a repeated id rewrites an entry (the last one wins, as a Map built from the list did).
    this.other.set(index, value);
  }

  at(index: number): unknown {
    return this.other.has(index) ? this.other.get(index) : this.text.at(index);
  }
}

/** Ids numbered in first-seen order with a value each; a repeated id keeps its number, takes the new value. */
class NamedIds {
  readonly ids = new CompactStringSet();
  readonly names = new CellList();

  put(id: string, name: unknown): void {
    if (this.ids.add(id)) this.names.push(name);
    else this.names.set(this.ids.indexOf(id), name);
  }

  /** undefined when the id is not held; else the name (itself possibly undefined). */
  find(id: string): { name: unknown } | undefined {
    const i = this.ids.indexOf(id);
    return i < 0 ? undefined : { name: this.names.at(i) };
  }
}

export class MembershipRows {
  private readonly users = new NamedIds();
  private readonly groups = new NamedIds();
  /** Per listed group (repeats included, in order): its id, displayName and where its members start. */
  private readonly groupIds = new CompactStringList();
  private readonly groupNames = new CellList();
  private readonly memberStarts = new Uint32List();
  private readonly members = new CompactStringList();

  user(user: ScimUser): void {
    this.users.put(user.id, user.userName);
  }

  group(group: ScimGroup): void {
    this.groups.put(group.id, group.displayName);
    this.groupIds.push(group.id);
    this.groupNames.push(group.displayName);
    this.memberStarts.push(this.members.size);
    for (const id of memberIds(group)) this.members.push(id);
  }

  /** The rows, once every user and group has been seen. */
  *rows(): Generator<CsvCell[]> {
    for (let g = 0; g < this.groupIds.size; g += 1) {
      const groupId = this.groupIds.at(g);
      const groupName = this.groupNames.at(g) as CsvCell;
      const end = g + 1 < this.groupIds.size ? this.memberStarts.get(g + 1) : this.members.size;
      for (let m = this.memberStarts.get(g); m < end; m += 1) {
        const id = this.members.at(m);
        const user = this.users.find(id);
        const group = this.groups.find(id);
        const name = (user?.name ?? group?.name ?? '') as CsvCell;
        yield [groupId, groupName, id, user ? 'User' : group ? 'Group' : '', name, user || group ? 'false' : 'true'];
      }
    }
  }
}

// Group membership as the users table shows it: userId -> the names of the groups whose members
// include it. Most servers omit User.groups, so the Groups column is filled from the groups
// listing; a user that carries its own groups keeps them.

import { memberIdsOf, type ScimResource } from '../../../shared/scim';
import type { ResourceTable } from './table';

export type Memberships = Map<string, string[]>;

export { memberIdsOf as memberIds } from '../../../shared/scim';

const nameOf = (g: ScimResource): string => (typeof g.displayName === 'string' ? g.displayName : g.id);

/** Adds the groups of one listing page; returns the user ids whose membership changed. */
export function addGroups(memberships: Memberships, groups: readonly ScimResource[]): string[] {
  const touched: string[] = [];
  for (const g of groups) {
    for (const id of memberIdsOf(g)) {
      const list = memberships.get(id) ?? [];
      list.push(nameOf(g));
      memberships.set(id, list);
      touched.push(id);
    }
  }
  return touched;
}

/**
 * Writes the Groups cell of these users from the memberships. Users that carry their own groups
 * keep them, unless `overrule`: a group's verified read-back is newer than the user as listed.
 */
export function fillGroupCells(users: ResourceTable, memberships: Memberships, ids: Iterable<string>, overrule = false): void {
  for (const id of ids) {
    const row = users.rowOf.get(id);
    if (row === undefined || (!overrule && Array.isArray(users.resources[row]?.groups))) continue;
    users.setCell(row, 'groups', (memberships.get(id) ?? []).join(', '));
  }
}

/** Membership from every loaded group again (after a group was written or deleted). */
export function rebuild(groups: ResourceTable): Memberships {
  const memberships: Memberships = new Map();
  addGroups(memberships, groups.resources);
  return memberships;
}

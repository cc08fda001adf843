// The explorer's tables of one profile in main: the users and groups listings' indexes (filled as
// their pages arrive, kept after the listing ends or is cancelled, replaced by the next listing),
// their views, and what every verified write's read-back changes in them. The
// users' Groups column comes from their own `groups` attribute, or from the groups listing's
// members for users without one — and for users a group write touched (its read-back is newer).

import type { ColumnId } from '../../../shared/columns';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import { CompactStringSet } from '../scim/compact-strings';
import { Bitset } from './bitset';
import { Memberships } from './memberships';
import { TableIndex, type Pools } from './table-index';
import { TableViews } from './views';

export interface HeldTable {
  listId: string;
  /** The SCIM filter of the listing (undefined: the whole tenant). */
  filter: string | undefined;
  loading: boolean;
  /** The listing ended verified complete (false while loading, and after a failure or cancel). */
  complete: boolean;
  index: TableIndex;
  views: TableViews;
}

export interface TableChange {
  kind: ResourceKind;
  id: string;
  /** What the server holds now; null: it is gone. */
  resource: ScimResource | null;
}

export class ProfileTables {
  readonly pools: Pools = { ids: new CompactStringSet(), names: new CompactStringSet() };
  private readonly held: Record<ResourceKind, HeldTable | null> = { Users: null, Groups: null };
  /** Pooled user ids whose Groups cell follows the groups' members although they carry their own. */
  private readonly overruled = new Bitset();
  private memberships: Memberships | null = null;

  table(kind: ResourceKind): HeldTable | null {
    return this.held[kind];
  }

  /** A new listing starts: its index replaces the previous one of its kind. */
  begin(kind: ResourceKind, listId: string, filter: string | undefined): HeldTable {
    const index = new TableIndex(kind, this.pools);
    // The views read `held` only once it exists (when a window is asked for).
    const views = new TableViews(index, (row, column) => this.cell(kind, row, column), () => held.loading);
    const held: HeldTable = { listId, filter, loading: true, complete: false, index, views };
    this.held[kind] = held;
    if (kind === 'Groups') this.memberships = new Memberships(index);
    return held;
  }

  /** A page of a listing (ignored when another listing has replaced it); returns the rows held. */
  page(listId: string, resources: readonly ScimResource[]): number | null {
    const held = this.byListId(listId);
    if (!held) return null;
    for (const r of resources) held.index.put(r);
    return held.index.size;
  }

  /** The listing ended (verified complete, or failed or cancelled): what arrived stays. */
  end(listId: string, complete = false): void {
    const held = this.byListId(listId);
    if (!held) return;
    held.loading = false;
    held.complete = complete;
  }

  /** The ids (in the order given) that no row of the users or groups listing held has. */
  absent(ids: readonly string[]): string[] {
    const users = this.held.Users?.index;
    const groups = this.held.Groups?.index;
    return ids.filter((id) => (users?.rowOf(id) ?? -1) === -1 && (groups?.rowOf(id) ?? -1) === -1);
  }

  /** Applies a verified write's read-back (or a verified delete) to the index that lists it. */
  apply({ kind, id, resource }: TableChange): void {
    const held = this.held[kind];
    if (!held) return;
    const index = held.index;
    const row = index.rowOf(id);
    const before = kind === 'Groups' && row !== -1 ? Array.from(index.members.get(row)) : [];
    if (resource === null) {
      index.remove(id);
    } else if (row !== -1 || held.filter === undefined) {
      // An unfiltered listing holds every resource, so one it lacks (just created) joins it; a
      // filtered one keeps only rows it already shows, updated.
      index.put(resource);
    }
    if (kind === 'Groups') {
      const after = resource ? Array.from(index.members.get(index.rowOf(id))) : [];
      for (const pooled of [...before, ...after]) this.overruled.set(pooled);
    }
  }

  /** A cell as the grid shows it. */
  cell(kind: ResourceKind, row: number, column: ColumnId): string {
    const index = this.held[kind]?.index;
    if (!index) return '';
    if (kind !== 'Users' || column !== 'groups') return index.cell(row, column);
    const pooled = index.pooledOf(row);
    const groups = this.held.Groups;
    if (!groups || !this.memberships || (index.hasOwnGroups.get(row) && !this.overruled.get(pooled))) return index.cell(row, column);
    const memberships = this.memberships;
    return Array.from(memberships.groupsOf(pooled, groups.loading), (g) => memberships.nameOf(g)).join(', ');
  }

  /** The loaded groups holding a user (by the groups listing's members). */
  groupsOf(userId: string): { id: string; name: string }[] {
    const groups = this.held.Groups;
    const pooled = this.pools.ids.indexOf(userId);
    if (!groups || !this.memberships || pooled === -1) return [];
    const memberships = this.memberships;
    return Array.from(memberships.groupsOf(pooled, groups.loading), (g) => ({ id: groups.index.idOf(g), name: memberships.nameOf(g) }));
  }

  /** Bytes held for this profile's tables (pools, indexes, views, memberships). */
  get footprint(): number {
    let bytes = this.pools.ids.footprint + this.pools.names.footprint + (this.memberships?.footprint ?? 0);
    for (const held of Object.values(this.held)) if (held) bytes += held.index.footprint + held.views.footprint;
    return bytes;
  }

  private byListId(listId: string): HeldTable | null {
    for (const held of Object.values(this.held)) if (held?.listId === listId) return held;
    return null;
  }
}

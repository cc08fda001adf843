// Main's index of one listing (users or groups): what the explorer's grid, quick search, sort,
// selection and export read, held compactly so a 1M-user tenant stays a few hundred bytes a row —
// ids pooled per profile, cells in records, the search text in one buffer, memberships as pooled
// id lists — and never as a million resource objects. Rows are numbered in arrival order; a
// removed row keeps its number (marked removed) so results computed so far stay valid.

import { cellText, columnsOf, SEARCHED, type Column, type ColumnId } from '../../../shared/columns';
import { memberIdsOf, type ResourceKind, type ScimResource } from '../../../shared/scim';
import { CompactStringSet } from '../scim/compact-strings';
import { AttributeCells } from './attribute-cells';
import { Bitset, IntColumn } from './bitset';
import { ListStore } from './lists';
import { RecordStore } from './records';
import { FIELD_SEPARATOR, SearchText } from './search-text';
import type { CellSource } from './sort-order';


/** Per profile: every id and group name seen, numbered once for all listings of the profile. */
export interface Pools {
  ids: CompactStringSet;
  names: CompactStringSet;
}


/** A user's own `groups` attribute as the grid shows it: display names (or ids). */
function ownGroupNames(user: ScimResource): string[] {
  if (!Array.isArray(user.groups)) return [];
  const out: string[] = [];
  for (const g of user.groups) {
    if (typeof g !== 'object' || g === null) continue;
    const r = g as Record<string, unknown>;
    const name = typeof r.display === 'string' && r.display !== '' ? r.display : typeof r.value === 'string' ? r.value : '';
    if (name !== '') out.push(name);
  }
  return out;
}

export class TableIndex {
  readonly columns: readonly Column[];
  /** Columns kept as text; the users' Groups column is computed (see cellOf in views). */
  private readonly stored: readonly Column[];
  private readonly records: RecordStore;
  readonly search = new SearchText();
  private readonly slotOf = new IntColumn(-1);
  private readonly poolOf = new IntColumn(-1);
  private readonly rowOfPool = new IntColumn(-1);
  readonly removed = new Bitset();
  private removedRows = 0;
  private count = 0;
  /** Users: their own groups (interned names); hasOwnGroups: the resource carries `groups`. */
  private readonly ownGroups = new ListStore();
  readonly hasOwnGroups = new Bitset();
  /** Groups: member ids (pooled). */
  readonly members = new ListStore();
  /** The extra attribute columns' values (enterprise and custom schemas; see attribute-columns). */
  readonly attributes = new AttributeCells();
  /** Bumped on every change. */
  version = 0;
  /** Bumped when a row already held changes or goes (not when rows are added). */
  contentVersion = 0;
  /** Rows changed since the index was created, in order (sort orders patch them in). */
  readonly changedRows: number[] = [];

  constructor(
    readonly kind: ResourceKind,
    readonly pools: Pools,
  ) {
    this.columns = columnsOf(kind);
    this.stored = this.columns.filter((c) => !(kind === 'Users' && c === 'groups'));
    this.records = new RecordStore(this.stored.length);
  }

  /** Rows ever added, removed ones included (row numbers run from 0 to this). */
  get rows(): number {
    return this.count;
  }

  get size(): number {
    return this.count - this.removedRows;
  }

  /** Adds a resource, or replaces the row with its id; returns the row. */
  put(resource: ScimResource): number {
    const pooled = this.pools.ids.intern(resource.id);
    let row = this.rowOfPool.get(pooled);
    const added = row === -1;
    if (added) {
      row = this.count++;
      this.rowOfPool.set(pooled, row);
      this.poolOf.set(row, pooled);
    } else {
      this.contentVersion += 1;
      this.changedRows.push(row);
    }
    const cells = this.stored.map((c) => cellText(resource, c));
    this.records.set(row, cells);
    this.search.kill(this.slotOf.get(row));
    this.slotOf.set(row, this.search.add(row, this.searchText(cells)));
    this.attributes.put(row, resource);
    if (this.kind === 'Users') {
      this.hasOwnGroups.set(row, Array.isArray(resource.groups));
      this.ownGroups.set(row, ownGroupNames(resource).map((n) => this.pools.names.intern(n)));
    } else {
      this.members.set(row, memberIdsOf(resource).map((id) => this.pools.ids.intern(id)));
    }
    this.version += 1;
    return row;
  }

  /** Removes the row of an id (a verified delete); false when the index does not hold it. */
  remove(id: string): boolean {
    const row = this.rowOf(id);
    if (row === -1) return false;
    this.rowOfPool.set(this.poolOf.get(row), -1);
    this.search.kill(this.slotOf.get(row));
    this.removed.set(row);
    this.removedRows += 1;
    if (this.kind === 'Groups') this.members.set(row, []);
    this.contentVersion += 1;
    this.version += 1;
    return true;
  }

  /** The row of an id, or -1. */
  rowOf(id: string): number {
    const pooled = this.pools.ids.indexOf(id);
    return pooled === -1 ? -1 : this.rowOfPool.get(pooled);
  }

  /** The row of a pooled id, or -1. */
  rowOfPooled(pooled: number): number {
    return this.rowOfPool.get(pooled);
  }

  pooledOf(row: number): number {
    return this.poolOf.get(row);
  }

  idOf(row: number): string {
    return this.pools.ids.at(this.poolOf.get(row));
  }

  slotOfRow(row: number): number {
    return this.slotOf.get(row);
  }

  /**
   * A stored column's text (the users' Groups column: their own groups only; see views), or an
   * extra attribute column's (any other name is an attribute path).
   */
  cell(row: number, column: ColumnId): string {
    if (this.kind === 'Users' && column === 'groups') return this.ownGroupNames(row).join(', ');
    const c = this.stored.indexOf(column as Column);
    return c === -1 ? this.attributes.get(row, column) : this.records.get(row, c);
  }

  /** A column's cells for sorting: bytes where stored in a record, else the text. */
  cellSource(column: ColumnId): CellSource {
    const c = this.stored.indexOf(column as Column);
    if (c === -1 && !(this.columns as readonly string[]).includes(column)) return this.attributes.reader(column);
    if (c === -1) return (row) => this.cell(row, column);
    const records = this.records;
    return (row, span) => {
      if (records.isLong(row)) return records.get(row, c);
      span.buffer = records.buffer;
      span.start = records.cellStart(row, c);
      span.end = records.cellEnd(row, c);
      return null;
    };
  }

  ownGroupNames(row: number): string[] {
    return Array.from(this.ownGroups.get(row), (n) => this.pools.names.at(n));
  }

  /** Bytes held by this index (the pools are the profile's and counted apart). */
  get footprint(): number {
    return this.records.footprint + this.search.footprint + this.slotOf.footprint + this.poolOf.footprint + this.rowOfPool.footprint + this.removed.footprint + this.ownGroups.footprint + this.hasOwnGroups.footprint + this.members.footprint + this.attributes.footprint;
  }

  /** The searched columns, lower-cased; a column equal to an earlier one (email = userName) once. */
  private searchText(cells: readonly string[]): string {
    const parts: string[] = [];
    for (const column of SEARCHED[this.kind]) {
      const value = (cells[this.stored.indexOf(column)] ?? '').toLowerCase();
      if (value !== '' && !parts.includes(value)) parts.push(value);
    }
    return parts.join(FIELD_SEPARATOR);
  }
}

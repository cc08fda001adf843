// A columnar, id-indexed table of the resources a listing sent to the renderer (a small tenant's:
// see RENDERER_HOLDS_MAX), for the detail pane and the membership views. The grid's rows, quick
// search and sort come from main's index (store/view-source.ts), never from here.

import type { ResourceKind, ScimResource } from '../../../shared/scim';
import { cellText, columnsOf, type Column } from './columns';

export type SortDir = 'asc' | 'desc';

export class ResourceTable {
  readonly ids: string[] = [];
  readonly resources: ScimResource[] = [];
  readonly rowOf = new Map<string, number>();
  readonly cols = new Map<Column, string[]>();
  /** Bumped on every change, so memoised views know when they are stale. */
  version = 0;

  constructor(readonly kind: ResourceKind) {
    for (const c of columnsOf(kind)) this.cols.set(c, []);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Adds a page; a resource already loaded (same id) is replaced in place. */
  append(resources: readonly ScimResource[]): void {
    for (const r of resources) this.put(r);
    this.version += 1;
  }

  put(resource: ScimResource): void {
    const existing = this.rowOf.get(resource.id);
    const row = existing ?? this.ids.length;
    if (existing === undefined) {
      this.ids.push(resource.id);
      this.rowOf.set(resource.id, row);
    }
    this.resources[row] = resource;
    for (const [col, values] of this.cols) values[row] = cellText(resource, col);
  }

  /**
   * Drops rows (resources verified deleted) in one compaction pass, so removing a bulk run's
   * thousands of users from 100k rows is one walk, not one per id.
   */
  remove(ids: ReadonlySet<string>): void {
    let to = 0;
    for (let from = 0; from < this.ids.length; from++) {
      const id = this.ids[from] as string;
      if (ids.has(id)) {
        this.rowOf.delete(id);
        continue;
      }
      if (to !== from) {
        this.ids[to] = id;
        this.resources[to] = this.resources[from] as ScimResource;
        for (const values of this.cols.values()) values[to] = values[from] as string;
        this.rowOf.set(id, to);
      }
      to++;
    }
    this.ids.length = to;
    this.resources.length = to;
    for (const values of this.cols.values()) values.length = to;
    this.version += 1;
  }

  /** Sets one cell (e.g. a user's groups resolved from group members). */
  setCell(row: number, column: Column, value: string): void {
    const values = this.cols.get(column);
    if (values && row < this.ids.length) values[row] = value;
  }

  cell(row: number, column: Column): string {
    return this.cols.get(column)?.[row] ?? '';
  }

  get(id: string): ScimResource | undefined {
    const row = this.rowOf.get(id);
    return row === undefined ? undefined : this.resources[row];
  }
}

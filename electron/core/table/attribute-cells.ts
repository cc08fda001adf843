// The extra attribute columns' values of an index (shared/attribute-columns.ts): per row a short
// list of (path number, value number) pairs, the values' text in one byte list — a value seen
// often (a department) stored once, a value seen once (an employee number) appended without a hash
// table — so a 1M-user listing costs about a hundred bytes a row more, and a column chosen after
// the listing has loaded has its values at once, without the resources.

import { MAX_ATTRIBUTE_PATHS, visitAttributes } from '../../../shared/attribute-columns';
import type { ScimResource } from '../../../shared/scim';
import { CompactStringList } from '../scim/compact-strings';
import { ListStore } from './lists';

/** Distinct values remembered per path for sharing; rarer ones are appended each time. */
const SHARED_PER_PATH = 1024;

export class AttributeCells {
  /** At most MAX_ATTRIBUTE_PATHS, looked up per value: a Map, not a byte set. */
  private readonly paths = new Map<string, number>();
  private readonly pathList: string[] = [];
  /** Per path: its common values' numbers. */
  private readonly shared: Map<string, number>[] = [];
  private readonly values = new CompactStringList();
  private readonly pairs = new ListStore();
  private readonly scratch: number[] = [];
  /** Values left out because the listing carried more than MAX_ATTRIBUTE_PATHS distinct paths. */
  overflow = 0;

  /** Keeps a resource's extra attribute values for its row (replacing what the row had). */
  put(row: number, resource: ScimResource): void {
    const list = this.scratch;
    list.length = 0;
    visitAttributes(resource, (path, text) => {
      let p = this.paths.get(path);
      if (p === undefined) {
        if (this.pathList.length >= MAX_ATTRIBUTE_PATHS) {
          this.overflow += 1;
          return;
        }
        p = this.pathList.push(path) - 1;
        this.paths.set(path, p);
        this.shared.push(new Map());
      }
      list.push(p, this.valueNumber(p, text));
    });
    if (list.length > 0 || this.pairs.length(row) > 0) this.pairs.set(row, list);
  }

  /** A row's value of a path ('' when it has none). */
  get(row: number, path: string): string {
    const p = this.paths.get(path);
    return p === undefined ? '' : this.valueOf(row, p);
  }

  /** A reader of one path's values (looked up once), for sorting many rows. */
  reader(path: string): (row: number) => string {
    const p = this.paths.get(path);
    return p === undefined ? () => '' : (row) => this.valueOf(row, p);
  }

  /** Every path some row of the listing carried, in the order first seen. */
  seen(): string[] {
    return [...this.pathList];
  }

  /** Bytes held (the few shared-value maps, at most SHARED_PER_PATH entries a path, not counted). */
  get footprint(): number {
    return this.values.footprint + this.pairs.footprint;
  }

  private valueNumber(p: number, text: string): number {
    const shared = this.shared[p] as Map<string, number>;
    const known = shared.get(text);
    if (known !== undefined) return known;
    const v = this.values.push(text);
    if (shared.size < SHARED_PER_PATH) shared.set(text, v);
    return v;
  }

  private valueOf(row: number, p: number): string {
    const list = this.pairs.get(row);
    for (let i = 0; i < list.length; i += 2) if (list[i] === p) return this.values.at(list[i + 1] as number);
    return '';
  }
}

// The extra attribute columns' values of an index (shared/attribute-columns.ts), kept per path as
// a column of 16-bit codes, one per row: a value seen often (a department, a manager) is a code
// into the path's few shared values, stored once; a value seen once (an employee number) is
// appended to one byte list and its number kept in a 32-bit column the path grows only when it
// has such values. About 2 bytes a row per shared path, 6 plus the text per unique one, so a 1M-user
// listing stays small, and a column chosen after the listing has loaded has its values at once,
// without the resources. (It was one list of (path, value) number pairs per row: 8 bytes a value
// plus 8 a row, 95 B a row for the sandbox's 8 paths.)

import { MAX_ATTRIBUTE_PATHS, visitAttributes } from '../../../shared/attribute-columns';
import type { ScimResource } from '../../../shared/scim';
import { CompactStringList } from '../scim/compact-strings';

/** Distinct values remembered per path for sharing; rarer ones are appended each time. */
const SHARED_PER_PATH = 1024;
/** The code of a row whose value is not shared: its value number is in the path's wide column. */
const UNSHARED = 0xffff;

function grown<T extends Uint16Array | Uint32Array>(data: T, row: number, make: (n: number) => T): T {
  if (row < data.length) return data;
  const next = make(Math.max(row + 1, 1024, Math.ceil(data.length * 1.5)));
  next.set(data);
  return next;
}

class PathColumn {
  /** Per row: 0 none, 1..SHARED_PER_PATH a shared value (code - 1), UNSHARED see `wide`. */
  codes = new Uint16Array(0);
  /** Per row with an unshared value: its number in the values list (allocated when first needed). */
  wide = new Uint32Array(0);
  /** Shared value k (code k + 1) as its number in the values list, and text → code. */
  readonly sharedValues: number[] = [];
  readonly sharedCodes = new Map<string, number>();

  get footprint(): number {
    return this.codes.byteLength + this.wide.byteLength;
  }
}

export class AttributeCells {
  /** At most MAX_ATTRIBUTE_PATHS, looked up per value: a Map, not a byte set. */
  private readonly paths = new Map<string, number>();
  private readonly pathList: string[] = [];
  private readonly columns: PathColumn[] = [];
  private readonly values = new CompactStringList();
  /** Values left out because the listing carried more than MAX_ATTRIBUTE_PATHS distinct paths. */
  overflow = 0;

  /** Keeps a resource's extra attribute values for its row (replacing what the row had). */
  put(row: number, resource: ScimResource): void {
    // A row put again (a verified write) may have lost a path it had.
    for (const column of this.columns) if (row < column.codes.length) column.codes[row] = 0;
    visitAttributes(resource, (path, text) => {
      let p = this.paths.get(path);
      if (p === undefined) {
        if (this.pathList.length >= MAX_ATTRIBUTE_PATHS) {
          this.overflow += 1;
          return;
        }
        p = this.pathList.push(path) - 1;
        this.paths.set(path, p);
        this.columns.push(new PathColumn());
      }
      this.setValue(this.columns[p] as PathColumn, row, text);
    });
  }

  /** A row's value of a path ('' when it has none). */
  get(row: number, path: string): string {
    const p = this.paths.get(path);
    return p === undefined ? '' : this.valueOf(this.columns[p] as PathColumn, row);
  }

  /** A reader of one path's values (looked up once), for sorting many rows. */
  reader(path: string): (row: number) => string {
    const p = this.paths.get(path);
    if (p === undefined) return () => '';
    const column = this.columns[p] as PathColumn;
    return (row) => this.valueOf(column, row);
  }

  /** Every path some row of the listing carried, in the order first seen. */
  seen(): string[] {
    return [...this.pathList];
  }

  /** Bytes held (the few shared-value maps, at most SHARED_PER_PATH entries a path, not counted). */
  get footprint(): number {
    let bytes = this.values.footprint;
    for (const column of this.columns) bytes += column.footprint;
    return bytes;
  }

  private setValue(column: PathColumn, row: number, text: string): void {
    column.codes = grown(column.codes, row, (n) => new Uint16Array(n));
    const code = column.sharedCodes.get(text);
    if (code !== undefined) {
      column.codes[row] = code;
      return;
    }
    const v = this.values.push(text);
    if (column.sharedValues.length < SHARED_PER_PATH) {
      column.sharedValues.push(v);
      column.sharedCodes.set(text, column.sharedValues.length);
      column.codes[row] = column.sharedValues.length;
      return;
    }
    column.wide = grown(column.wide, row, (n) => new Uint32Array(n));
    column.wide[row] = v;
    column.codes[row] = UNSHARED;
  }

  private valueOf(column: PathColumn, row: number): string {
    const code = row < column.codes.length ? (column.codes[row] as number) : 0;
    if (code === 0) return '';
    return this.values.at(code === UNSHARED ? (column.wide[row] as number) : (column.sharedValues[code - 1] as number));
  }
}

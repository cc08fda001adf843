// The text cells of every row, as UTF-8 in one growing buffer: a row's cells are stored together
// (its record) with one start per row and the end of each cell inside the record. A changed row
// (a write's read-back) gets a new record at the end; the old bytes are garbage until the buffer
// is compacted. About 8 + 2·cells bytes a row on top of the text, where an array of strings per
// column costs ~30 bytes of header per cell.

const encoder = new TextEncoder();
/** Records longer than this keep their cells in `long` (a 64 KB title is possible, not common). */
const MAX_RECORD = 0xffff;

export class RecordStore {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private garbage = 0;
  private starts = new Uint32Array(1024);
  /** ends[row * cells + c]: where cell c ends, relative to the record's start. */
  private ends: Uint16Array;
  private readonly long = new Map<number, string[]>();
  private scratch = new Uint8Array(1024);
  private rows = 0;

  constructor(readonly cells: number) {
    this.ends = new Uint16Array(1024 * cells);
  }

  get size(): number {
    return this.rows;
  }

  /** Stores (or replaces) the cells of `row`; rows are added in order (row === size adds one). */
  set(row: number, values: readonly string[]): void {
    if (row > this.rows) throw new RangeError(`Row ${row} is past the end (${this.rows}).`);
    if (row === this.rows) this.addRow();
    else this.garbage += this.recordLength(row);
    this.long.delete(row);
    let len = 0;
    const base = row * this.cells;
    for (let c = 0; c < this.cells; c++) {
      len += this.encode(values[c] ?? '', len);
      if (len > MAX_RECORD) {
        this.long.set(row, [...values]);
        len = 0;
        for (let k = 0; k < this.cells; k++) this.ends[base + k] = 0;
        break;
      }
      this.ends[base + c] = len;
    }
    this.reserve(len);
    this.bytes.set(this.scratch.subarray(0, len), this.used);
    this.starts[row] = this.used;
    this.used += len;
    if (this.garbage > 1 << 20 && this.garbage * 3 > this.used) this.compact();
  }

  get(row: number, c: number): string {
    const long = this.long.get(row);
    if (long) return long[c] ?? '';
    const start = this.cellStart(row, c);
    const end = this.cellEnd(row, c);
    return start === end ? '' : this.bytes.toString('utf8', start, end);
  }

  /** Where cell c of a row starts in `buffer` (valid until the next set()). */
  cellStart(row: number, c: number): number {
    return (this.starts[row] as number) + (c === 0 ? 0 : (this.ends[row * this.cells + c - 1] as number));
  }

  cellEnd(row: number, c: number): number {
    return (this.starts[row] as number) + (this.ends[row * this.cells + c] as number);
  }

  /** True when the cell is kept as a string (too long for a record): read it with get(). */
  isLong(row: number): boolean {
    return this.long.size > 0 && this.long.has(row);
  }

  get buffer(): Buffer {
    return this.bytes;
  }

  get footprint(): number {
    return this.bytes.byteLength + this.starts.byteLength + this.ends.byteLength;
  }

  private recordLength(row: number): number {
    return this.ends[row * this.cells + this.cells - 1] as number;
  }

  private addRow(): void {
    this.rows += 1;
    if (this.rows > this.starts.length) {
      const starts = new Uint32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
      const ends = new Uint16Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
  }

  /** Writes value's UTF-8 into scratch at `at`; returns the byte count. */
  private encode(value: string, at: number): number {
    if (at + value.length * 3 > this.scratch.length) {
      const grown = new Uint8Array(Math.max(at + value.length * 3, this.scratch.length * 2));
      grown.set(this.scratch.subarray(0, at));
      this.scratch = grown;
    }
    const n = value.length;
    for (let i = 0; i < n; i++) {
      const ch = value.charCodeAt(i);
      if (ch >= 0x80) return encoder.encodeInto(value, this.scratch.subarray(at)).written;
      this.scratch[at + i] = ch;
    }
    return n;
  }

  private reserve(len: number): void {
    if (this.used + len <= this.bytes.length) return;
    // 1.5x, as in compact-strings: the text is most of the footprint.
    const grown = Buffer.allocUnsafe(Math.max(Math.ceil(this.bytes.length * 1.5), this.used + len));
    this.bytes.copy(grown, 0, 0, this.used);
    this.bytes = grown;
  }

  /** Rewrites the live records in row order, dropping replaced ones. */
  private compact(): void {
    const live = this.used - this.garbage;
    const next = Buffer.allocUnsafe(Math.max(1 << 16, Math.ceil(live * 1.25)));
    let at = 0;
    for (let row = 0; row < this.rows; row++) {
      const start = this.starts[row] as number;
      const len = this.recordLength(row);
      this.bytes.copy(next, at, start, start + len);
      this.starts[row] = at;
      at += len;
    }
    this.bytes = next;
    this.used = at;
    this.garbage = 0;
  }
}

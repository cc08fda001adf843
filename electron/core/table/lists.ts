// A list of 32-bit numbers per row in one growing array (a group's members as pooled ids, a
// user's own groups as interned names): start and length per row, a changed row's list appended
// anew and the old one left as garbage until compaction.

export class ListStore {
  private data = new Uint32Array(4096);
  private used = 0;
  private garbage = 0;
  private starts = new Uint32Array(1024);
  private lengths = new Uint32Array(1024);

  set(row: number, values: ArrayLike<number>): void {
    if (row >= this.starts.length) {
      const size = Math.max(row + 1, this.starts.length * 2);
      const starts = new Uint32Array(size);
      starts.set(this.starts);
      this.starts = starts;
      const lengths = new Uint32Array(size);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.garbage += this.lengths[row] as number;
    if (this.used + values.length > this.data.length) {
      if (this.garbage * 3 > this.used) this.compact(row);
      if (this.used + values.length > this.data.length) {
        const data = new Uint32Array(Math.max(this.used + values.length, Math.ceil(this.data.length * 1.5)));
        data.set(this.data.subarray(0, this.used));
        this.data = data;
      }
    }
    this.starts[row] = this.used;
    this.lengths[row] = values.length;
    for (let i = 0; i < values.length; i++) this.data[this.used + i] = values[i] as number;
    this.used += values.length;
  }

  /** The list of a row (a view: copy it to keep it past the next set()). */
  get(row: number): Uint32Array {
    if (row >= this.starts.length) return this.data.subarray(0, 0);
    const start = this.starts[row] as number;
    return this.data.subarray(start, start + (this.lengths[row] as number));
  }

  length(row: number): number {
    return row < this.lengths.length ? (this.lengths[row] as number) : 0;
  }

  get footprint(): number {
    return this.data.byteLength + this.starts.byteLength + this.lengths.byteLength;
  }

  /** Rewrites the live lists in row order; `skip` is being replaced, so its list is dropped. */
  private compact(skip: number): void {
    const data = new Uint32Array(this.data.length);
    let at = 0;
    for (let row = 0; row < this.starts.length; row++) {
      const len = row === skip ? 0 : (this.lengths[row] as number);
      if (len > 0) data.set(this.data.subarray(this.starts[row] as number, (this.starts[row] as number) + len), at);
      this.starts[row] = at;
      this.lengths[row] = len;
      at += len;
    }
    this.data = data;
    this.used = at;
    this.garbage = 0;
  }
}

// Growable bit sets and int arrays for the listing index: one bit or one 32-bit number per row,
// slot or pooled id, so a million-row table costs kilobytes to megabytes here, never a million
// JS objects.

export class Bitset {
  private words = new Uint32Array(32);

  get(i: number): boolean {
    const w = i >>> 5;
    return w < this.words.length && ((this.words[w] as number) & (1 << (i & 31))) !== 0;
  }

  set(i: number, value = true): void {
    const w = i >>> 5;
    if (w >= this.words.length) {
      if (!value) return;
      this.grow(w + 1);
    }
    if (value) this.words[w] = (this.words[w] as number) | (1 << (i & 31));
    else this.words[w] = (this.words[w] as number) & ~(1 << (i & 31));
  }

  clear(): void {
    this.words.fill(0);
  }

  /** The first set bit at or after `from`, or -1 (skips empty words 32 at a time). */
  next(from: number): number {
    let w = from >>> 5;
    if (w >= this.words.length) return -1;
    let word = (this.words[w] as number) & (~0 << (from & 31));
    while (word === 0) {
      w += 1;
      if (w >= this.words.length) return -1;
      word = this.words[w] as number;
    }
    return (w << 5) + (31 - Math.clz32(word & -word));
  }

  /** Set bits in [0, limit). */
  count(limit = this.words.length * 32): number {
    let n = 0;
    const full = Math.min(this.words.length, limit >>> 5);
    for (let w = 0; w < full; w++) n += popcount(this.words[w] as number);
    if (full < this.words.length && (limit & 31) !== 0) n += popcount((this.words[full] as number) & ((1 << (limit & 31)) - 1));
    return n;
  }

  get footprint(): number {
    return this.words.byteLength;
  }

  private grow(minWords: number): void {
    const words = new Uint32Array(Math.max(minWords, this.words.length * 2));
    words.set(this.words);
    this.words = words;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

/** A growable Int32Array; unset entries read as `fill`. */
export class IntColumn {
  private data: Int32Array;

  constructor(private readonly fill = 0) {
    this.data = new Int32Array(1024).fill(fill);
  }

  get(i: number): number {
    return i < this.data.length ? (this.data[i] as number) : this.fill;
  }

  set(i: number, value: number): void {
    if (i >= this.data.length) {
      const data = new Int32Array(Math.max(i + 1, this.data.length * 2)).fill(this.fill);
      data.set(this.data);
      this.data = data;
    }
    this.data[i] = value;
  }

  get footprint(): number {
    return this.data.byteLength;
  }
}

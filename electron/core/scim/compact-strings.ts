// A set of strings kept as UTF-8 bytes in one growing buffer, with an open-addressing hash index.
// Listings, snapshots and audits of a 1M-user tenant track every id (and the audit every userName)
// at about 45 bytes an entry (a 36-byte UUID plus offsets and index slots), where a Set<string>
// costs over 100. Entries are numbered in insertion order, so a caller can keep per-entry facts
// in typed arrays indexed by the same number.

const EMPTY = 0;
const encoder = new TextEncoder();

export class CompactStringSet {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  /** starts[i] is where entry i begins in bytes; starts[size] is where the next one will. */
  private starts = new Uint32Array(1024);
  private hashes = new Uint32Array(1024);
  /** index slot → entry number + 1 (0 = empty). Kept at most half full. */
  private slots = new Uint32Array(2048);
  private count = 0;
  /** The string being looked up, as bytes (sized up for the longest seen). */
  private scratch = new Uint8Array(256);

  get size(): number {
    return this.count;
  }

  has(value: string): boolean {
    return this.indexOf(value) >= 0;
  }

  /** The entry number of value, or -1. */
  indexOf(value: string): number {
    const len = this.encode(value);
    const hash = hashBytes(this.scratch, len);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot] as number;
      if (held === EMPTY) return -1;
      if (this.hashes[held - 1] === hash && this.equals(held - 1, len)) return held - 1;
    }
  }

  /** Adds value; true when it was not there yet. */
  add(value: string): boolean {
    const len = this.encode(value);
    const hash = hashBytes(this.scratch, len);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot] as number;
      if (held === EMPTY) break;
      if (this.hashes[held - 1] === hash && this.equals(held - 1, len)) return false;
    }
    const index = this.count;
    this.reserve(len);
    this.bytes.set(this.scratch.subarray(0, len), this.used);
    this.used += len;
    this.starts[index + 1] = this.used;
    this.hashes[index] = hash;
    this.slots[slot] = index + 1;
    this.count += 1;
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return true;
  }

  /** Entry number i as a string (decoded on demand: entries are stored as bytes). */
  at(index: number): string {
    if (index < 0 || index >= this.count) throw new RangeError(`No entry ${index} (size ${this.count}).`);
    return this.bytes.toString('utf8', this.starts[index], this.starts[index + 1]);
  }

  /** Bytes held, for benchmarks and the memory figures they print. */
  get footprint(): number {
    return this.bytes.byteLength + this.starts.byteLength + this.hashes.byteLength + this.slots.byteLength;
  }

  private encode(value: string): number {
    if (value.length * 3 > this.scratch.length) this.scratch = new Uint8Array(Math.max(value.length * 3, this.scratch.length * 2));
    // Ids are nearly always ASCII: copying char codes beats a call into the encoder per lookup.
    const { scratch } = this;
    const n = value.length;
    for (let i = 0; i < n; i += 1) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) return encoder.encodeInto(value, scratch).written;
      scratch[i] = c;
    }
    return n;
  }

  private equals(index: number, len: number): boolean {
    const start = this.starts[index] as number;
    if ((this.starts[index + 1] as number) - start !== len) return false;
    const { bytes, scratch } = this;
    for (let i = 0; i < len; i += 1) if (bytes[start + i] !== scratch[i]) return false;
    return true;
  }

  private reserve(len: number): void {
    if (this.used + len > this.bytes.length) {
      // 1.5x: the arena is most of the footprint, and doubling would leave up to half of it idle.
      const grown = Buffer.allocUnsafe(Math.max(Math.ceil(this.bytes.length * 1.5), this.used + len));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    if (this.count + 2 > this.starts.length) {
      const starts = new Uint32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
      const hashes = new Uint32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
  }

  private rehash(capacity: number): void {
    const slots = new Uint32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < this.count; i += 1) {
      let slot = (this.hashes[i] as number) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = i + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a over the bytes, then a final mix so the low bits (the slot) depend on every byte. */
function hashBytes(bytes: Uint8Array, len: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < len; i += 1) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

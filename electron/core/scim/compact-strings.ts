// Strings kept as UTF-8 bytes in one growing buffer: a list (append-only) and a set (the list plus
// an open-addressing hash index). Listings, snapshots and audits of a 1M-user tenant track every
// id (and the audit every userName) at about 50 bytes an entry (a 36-byte UUID plus offsets and
// index slots), where a Set<string> costs about 100. Entries are numbered in insertion order, so a
// caller can keep per-entry facts in typed arrays indexed by the same number.

const EMPTY = 0;
const encoder = new TextEncoder();

/** Append-only list of strings stored as bytes; entry i is decoded when it is read. */
export class CompactStringList {
  protected bytes = Buffer.allocUnsafe(1 << 16);
  protected used = 0;
  /** starts[i] is where entry i begins in bytes; starts[size] is where the next one will. */
  protected starts = new Uint32Array(1024);
  protected count = 0;
  /** The string being stored or looked up, as bytes (sized up for the longest seen). */
  protected scratch = new Uint8Array(256);

  get size(): number {
    return this.count;
  }

  /** Appends value; returns its entry number. */
  push(value: string): number {
    this.append(this.encode(value));
    return this.count - 1;
  }

  /** Entry number i as a string. */
  at(index: number): string {
    if (index < 0 || index >= this.count) throw new RangeError(`No entry ${index} (size ${this.count}).`);
    return this.bytes.toString('utf8', this.starts[index], this.starts[index + 1]);
  }

  /** Bytes held, for benchmarks and the memory figures they print. */
  get footprint(): number {
    return this.bytes.byteLength + this.starts.byteLength;
  }

  /** Stores the `len` bytes in scratch as the next entry. */
  protected append(len: number): void {
    this.reserve(len);
    this.bytes.set(this.scratch.subarray(0, len), this.used);
    this.used += len;
    this.count += 1;
    this.starts[this.count] = this.used;
  }

  protected encode(value: string): number {
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

  protected reserve(len: number): void {
    this.bytes = roomFor(this.bytes, this.used, len);
    if (this.count + 2 > this.starts.length) {
      const starts = new Uint32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
    }
  }
}

export class CompactStringSet extends CompactStringList {
  private hashes = new Uint32Array(1024);
  /** index slot → entry number + 1 (0 = empty). Kept at most half full. */
  private slots = new Uint32Array(2048);

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
    const before = this.count;
    this.intern(value);
    return this.count > before;
  }

  /** The entry number of value, added when new (one hash and probe, where add + indexOf take two). */
  intern(value: string): number {
    const len = this.encode(value);
    const hash = hashBytes(this.scratch, len);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot] as number;
      if (held === EMPTY) break;
      if (this.hashes[held - 1] === hash && this.equals(held - 1, len)) return held - 1;
    }
    if (this.count + 1 > this.hashes.length) {
      const hashes = new Uint32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[this.count] = hash;
    this.slots[slot] = this.count + 1;
    this.append(len);
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return this.count - 1;
  }

  /** A set's entries are unique: use add. */
  override push(value: string): number {
    if (!this.add(value)) throw new RangeError('CompactStringSet.push of a value already held; use add.');
    return this.count - 1;
  }

  override get footprint(): number {
    return super.footprint + this.hashes.byteLength + this.slots.byteLength;
  }

  private equals(index: number, len: number): boolean {
    const start = this.starts[index] as number;
    if ((this.starts[index + 1] as number) - start !== len) return false;
    const { bytes, scratch } = this;
    for (let i = 0; i < len; i += 1) if (bytes[start + i] !== scratch[i]) return false;
    return true;
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

/** A growing array of unsigned 32-bit numbers (per-entry facts beside a CompactStringList). */
export class Uint32List {
  private data = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    this.length += 1;
  }

  get(index: number): number {
    return this.data[index] as number;
  }

  set(index: number, value: number): void {
    while (index >= this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[index] = value;
    if (index >= this.length) this.length = index + 1;
  }
}

/**
 * `bytes` with room for `len` more after its first `used` bytes: itself when it has it, else a
 * copy 1.5x as large (or just large enough). 1.5x: an arena is most of the footprint, and
 * doubling would leave up to half of it idle.
 */
export function roomFor(bytes: Buffer<ArrayBuffer>, used: number, len: number): Buffer<ArrayBuffer> {
  if (used + len <= bytes.length) return bytes;
  const grown = Buffer.allocUnsafe(Math.max(Math.ceil(bytes.length * 1.5), used + len));
  bytes.copy(grown, 0, 0, used);
  return grown;
}

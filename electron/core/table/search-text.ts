// The quick-search text of every row: the searched columns lower-cased, as UTF-8 in one buffer,
// one "slot" per row version, each ended by a newline. A query (which never holds a newline) is
// found with Buffer.indexOf over the whole buffer — native code, no string per row — and a match
// is mapped back to its slot. A changed row gets a new slot at the end and its old one is dead, so
// results computed so far stay valid for every other row.

import { roomFor } from '../scim/compact-strings';

const encoder = new TextEncoder();
const NEWLINE = 0x0a;
/** Bytes searched per native call between deadline checks (~1 ms of memchr/memmem). */
const CHUNK = 1 << 20;
/** Separates a row's columns, so a query cannot match across two of them. */
export const FIELD_SEPARATOR = '\u0001';

export class SearchText {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  /** starts[slot]: where a slot begins; starts[count] is the end of the last one. */
  private starts = new Uint32Array(1025);
  /** The row a slot holds, or -1 once it is dead (its row changed or went away). */
  private rows = new Int32Array(1024);
  private count = 0;
  private dead = 0;
  private scratch = new Uint8Array(1024);

  get slots(): number {
    return this.count;
  }

  get deadSlots(): number {
    return this.dead;
  }

  /** Adds a row's text (already lower-cased); returns its slot. */
  add(row: number, text: string): number {
    // A newline inside a value would end the slot early: it reads as a space.
    const len = this.encode(text.includes('\n') ? text.replace(/\n/g, ' ') : text);
    this.bytes = roomFor(this.bytes, this.used, len + 1);
    if (this.count + 2 > this.starts.length) {
      const starts = new Uint32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
      const rows = new Int32Array(this.rows.length * 2);
      rows.set(this.rows);
      this.rows = rows;
    }
    this.bytes.set(this.scratch.subarray(0, len), this.used);
    this.used += len;
    this.bytes[this.used++] = NEWLINE;
    const slot = this.count++;
    this.rows[slot] = row;
    this.starts[this.count] = this.used;
    return slot;
  }

  kill(slot: number): void {
    if (slot < 0 || slot >= this.count || this.rows[slot] === -1) return;
    this.rows[slot] = -1;
    this.dead += 1;
  }

  rowOf(slot: number): number {
    return this.rows[slot] as number;
  }

  /**
   * Finds `query` in slots from `fromSlot` on with the native indexOf over the whole text, calling
   * found(slot) for each live slot holding it, in order: fastest where matches are rare, as the
   * text between them is skipped at memchr speed. The native search covers at most CHUNK bytes
   * per call, so `deadline` (performance.now()) is kept within a millisecond or two. Returns the
   * slot to resume from (`slots` when done).
   */
  scan(query: Uint8Array, fromSlot: number, deadline: number, found: (slot: number) => void): number {
    const { bytes, starts, rows } = this;
    const end = this.count;
    const used = this.used;
    let slot = fromSlot;
    let pos = slot < end ? (starts[slot] as number) : used;
    let matches = 0;
    while (slot < end) {
      const limit = Math.min(used, pos + CHUNK);
      const hit = bytes.subarray(pos, Math.min(used, limit + query.length - 1)).indexOf(query);
      if (hit === -1) {
        if (limit >= used) return end;
        pos = limit;
        while ((starts[slot + 1] as number) <= pos) slot++;
        if (performance.now() > deadline) return slot;
        continue;
      }
      const at = pos + hit;
      // The slot holding the match: usually this one or a few further on.
      while ((starts[slot + 1] as number) <= at) slot++;
      if ((rows[slot] as number) >= 0) found(slot);
      slot++;
      pos = starts[slot] as number;
      if ((++matches & 63) === 0 && performance.now() > deadline) return slot;
    }
    return end;
  }

  /**
   * Checks slots one by one in [fromSlot, toSlot) (only those `candidate` allows, when given), calling
   * found(slot) for each live one holding `query`: fastest where matches are common (a row's check
   * ends at its first match) or where a shorter query left few candidates. Returns where to resume.
   */
  check(query: Uint8Array, fromSlot: number, toSlot: number, deadline: number, found: (slot: number) => void, candidate?: (slot: number) => number): number {
    const end = Math.min(toSlot, this.count);
    let slot = fromSlot;
    for (let checked = 1; slot < end; checked++) {
      if (candidate) {
        slot = candidate(slot);
        if (slot >= end) return end;
      }
      if (this.holds(slot, query)) found(slot);
      slot++;
      if ((checked & 255) === 0 && performance.now() > deadline) return slot;
    }
    return end;
  }

  /** Whether one live slot holds the query (a plain loop over its bytes). */
  holds(slot: number, query: Uint8Array): boolean {
    if ((this.rows[slot] as number) < 0) return false;
    const bytes = this.bytes;
    const first = query[0] as number;
    const n = query.length;
    const last = (this.starts[slot + 1] as number) - n;
    outer: for (let i = this.starts[slot] as number; i < last; i++) {
      if (bytes[i] !== first) continue;
      for (let k = 1; k < n; k++) if (bytes[i + k] !== query[k]) continue outer;
      return true;
    }
    return false;
  }

  get footprint(): number {
    return this.bytes.byteLength + this.starts.byteLength + this.rows.byteLength;
  }

  private encode(text: string): number {
    if (text.length * 3 > this.scratch.length) this.scratch = new Uint8Array(Math.max(text.length * 3, this.scratch.length * 2));
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (ch >= 0x80) return encoder.encodeInto(text, this.scratch).written;
      this.scratch[i] = ch;
    }
    return n;
  }
}

/** The query as bytes to look for, or null when nothing searchable is left (only separators). */
export function queryBytes(query: string): Uint8Array | null {
  // Control characters (the separators, newlines) are never part of a match.
  // eslint-disable-next-line no-control-regex
  const q = query.trim().toLowerCase().replace(/[\u0000-\u001f]/g, '');
  return q === '' ? null : encoder.encode(q);
}

// One quick-search query over an index's search text, worked in steps so no step holds main's
// event loop for long: a scan in slot order (native indexOf, skipping over text a shorter query
// already ruled out) marks matching slots in a bit set, and a walk in the view's order (sorted or
// not) collects matching rows, reading the scan's bits where it has been and checking a row's text
// directly where it has not. The walk's rows are the view: exact as far as it has walked.

import { Bitset } from './bitset';
import type { SearchText } from './search-text';

/** Slots checked in JS before the scan judges whether matches are rare or common. */
const SAMPLE = 2048;
/** Above this share of matching slots, checking each slot beats the native scan. */
const COMMON = 0.15;
/** A shorter query narrows this one only when it left fewer candidates than this share. */
const NARROWING = 0.6;

export class Evaluation {
  readonly bits = new Bitset();
  /** Slots before this are decided by `bits`. */
  scanned = 0;
  /** Matching slots found so far. */
  found = 0;

  constructor(
    readonly text: string,
    readonly query: Uint8Array,
    /** A shorter query contained in this one: only its matches can match this. */
    private readonly parent: Evaluation | null,
  ) {}

  /** Decides slots on until `deadline`; true when every slot so far is decided. */
  advance(search: SearchText, deadline: number): boolean {
    const mark = (slot: number): void => {
      this.bits.set(slot);
      this.found += 1;
    };
    while (this.scanned < search.slots && performance.now() < deadline) {
      const parent = this.parent;
      if (parent && this.scanned < parent.scanned && parent.found < NARROWING * parent.scanned) {
        const to = parent.scanned;
        const next = (from: number): number => {
          const n = parent.bits.next(from);
          return n === -1 || n >= to ? to : n;
        };
        this.scanned = search.check(this.query, this.scanned, to, deadline, mark, next);
      } else if (this.scanned < SAMPLE || this.found > COMMON * this.scanned) {
        this.scanned = search.check(this.query, this.scanned, this.scanned < SAMPLE ? SAMPLE : search.slots, deadline, mark);
      } else {
        this.scanned = search.scan(this.query, this.scanned, deadline, mark);
      }
    }
    return this.scanned >= search.slots;
  }

  holds(search: SearchText, slot: number): boolean {
    if (slot < this.scanned) return this.bits.get(slot);
    if (this.parent && slot < this.parent.scanned && !this.parent.bits.get(slot)) return false;
    return search.holds(slot, this.query);
  }
}

/** A view's rows so far: the base order walked up to `walked`, matching rows kept in order. */
export class Walk {
  private data = new Int32Array(256);
  length = 0;
  walked = 0;

  constructor(
    /** The base it walks (a new base generation means a new walk). */
    readonly generation: number,
  ) {}

  /**
   * Walks on through `base` until `want` rows are found, the base ends or `deadline` passes;
   * true when the whole base is walked (the view is then exact).
   */
  extend(base: Int32Array, baseLength: number, matches: (row: number) => boolean, want: number, deadline: number): boolean {
    let i = this.walked;
    while (i < baseLength && this.length < want) {
      const row = base[i++] as number;
      if (matches(row)) this.push(row);
      if ((i & 1023) === 0 && performance.now() > deadline) break;
    }
    this.walked = i;
    return i >= baseLength;
  }

  rows(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  get footprint(): number {
    return this.data.byteLength;
  }

  private push(row: number): void {
    if (this.length === this.data.length) {
      const data = new Int32Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
    }
    this.data[this.length++] = row;
  }
}

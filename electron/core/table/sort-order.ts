// Sort orders over a million rows without a million strings: every row's lower-cased cell is
// written once into a byte buffer, rows are radix-sorted on the first 8 bytes (four stable 16-bit
// passes), and only runs that tie on those bytes are compared in full. Equal cells keep the
// listing's order, ascending or descending (as the renderer's comparator did). Byte order of the
// UTF-8 is code point order.

const encoder = new TextEncoder();

/** Where a cell's bytes are (filled in by a CellSource, reused from row to row). */
export interface Span {
  buffer: Buffer;
  start: number;
  end: number;
}

/**
 * A row's cell: either its UTF-8 bytes, put in `span` (stored cells; returns null), or a string
 * (computed cells, or too long to be stored in a record).
 */
export type CellSource = (row: number, span: Span) => string | null;

export interface SortKeys {
  bytes: Buffer;
  starts: Uint32Array;
}

/** Lower-cased UTF-8 of each row's cell (keys[i] belongs to rows[i]). */
export function sortKeys(rows: Int32Array, cell: CellSource): SortKeys {
  let bytes = Buffer.allocUnsafe(Math.max(1024, rows.length * 16));
  const starts = new Uint32Array(rows.length + 1);
  let used = 0;
  const room = (n: number): void => {
    if (used + n <= bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(used + n, bytes.length * 2));
    bytes.copy(grown, 0, 0, used);
    bytes = grown;
  };
  const span: Span = { buffer: bytes, start: 0, end: 0 };
  for (let i = 0; i < rows.length; i++) {
    starts[i] = used;
    const c = cell(rows[i] as number, span);
    if (c !== null) {
      const b = encoder.encode(c.toLowerCase());
      room(b.length);
      bytes.set(b, used);
      used += b.length;
      continue;
    }
    const { buffer, start, end } = span;
    room(end - start);
    let ascii = true;
    for (let k = start; k < end; k++) {
      const ch = buffer[k] as number;
      if (ch >= 0x80) {
        ascii = false;
        break;
      }
      bytes[used + k - start] = ch >= 0x41 && ch <= 0x5a ? ch | 0x20 : ch;
    }
    if (ascii) {
      used += end - start;
    } else {
      const b = encoder.encode(buffer.toString('utf8', start, end).toLowerCase());
      room(b.length);
      bytes.set(b, used);
      used += b.length;
    }
  }
  starts[rows.length] = used;
  return { bytes, starts };
}

/** Big-endian 32-bit word of a key at byte `at` (zero past its end). */
function word(keys: SortKeys, i: number, at: number): number {
  const start = (keys.starts[i] as number) + at;
  const end = keys.starts[i + 1] as number;
  let w = 0;
  for (let k = 0; k < 4; k++) w = (w << 8) | (start + k < end ? (keys.bytes[start + k] as number) : 0);
  return w >>> 0;
}

/** Keys a and b compared byte by byte from `depth` (JS: no native call per comparison). */
function compareFrom(keys: SortKeys, a: number, b: number, depth: number): number {
  const { bytes, starts } = keys;
  const aEnd = starts[a + 1] as number;
  const bEnd = starts[b + 1] as number;
  let i = (starts[a] as number) + depth;
  let k = (starts[b] as number) + depth;
  for (; i < aEnd && k < bEnd; i++, k++) {
    const d = (bytes[i] as number) - (bytes[k] as number);
    if (d !== 0) return d;
  }
  return aEnd - i - (bEnd - k);
}

const SMALL_RUN = 2048;

/**
 * Sorts order[from, to) (key numbers) by the keys' bytes from `depth` on, stably: small runs by
 * comparison, large ones by a 4-pass LSD radix sort on the next 8 bytes, then each run that ties
 * on those bytes and is longer goes one level deeper (MSD over 8-byte steps).
 */
function sortRun(keys: SortKeys, order: Int32Array<ArrayBuffer>, from: number, to: number, depth: number): void {
  const n = to - from;
  if (n < 2) return;
  if (n <= SMALL_RUN) {
    const run = Array.from(order.subarray(from, to)).sort((x, y) => compareFrom(keys, x, y, depth) || x - y);
    order.set(run, from);
    return;
  }
  const unsorted = order.slice(from, to);
  // Digits by position in the run; the passes sort positions, mapped back to keys after.
  const hiOf = new Uint32Array(n);
  const loOf = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    hiOf[i] = word(keys, unsorted[i] as number, depth);
    loOf[i] = word(keys, unsorted[i] as number, depth + 4);
  }
  // Sort positions 0..n-1 of the run, then map back to keys.
  let idx: Int32Array<ArrayBuffer> = Int32Array.from({ length: n }, (_, i) => i);
  idx = radixPass(idx, (i) => (loOf[i] as number) & 0xffff);
  idx = radixPass(idx, (i) => (loOf[i] as number) >>> 16);
  idx = radixPass(idx, (i) => (hiOf[i] as number) & 0xffff);
  idx = radixPass(idx, (i) => (hiOf[i] as number) >>> 16);
  const run = new Int32Array(n);
  for (let i = 0; i < n; i++) run[i] = unsorted[idx[i] as number] as number;
  order.set(run, from);
  for (let start = 0; start < n; ) {
    const p = idx[start] as number;
    let end = start + 1;
    while (end < n && hiOf[idx[end] as number] === hiOf[p] && loOf[idx[end] as number] === loOf[p]) end++;
    if (end - start > 1) {
      let deeper = false;
      for (let i = start; i < end && !deeper; i++) deeper = length(keys, run[i] as number) > depth + 8;
      if (deeper) sortRun(keys, order, from + start, from + end, depth + 8);
    }
    start = end;
  }
}

function length(keys: SortKeys, i: number): number {
  return (keys.starts[i + 1] as number) - (keys.starts[i] as number);
}

/** One stable counting pass on a 16-bit digit; returns the permuted index list. */
function radixPass(order: Int32Array<ArrayBuffer>, digit: (i: number) => number): Int32Array<ArrayBuffer> {
  const counts = new Uint32Array(65537);
  for (let i = 0; i < order.length; i++) {
    const d = digit(order[i] as number) + 1;
    counts[d] = (counts[d] as number) + 1;
  }
  for (let d = 1; d <= 65536; d++) counts[d] = (counts[d] as number) + (counts[d - 1] as number);
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const k = order[i] as number;
    const d = digit(k);
    out[counts[d] as number] = k;
    counts[d] = (counts[d] as number) + 1;
  }
  return out;
}

/**
 * The rows ordered by their cells (ascending or descending), equal cells in the given order.
 * `rows` is the listing's order (live rows only).
 */
export function sortRows(rows: Int32Array, cell: CellSource, dir: 'asc' | 'desc'): Int32Array {
  const keys = sortKeys(rows, cell);
  const n = rows.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  sortRun(keys, order, 0, n, 0);
  if (dir === 'desc') {
    order.reverse();
    // Equal cells keep the listing's order descending too: turn their runs back.
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && compareFrom(keys, order[start] as number, order[end] as number, 0) === 0) end++;
      if (end - start > 1) order.subarray(start, end).reverse();
      start = end;
    }
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = rows[order[i] as number] as number;
  return out;
}

/**
 * An order with some rows dropped (removed) and some placed anew (changed since it was sorted):
 * each changed row goes where its cell now sorts, found by binary search, so a few writes do not
 * re-sort a million rows. `drop` says which rows leave the order.
 */
export function patchOrder(order: Int32Array, changed: readonly number[], drop: (row: number) => boolean, cell: CellSource, dir: 'asc' | 'desc'): Int32Array {
  const moving = new Set(changed);
  const kept = order.filter((row) => !moving.has(row) && !drop(row));
  const placing = [...moving].filter((row) => !drop(row));
  if (placing.length === 0) return kept;
  const sign = dir === 'asc' ? 1 : -1;
  const keyOf = (row: number): Buffer => {
    const k = sortKeys(Int32Array.of(row), cell);
    return k.bytes.subarray(0, k.starts[1] as number);
  };
  // Where each changed row goes in `kept`: after every row that sorts before it (ties by row).
  const at = placing.map((row) => {
    const key = keyOf(row);
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = kept[mid] as number;
      const c = sign * Buffer.compare(keyOf(other), key) || other - row;
      if (c < 0) low = mid + 1;
      else high = mid;
    }
    return { row, at: low };
  });
  at.sort((x, y) => x.at - y.at || x.row - y.row);
  const out = new Int32Array(kept.length + at.length);
  let from = 0;
  let to = 0;
  for (const { row, at: pos } of at) {
    out.set(kept.subarray(from, pos), to);
    to += pos - from;
    from = pos;
    out[to++] = row;
  }
  out.set(kept.subarray(from), to);
  return out;
}

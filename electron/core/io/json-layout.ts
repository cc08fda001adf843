// One pass over a JSON body's bytes, before it is decoded and parsed, that answers two questions:
// does it nest deeper than any SCIM document (the guard of json-depth.ts), and where does each
// object of a top-level array member (a ListResponse's Resources) start and end. The second lets
// a listing write a verified resource to stdout as the bytes the server sent, instead of
// re-serialising the parsed object and encoding it to UTF-8 again (about a quarter of the CLI's
// CPU per page). The structural characters are ASCII, which never occurs inside a UTF-8
// multi-byte sequence, so bytes and decoded text have the same structure.

import { MAX_JSON_DEPTH } from './json-depth';

/** A top-level member whose value is an array: its key and the [start, end) of each object in it. */
export interface ArrayMember {
  key: string;
  /** Byte offsets, two per object element: start (its "{"), end (after its "}"). */
  objects: number[];
  /** Elements that are not objects (strings, numbers, arrays…). */
  others: number;
  /** A raw line break (CR or LF) between the array's brackets, outside strings. */
  breaks: boolean;
}

export interface JsonLayout {
  /** The body is an object (its first non-blank byte is "{"). */
  object: boolean;
  /** Array-valued members of the top-level object, in order (a repeated key appears twice). */
  arrays: ArrayMember[];
  /** A top-level key holds an escape: its name is only known after parsing. */
  escapedKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const LF = 0x0a;
const CR = 0x0d;

function isBlank(b: number | undefined): boolean {
  return b === 0x20 || b === 0x09 || b === LF || b === CR;
}

/**
 * The layout of `bytes`, or null when it nests more than `max` arrays/objects inside each other.
 * Malformed JSON gets a layout all the same (JSON.parse is what rejects it; nothing here trusts
 * the layout without checking it against the parsed value).
 */
export function scanJsonLayout(bytes: Uint8Array, max: number = MAX_JSON_DEPTH): JsonLayout | null {
  const n = bytes.length;
  let depth = 0;
  let first = 0;
  while (first < n && isBlank(bytes[first])) first += 1;
  const layout: JsonLayout = { object: bytes[first] === OPEN_OBJECT, arrays: [], escapedKey: false };
  // The last string that ended at depth 1 (a key, when a value follows it) and whether it had an escape.
  let keyStart = -1;
  let keyEnd = -1;
  let keyEscaped = false;
  let member: ArrayMember | null = null;
  let elementStart = -1;
  for (let i = first; i < n; i += 1) {
    const c = bytes[i] as number;
    if (c === QUOTE) {
      const start = i;
      let escaped = false;
      // The string ends at the next quote not escaped by an odd run of backslashes.
      for (;;) {
        i = bytes.indexOf(QUOTE, i + 1);
        if (i === -1) {
          i = n;
          break;
        }
        let k = i - 1;
        while (bytes[k] === BACKSLASH) k -= 1;
        if (k < i - 1) escaped = true;
        if ((i - 1 - k) % 2 === 0) break;
      }
      if (!escaped && depth === 1) escaped = bytes.subarray(start, i).includes(BACKSLASH);
      if (depth === 1 && layout.object) {
        keyStart = start + 1;
        keyEnd = i;
        keyEscaped = escaped;
        if (escaped) layout.escapedKey = true;
      } else if (depth === 2 && member !== null) {
        member.others += 1;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth += 1;
      if (depth > max) return null;
      if (depth === 2 && c === OPEN_ARRAY && layout.object && keyEnd !== -1) {
        member = { key: keyEscaped ? '' : Buffer.from(bytes.buffer, bytes.byteOffset + keyStart, keyEnd - keyStart).toString('latin1'), objects: [], others: 0, breaks: false };
        layout.arrays.push(member);
      } else if (depth === 3 && member !== null) {
        if (c === OPEN_OBJECT) elementStart = i;
        else member.others += 1;
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 3 && member !== null && elementStart !== -1 && c === CLOSE_OBJECT) {
        member.objects.push(elementStart, i + 1);
        elementStart = -1;
      } else if (depth === 2) {
        member = null;
      }
      depth -= 1;
    } else if (member !== null && (c === LF || c === CR)) {
      member.breaks = true;
    } else if (depth === 2 && member !== null && !isBlank(c) && c !== 0x2c) {
      // A number, true, false or null element: counted once, at its first byte.
      const prev = bytes[i - 1];
      if (prev === 0x2c || prev === OPEN_ARRAY || isBlank(prev)) member.others += 1;
    }
  }
  return layout;
}

/**
 * The objects of the top-level member named `name` (matched case-insensitively, as SCIM keys are),
 * when exactly one member spells it, no top-level key is escaped, and every element is an object
 * written on one line: otherwise null (which member JSON.parse kept is then not certain).
 */
export function arrayObjects(layout: JsonLayout, name: string): number[] | null {
  if (!layout.object || layout.escapedKey) return null;
  const lower = name.toLowerCase();
  let found: ArrayMember | null = null;
  for (const m of layout.arrays) {
    if (m.key.toLowerCase() !== lower) continue;
    if (found !== null) return null;
    found = m;
  }
  if (found === null || found.others > 0 || found.breaks) return null;
  return found.objects;
}

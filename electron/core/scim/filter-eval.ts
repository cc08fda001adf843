// Local evaluation of a parsed SCIM filter against one resource. scim2-parse-filter's tester
// compares strings case-sensitively and has no notion of caseExact, which would flag honest
// servers as "ignoring the filter" (userName eq "Jane@x" vs "jane@x"), so we evaluate here.

import type { Filter } from './filter-parse';

/** Attributes whose string values compare case-sensitively (RFC 7643 caseExact: true). */
const CASE_EXACT = new Set(['id', 'externalid', 'meta.version', 'meta.location', 'password']);

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function splitPath(path: string): string[] {
  // A URN prefix ends at the last colon; the rest is name(.sub).
  const colon = path.lastIndexOf(':');
  if (colon === -1) return path.split('.');
  return [path.slice(0, colon), ...path.slice(colon + 1).split('.')];
}

function getKey(record: Record<string, unknown>, name: string): unknown {
  if (name in record) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

/** Every leaf value reached by the path; multi-valued attributes fan out. */
function collect(root: unknown, segments: string[], out: unknown[]): void {
  if (Array.isArray(root)) {
    for (const item of root) collect(item, segments, out);
    return;
  }
  const [head, ...rest] = segments;
  if (head === undefined) {
    out.push(root);
    return;
  }
  if (!isRecord(root)) return;
  collect(getKey(root, head), rest, out);
}

export function valuesAt(root: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  const segments = splitPath(path);
  collect(root, segments, out);
  if (out.length === 0 && segments.length > 1 && isRecord(root)) {
    // Core attributes may also be addressed with their schema URN (urn:...:User:userName).
    const first = segments[0] ?? '';
    if (first.startsWith('urn:') && /:(User|Group)$/i.test(first)) collect(root, segments.slice(1), out);
  }
  return out;
}

function comparable(value: unknown): unknown {
  // Multi-valued complex attributes compared without a sub-attribute compare their "value".
  if (isRecord(value) && 'value' in value) return value.value;
  return value;
}

function compareStrings(a: string, b: string, caseExact: boolean): [string, string] {
  return caseExact ? [a, b] : [a.toLowerCase(), b.toLowerCase()];
}

function test(op: string, raw: unknown, expected: string | number | boolean | null, caseExact: boolean): boolean {
  const actual = comparable(raw);
  if (expected === null) return op === 'eq' ? actual === null || actual === undefined : false;
  if (typeof expected === 'boolean') {
    // Unnormalised servers send "True"/"False"; treat them as the booleans they mean.
    const b = typeof actual === 'string' ? { true: true, false: false }[actual.toLowerCase()] : actual;
    return op === 'eq' ? b === expected : false;
  }
  if (typeof expected === 'number') {
    const n = typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : actual;
    if (typeof n !== 'number' || Number.isNaN(n)) return false;
    switch (op) {
      case 'eq': return n === expected;
      case 'gt': return n > expected;
      case 'ge': return n >= expected;
      case 'lt': return n < expected;
      case 'le': return n <= expected;
      default: return String(n).includes(String(expected)) && op === 'co';
    }
  }
  if (typeof actual !== 'string' && typeof actual !== 'number' && typeof actual !== 'boolean') return false;
  const [a, e] = compareStrings(String(actual), expected, caseExact);
  switch (op) {
    case 'eq': return a === e;
    case 'co': return a.includes(e);
    case 'sw': return a.startsWith(e);
    case 'ew': return a.endsWith(e);
    default: {
      // Ordering: dateTimes by instant, everything else as strings.
      let order: number;
      if (DATE_LIKE.test(a) && DATE_LIKE.test(e) && !Number.isNaN(Date.parse(a)) && !Number.isNaN(Date.parse(e))) {
        order = Date.parse(a) - Date.parse(e);
      } else {
        order = a < e ? -1 : a > e ? 1 : 0;
      }
      if (op === 'gt') return order > 0;
      if (op === 'ge') return order >= 0;
      if (op === 'lt') return order < 0;
      if (op === 'le') return order <= 0;
      return false;
    }
  }
}

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.some(isPresent);
  if (isRecord(value)) return Object.values(value).some(isPresent);
  return true;
}

function isCaseExact(fullPath: string): boolean {
  const lower = fullPath.toLowerCase();
  const bare = lower.includes(':') ? lower.slice(lower.lastIndexOf(':') + 1) : lower;
  return CASE_EXACT.has(bare) || bare.endsWith('$ref');
}

/** Evaluates `filter` against `resource`; `prefix` is the enclosing value path ("emails"). */
export function evaluateFilter(resource: unknown, filter: Filter, prefix = ''): boolean {
  switch (filter.op) {
    case 'and':
      return filter.filters.every((f) => evaluateFilter(resource, f, prefix));
    case 'or':
      return filter.filters.some((f) => evaluateFilter(resource, f, prefix));
    case 'not':
      return !evaluateFilter(resource, filter.filter, prefix);
    case '[]': {
      const elements = valuesAt(resource, filter.attrPath).filter(isRecord);
      return elements.some((el) => evaluateFilter(el, filter.valFilter, filter.attrPath));
    }
    case 'pr':
      return valuesAt(resource, filter.attrPath).some(isPresent);
    default: {
      const fullPath = prefix ? `${prefix}.${filter.attrPath}` : filter.attrPath;
      const caseExact = isCaseExact(fullPath);
      const values = valuesAt(resource, filter.attrPath);
      // "ne" is the negation of "eq" over all values, so a missing attribute is "not equal".
      if (filter.op === 'ne') return !values.some((v) => test('eq', v, filter.compValue, caseExact));
      return values.some((v) => test(filter.op, v, filter.compValue, caseExact));
    }
  }
}

/** Attribute paths a filter reads (top-level names), so a listing can make sure they are returned. */
export function filterAttributes(filter: Filter): string[] {
  switch (filter.op) {
    case 'and':
    case 'or':
      return [...new Set(filter.filters.flatMap(filterAttributes))];
    case 'not':
      return filterAttributes(filter.filter);
    default:
      return [filter.attrPath];
  }
}

// Small helpers over JSON values shared by the diff, the builder and the preview. SCIM compares
// attribute values structurally, and RFC 7643 §2.5 says an attribute that is null, an empty array
// (or, by extension, a complex value with nothing assigned) is "unassigned" — the same as absent.

export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** True for absent, null, [], and objects whose every member is itself unassigned. */
export function isUnassigned(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.values(value).every(isUnassigned);
  return false;
}

/**
 * Structural equality of JSON values where unassigned members count as absent and object key
 * order does not matter. Array order matters here; order-insensitive multi-valued comparison is
 * the diff's job (it knows when items are keyed by `value`).
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (isUnassigned(a) && isUnassigned(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!jsonEqual(a[key], b[key])) return false;
    return true;
  }
  return Object.is(a, b);
}

/** A deep copy through JSON, which is also what a request body goes through on the wire. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Drops unassigned members (recursively in complex values) so bodies carry no empty noise. */
export function pruneUnassigned(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneUnassigned);
  if (!isPlainObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, member] of Object.entries(value)) {
    if (!isUnassigned(member)) out[key] = pruneUnassigned(member);
  }
  return out;
}

/** Items of a multi-valued attribute keyed by their `value`, or null when that is not possible. */
export function keyedByValue(items: unknown): Map<string, JsonObject> | null {
  if (!Array.isArray(items)) return items === undefined || items === null ? new Map() : null;
  const map = new Map<string, JsonObject>();
  for (const item of items) {
    if (!isPlainObject(item) || typeof item.value !== 'string' || map.has(item.value)) return null;
    map.set(item.value, item);
  }
  return map;
}

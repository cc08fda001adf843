// Field-level differences between two versions of a resource, as PatchOp-style paths. Used for the
// preview's highlighted fields, the snapshot diff, and post-write verification ("the server ignored
// or altered an operation"). Multi-valued attributes whose items carry unique `value`s (members,
// emails) compare as sets keyed by value — SCIM gives their order no meaning.

import { isPlainObject, isUnassigned, jsonEqual, keyedByValue } from './json';
import { valueFilterPath } from './paths';
import type { FieldChange } from '../../../shared/audit';

// One definition for the previews, the snapshot diff and the renderer: the shared contract's.
export type { FieldChange } from '../../../shared/audit';

export interface DiffOptions {
  /** Top-level attributes to leave out (case-insensitive), e.g. SERVER_MANAGED_ATTRIBUTES. */
  ignore?: readonly string[];
}

/** What a server sets on its own; leave these out when checking a write against its preview. */
export const SERVER_MANAGED_ATTRIBUTES: readonly string[] = ['meta', 'schemas'];

export function diffResources(a: Record<string, unknown>, b: Record<string, unknown>, options: DiffOptions = {}): FieldChange[] {
  const ignored = new Set((options.ignore ?? []).map((name) => name.toLowerCase()));
  const changes: FieldChange[] = [];
  for (const key of orderedKeys(a, b)) {
    if (ignored.has(key.toLowerCase())) continue;
    // Extension schemas nest attributes that may be complex themselves (manager.value): two levels.
    const isExtension = /^urn:/i.test(key);
    diffValue(key, a[key], b[key], isExtension ? ':' : '.', isExtension ? 2 : 1, changes);
  }
  return changes;
}

function diffValue(path: string, a: unknown, b: unknown, separator: string, depthLeft: number, out: FieldChange[]): void {
  if (jsonEqual(a, b)) return;
  if (isArrayish(a) && isArrayish(b) && (Array.isArray(a) || Array.isArray(b))) {
    const before = keyedByValue(a);
    const after = keyedByValue(b);
    if (before && after) {
      for (const value of orderedKeys(Object.fromEntries(before), Object.fromEntries(after))) {
        const itemBefore = before.get(value);
        const itemAfter = after.get(value);
        if (!jsonEqual(itemBefore, itemAfter)) out.push({ path: valueFilterPath(path, value), before: itemBefore, after: itemAfter });
      }
      return;
    }
  }
  if (depthLeft > 0 && isObjectish(a) && isObjectish(b)) {
    const objA = isPlainObject(a) ? a : {};
    const objB = isPlainObject(b) ? b : {};
    for (const key of orderedKeys(objA, objB)) diffValue(`${path}${separator}${key}`, objA[key], objB[key], '.', depthLeft - 1, out);
    return;
  }
  out.push({ path, before: isUnassigned(a) ? undefined : a, after: isUnassigned(b) ? undefined : b });
}

function isArrayish(value: unknown): boolean {
  return Array.isArray(value) || value === undefined || value === null;
}

function isObjectish(value: unknown): boolean {
  return isPlainObject(value) || value === undefined || value === null;
}

/** Keys of a in their order, then keys only b has, so changes read in the resource's own order. */
function orderedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = Object.keys(a);
  const seen = new Set(keys);
  for (const key of Object.keys(b)) if (!seen.has(key)) keys.push(key);
  return keys;
}

// The PatchOp builder: the minimal operations that turn `before` into the edited resource, written
// in the form the target service accepts (its dialect). Strategy, per kind of attribute:
//   simple            → replace PATH value | remove PATH
//   complex (name)    → replace name {…} when it was unassigned, remove name when it becomes so,
//                       otherwise replace/remove name.sub per changed sub-attribute (RFC merge)
//   extension URN     → the same, per attribute, with URN-qualified paths (URN:department,
//                       URN:manager.value); a whole extension is never a path (few servers take it)
//   multi-valued      → replace the whole array (emails, phoneNumbers …): exact and order-keeping,
//                       where value-filter paths are ambiguous when types repeat or are missing
//   group members     → add members [{value}…] and per-dialect removal; display/$ref are computed
//                       by the service, so only value (and type) are sent. An id the filter parser
//                       cannot read back (a backslash) is removed by value even in the filter dialect
// Order of items in multi-valued attributes keyed by `value` is not a change (see diff.ts).

import { InspectorError } from '../../../shared/errors';
import { SCHEMAS, type PatchOperation, type PatchRequest, type ScimResource } from '../../../shared/scim';
import { RFC_DIALECT, type PatchDialect } from './dialect';
import { isPlainObject, isUnassigned, jsonEqual, keyedByValue, pruneUnassigned, type JsonObject } from './json';
import { valueFilterPath, valueFilterRoundTrips } from './paths';

export type PatchWarningCode = 'ignored-by-service' | 'read-only';

export interface PatchWarning {
  code: PatchWarningCode;
  path: string;
  message: string;
}

export interface BuiltPatch {
  /** The body to send; Operations is empty when nothing changed (do not send it then). */
  request: PatchRequest;
  warnings: PatchWarning[];
  /** True when this service will ignore some operations and only a PUT can make the edit. */
  needsReplace: boolean;
}

/** Attributes the client never writes: identity and server bookkeeping (RFC 7643 §3.1). */
const NEVER_WRITTEN = new Set(['id', 'meta', 'schemas']);

export function buildPatch(before: ScimResource, edited: ScimResource, dialect: PatchDialect = RFC_DIALECT): BuiltPatch {
  const after = spelledLike(before, edited) as ScimResource;
  if (before.id !== after.id) {
    throw new InspectorError('invalid-input', `The edited resource has id "${after.id}" but the loaded one is "${before.id}"; ids cannot be changed, so edit the resource you loaded.`, { before: before.id, after: after.id });
  }
  const isUser = isKind(before, SCHEMAS.user, 'User') || isKind(after, SCHEMAS.user, 'User');
  const isGroup = isKind(before, SCHEMAS.group, 'Group') || isKind(after, SCHEMAS.group, 'Group');
  const operations: PatchOperation[] = [];
  const warnings: PatchWarning[] = [];

  for (const key of unionKeys(before, after)) {
    if (NEVER_WRITTEN.has(key)) continue;
    const a = before[key];
    const b = after[key];
    if (isUser && key === 'groups') {
      if (!sameMultiValued(a, b)) warnings.push({ code: 'read-only', path: key, message: 'A user\'s groups are read-only (RFC 7643 §4.1.2); change membership on the group instead. This change is not sent.' });
      continue;
    }
    if (isGroup && key === 'members') {
      operations.push(...memberOperations(a, b, dialect));
    } else if (key === 'active' && dialect.noPathActiveReplace && !isUnassigned(b)) {
      if (!jsonEqual(a, b)) operations.push({ op: 'replace', value: { active: b } });
    } else if (/^urn:/i.test(key) && isObjectish(a) && isObjectish(b)) {
      const extA = isPlainObject(a) ? a : {};
      const extB = isPlainObject(b) ? b : {};
      for (const sub of unionKeys(extA, extB)) operations.push(...attributeOperations(`${key}:${sub}`, extA[sub], extB[sub]));
    } else {
      operations.push(...attributeOperations(key, a, b));
    }
  }

  const ignored = isUser ? ignoredByService(operations, dialect) : [];
  warnings.push(...ignored);
  return { request: { schemas: [SCHEMAS.patchOp], Operations: operations }, warnings, needsReplace: ignored.length > 0 };
}

/** For a user: the operations a service that honours PATCH only for `active` will ignore. */
export function ignoredByService(operations: readonly PatchOperation[], dialect: PatchDialect): PatchWarning[] {
  if (!dialect.activeOnlyUsers) return [];
  const warnings: PatchWarning[] = [];
  for (const operation of operations) {
    const isActive = operation.path === undefined ? isActiveOnlyValue(operation.value) : operation.path.toLowerCase() === 'active';
    if (isActive) continue;
    const path = operation.path ?? '(no path)';
    warnings.push({ code: 'ignored-by-service', path, message: `${path}: will be ignored by this service (${dialect.name} PATCH changes only "active"); use PUT (full replace) to change it.` });
  }
  return warnings;
}

/** Operations for one attribute (top-level or inside an extension), given its full path. */
function attributeOperations(path: string, a: unknown, b: unknown): PatchOperation[] {
  if (jsonEqual(a, b)) return [];
  if (isUnassigned(b)) return [{ op: 'remove', path }];
  if (Array.isArray(a) || Array.isArray(b)) {
    return sameMultiValued(a, b) ? [] : [{ op: 'replace', path, value: pruneUnassigned(b) }];
  }
  if (isPlainObject(b) && isObjectish(a) && !isUnassigned(a)) {
    const objA = a as JsonObject;
    const ops: PatchOperation[] = [];
    for (const sub of unionKeys(objA, b)) {
      if (jsonEqual(objA[sub], b[sub])) continue;
      ops.push(isUnassigned(b[sub]) ? { op: 'remove', path: `${path}.${sub}` } : { op: 'replace', path: `${path}.${sub}`, value: pruneUnassigned(b[sub]) });
    }
    return ops;
  }
  return [{ op: 'replace', path, value: pruneUnassigned(b) }];
}

function memberOperations(a: unknown, b: unknown, dialect: PatchDialect): PatchOperation[] {
  const before = keyedByValue(a);
  const after = keyedByValue(b);
  // Members without unique values cannot be addressed one by one: replace the list as a whole.
  if (!before || !after) return attributeOperations('members', a, b);
  const removed = [...before.keys()].filter((value) => !after.has(value));
  const added = [...after.values()].filter((item) => typeof item.value === 'string' && !before.has(item.value));
  // Value-array removals list each member exactly as the server returned it: services that match
  // by value (Entra's own form is [{value}]) remove it, and so do those that compare whole items
  // (scim-patch-based servers, where a bare {value} never equals {value, display, type}).
  const asLoaded = (value: string) => pruneUnassigned(before.get(value));
  const ops: PatchOperation[] = [];
  if (removed.length > 0 && after.size === 0) {
    ops.push({ op: 'remove', path: 'members' });
  } else if (removed.length > 0 && dialect.memberRemoval === 'value-array') {
    ops.push({ op: 'remove', path: 'members', value: removed.map(asLoaded) });
  } else {
    const unquotable = removed.filter((value) => !valueFilterRoundTrips(value));
    for (const value of removed) if (!unquotable.includes(value)) ops.push({ op: 'remove', path: valueFilterPath('members', value) });
    if (unquotable.length > 0) ops.push({ op: 'remove', path: 'members', value: unquotable.map(asLoaded) });
  }
  if (added.length > 0) ops.push({ op: 'add', path: 'members', value: added.map(memberValue) });
  return ops;
}

function memberValue(item: JsonObject): JsonObject {
  return typeof item.type === 'string' ? { value: item.value, type: item.type } : { value: item.value };
}

/** Multi-valued equality where items keyed by unique `value` compare as a set. */
function sameMultiValued(a: unknown, b: unknown): boolean {
  if (jsonEqual(a, b)) return true;
  const keyedA = keyedByValue(a);
  const keyedB = keyedByValue(b);
  if (!keyedA || !keyedB || keyedA.size !== keyedB.size) return false;
  for (const [value, item] of keyedA) if (!jsonEqual(item, keyedB.get(value))) return false;
  return true;
}

/**
 * Attribute names are case-insensitive (RFC 7643 §2.1): an edit that writes `displayname` for the
 * loaded `displayName` changes that attribute, it does not add another. Spell the edited names as
 * the loaded resource does, at the top level and one level down.
 */
function spelledLike(model: JsonObject, value: JsonObject, depth = 0): JsonObject {
  const spelling = new Map(Object.keys(model).map((key) => [key.toLowerCase(), key]));
  const out: JsonObject = {};
  for (const [key, member] of Object.entries(value)) {
    const name = spelling.get(key.toLowerCase()) ?? key;
    const modelMember = model[name];
    out[name] = depth < 1 && isPlainObject(member) && isPlainObject(modelMember) ? spelledLike(modelMember, member, depth + 1) : member;
  }
  return out;
}

function isActiveOnlyValue(value: unknown): boolean {
  return isPlainObject(value) && Object.keys(value).every((key) => key.toLowerCase() === 'active');
}

function isKind(resource: ScimResource, schema: string, resourceType: string): boolean {
  return (Array.isArray(resource.schemas) && resource.schemas.includes(schema)) || resource.meta?.resourceType === resourceType;
}

function isObjectish(value: unknown): boolean {
  return isPlainObject(value) || value === undefined || value === null;
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = Object.keys(a);
  const seen = new Set(keys);
  for (const key of Object.keys(b)) if (!seen.has(key)) keys.push(key);
  return keys;
}

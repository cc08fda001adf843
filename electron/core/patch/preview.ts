// The preview: the resource as it will be after the PatchOp, computed with the maintained
// implementation scim-patch on a deep copy, plus the fields that differ. Two narrow exceptions are
// applied here instead, because scim-patch's semantics differ from how services match members:
// removing items by value (`members[value eq "id"]` and Entra's `{remove, members, [{value}]}`) —
// scim-patch compares whole items (a member with `display` never equals `{value}`) and splits a
// path at its last ":" even inside a filter, so an id containing ":" would break it.

import { ScimError, scimPatch, type ScimPatchOperation, type ScimResource as PatchLibResource } from 'scim-patch';
import { InspectorError } from '../../../shared/errors';
import { SCHEMAS, type PatchOperation, type PatchRequest, type ScimResource } from '../../../shared/scim';
import { diffResources, type FieldChange } from './diff';
import { cloneJson, isPlainObject, type JsonObject } from './json';
import { formatPath, parsePath, valueEqualityTarget, type ParsedPath } from './paths';
import { validateOperations } from './validate';

export interface PatchPreview {
  after: ScimResource;
  changes: FieldChange[];
  /** Attribute paths that differ between before and after. */
  changed: string[];
}

export function previewPatch(before: ScimResource, patch: PatchRequest): PatchPreview {
  const request = validateOperations(patch);
  const doc = cloneJson(before) as JsonObject;
  request.Operations.forEach((operation, index) => applyOne(doc, operation, index));
  const after = doc as ScimResource;
  const changes = diffResources(before, after);
  return { after, changes, changed: changes.map((change) => change.path) };
}

function applyOne(doc: JsonObject, operation: PatchOperation, index: number): void {
  const parsed = operation.path === undefined ? undefined : parsePath(operation.path);
  if (typeof parsed === 'string') throw new InspectorError('invalid-input', `Operation ${index}: path "${operation.path}": ${parsed}.`, { index });
  const canonical = parsed ? canonicalise(doc, parsed) : undefined;
  if (operation.op === 'remove' && canonical && removeByValue(doc, canonical, operation)) return;
  const forLibrary: PatchOperation = canonical ? { ...operation, path: formatPath(canonical) } : operation;
  try {
    scimPatch(doc as unknown as PatchLibResource, [forLibrary as ScimPatchOperation], { mutateDocument: true, treatMissingAsAdd: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const scimType = error instanceof ScimError ? error.scimCode : undefined;
    throw new InspectorError(
      'invalid-input',
      `Operation ${index} (${operation.op}${operation.path ? ` ${operation.path}` : ''}) cannot be applied to this resource: ${reason}. A server would reject it too; change the path or value.`,
      scimType ? { index, scimType } : { index },
    );
  }
}

/** Removes items by `value` for the two member-removal dialects; false when the op is another kind. */
function removeByValue(doc: JsonObject, path: ParsedPath, operation: PatchOperation): boolean {
  let values: string[] | null = null;
  const target = valueEqualityTarget(path);
  if (target !== null && operation.value === undefined) values = [target];
  else if (path.filter === undefined && path.subAttribute === undefined && operation.value !== undefined) {
    const items = Array.isArray(operation.value) ? operation.value : [operation.value];
    if (items.every((item) => isPlainObject(item) && typeof item.value === 'string')) values = items.map((item) => (item as JsonObject).value as string);
  }
  if (values === null) return false;
  const container = path.schema === undefined ? doc : doc[path.schema];
  if (!isPlainObject(container)) return true;
  const list = container[path.attribute];
  if (!Array.isArray(list)) return true;
  const drop = new Set(values);
  const kept = list.filter((item) => !(isPlainObject(item) && typeof item.value === 'string' && drop.has(item.value)));
  if (kept.length > 0) container[path.attribute] = kept;
  else delete container[path.attribute];
  return true;
}

/**
 * SCIM attribute names are case-insensitive (RFC 7643 §2.1) but scim-patch matches keys exactly:
 * spell each name as the resource already does, and drop a core schema prefix.
 */
function canonicalise(doc: JsonObject, path: ParsedPath): ParsedPath {
  const out: ParsedPath = { ...path };
  let container: JsonObject = doc;
  if (path.schema !== undefined) {
    const lower = path.schema.toLowerCase();
    if (lower === SCHEMAS.user.toLowerCase() || lower === SCHEMAS.group.toLowerCase()) {
      delete out.schema;
    } else {
      out.schema = keyLike(doc, path.schema);
      const extension = doc[out.schema];
      container = isPlainObject(extension) ? extension : {};
    }
  }
  out.attribute = keyLike(container, path.attribute);
  const value = container[out.attribute];
  if (path.subAttribute !== undefined && isPlainObject(value)) out.subAttribute = keyLike(value, path.subAttribute);
  if (path.filterSubAttribute !== undefined && Array.isArray(value)) {
    const sample = value.find(isPlainObject);
    if (sample) out.filterSubAttribute = keyLike(sample, path.filterSubAttribute);
  }
  return out;
}

function keyLike(object: JsonObject, name: string): string {
  if (name in object) return name;
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower) ?? name;
}

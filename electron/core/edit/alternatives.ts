// When a server answers a PATCH with 501 Not Implemented (or 405), the same change may still be
// made in a form it does implement: member removal as a value array instead of `members[value eq
// "x"]` paths, or a PUT built from the resource as the server holds it now — but a PUT only when it
// would not drop data (a group that came without its members would lose them). Never a PUT after a
// PUT: that form was just refused.

import { InspectorError } from '../../../shared/errors';
import type { EditPreview } from '../../../shared/edit';
import { SCHEMAS, type PatchOperation, type ScimResource } from '../../../shared/scim';
import { dialectForVendor, parsePath } from '../patch';
import { valueEqualityTarget, type ParsedPath } from '../patch/paths';
import type { ScimClient } from '../scim/types';
import { planPreview, replacePreview, targetOf } from './preview';

export interface EditAlternative {
  /** For people: "remove members by value array", "PUT (full replace)". */
  label: string;
  preview: EditPreview;
}

/** The group's own members: `members`, bare or under the core Group schema. An extension's
 *  attribute of the same name is another list, and so is any other attribute. */
function namesGroupMembers(parsed: ParsedPath): boolean {
  return parsed.attribute.toLowerCase() === 'members' && (parsed.schema === undefined || parsed.schema.toLowerCase() === SCHEMAS.group.toLowerCase());
}

/** `members[value eq "x"]` → "x"; null for any other path. */
function memberFilterValue(path: unknown): string | null {
  if (typeof path !== 'string') return null;
  const parsed = parsePath(path);
  if (typeof parsed === 'string' || !namesGroupMembers(parsed)) return null;
  return valueEqualityTarget(parsed);
}

function removesMembersByFilter(preview: EditPreview): boolean {
  const ops = (preview.request.body as { Operations?: PatchOperation[] }).Operations ?? [];
  return preview.kind === 'Groups' && ops.some((op) => op.op === 'remove' && memberFilterValue(op.path) !== null);
}

/** The same hand-written operations with each filter-path member removal as one value-array removal. */
function asValueArray(operations: PatchOperation[], before: ScimResource): PatchOperation[] {
  const loaded = Array.isArray(before.members) ? (before.members as Record<string, unknown>[]) : [];
  const removed: Record<string, unknown>[] = [];
  const rest: PatchOperation[] = [];
  for (const op of operations) {
    const value = op.op === 'remove' ? memberFilterValue(op.path) : null;
    if (value === null) rest.push(op);
    // Each member listed as the server returned it: servers comparing whole items remove it too.
    else removed.push(loaded.find((m) => m.value === value) ?? { value });
  }
  return [{ op: 'remove', path: 'members', value: removed }, ...rest];
}

function valueArrayAlternative(preview: EditPreview, baseUrl: string): EditAlternative | null {
  if (preview.method !== 'PATCH' || !removesMembersByFilter(preview)) return null;
  const target = targetOf(preview, baseUrl);
  const next = preview.intent.operations
    ? planPreview(target, preview.before, { operations: asValueArray(preview.intent.operations, preview.before) })
    : planPreview({ ...target, dialect: { ...dialectForVendor(target.vendor), memberRemoval: 'value-array' } }, preview.before, { edited: preview.intent.edited });
  return next.empty ? null : { label: 'remove members by value array ({"op":"remove","path":"members","value":[{"value":…}]})', preview: next };
}

/** Why a PUT of `fresh` would lose data, or null when it would not. */
export function putWouldDropData(preview: EditPreview, fresh: ScimResource): string | null {
  if (preview.kind === 'Groups' && !Array.isArray(fresh.members)) {
    return 'the group came without its members, so a PUT built from it would clear them';
  }
  return null;
}

/**
 * The forms this change may take on a server that refused `preview` as not implemented, each as a
 * preview to confirm; `notes` say why a form is not offered.
 */
export async function alternativesFor(client: ScimClient, preview: EditPreview, signal?: AbortSignal): Promise<{ alternatives: EditAlternative[]; notes: string[] }> {
  const alternatives: EditAlternative[] = [];
  const notes: string[] = [];
  const valueArray = valueArrayAlternative(preview, client.baseUrl);
  if (valueArray) alternatives.push(valueArray);
  if (preview.method === 'PUT') return { alternatives, notes };
  let fresh: ScimResource;
  try {
    fresh = await client.get(preview.kind, preview.id, { signal });
  } catch (error) {
    if (error instanceof InspectorError && error.code === 'cancelled') throw error;
    notes.push('No PUT is offered: the resource could not be read again to build one.');
    return { alternatives, notes };
  }
  const drop = putWouldDropData(preview, fresh);
  if (drop) notes.push(`No PUT is offered: ${drop}.`);
  else {
    const put = replacePreview(targetOf(preview, client.baseUrl), fresh, preview.intent, preview.before);
    if (!put.empty) alternatives.push({ label: 'PUT (full replace, built from the resource as the server holds it now)', preview: put });
  }
  return { alternatives, notes };
}

// The 412 flow: the resource changed on the server since the admin loaded it. Reload it, show what
// changed meanwhile, and carry the admin's edit over onto the fresh resource so the patch can be
// rebuilt and confirmed again. Where both touched the same field, the admin's value wins in the
// rebased edit and the field is listed as a conflict for the preview to point at.

import type { ScimResource } from '../../../shared/scim';
import { buildPatch } from './build';
import { diffResources, SERVER_MANAGED_ATTRIBUTES, type FieldChange } from './diff';
import { jsonEqual } from './json';
import { previewPatch } from './preview';

export interface RebasedEdit {
  /** The admin's edit applied to the fresh resource: pass it to planEdit(fresh, edited, …). */
  edited: ScimResource;
  /** What others changed between the load and now. */
  changedMeanwhile: FieldChange[];
  /** Paths both the admin and someone else changed, to different values. */
  conflicts: string[];
}

export function rebaseEdit(before: ScimResource, edited: ScimResource, fresh: ScimResource): RebasedEdit {
  const ignore = { ignore: SERVER_MANAGED_ATTRIBUTES };
  const changedMeanwhile = diffResources(before, fresh, ignore);
  const mine = diffResources(before, edited, ignore);
  const { request } = buildPatch(before, edited);
  const rebased = request.Operations.length > 0 ? previewPatch(fresh, request).after : structuredClone(fresh);
  const theirs = new Map(changedMeanwhile.map((change) => [change.path, change]));
  const conflicts = mine.filter((change) => {
    const other = theirs.get(change.path);
    return other !== undefined && !jsonEqual(other.after, change.after);
  });
  return { edited: rebased, changedMeanwhile, conflicts: conflicts.map((change) => change.path) };
}

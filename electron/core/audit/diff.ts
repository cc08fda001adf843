// Snapshot diff: added, removed and changed users and groups, with field-level changes (membership
// included) — "what changed since last week" and "did the cutover move everyone". Field changes
// come from the same diff the PatchOp preview uses, so both speak the same paths. Two snapshot
// files are diffed without loading them by diff-stream.ts, which makes the same entries.

import type { Snapshot, SnapshotDiff } from '../../../shared/audit';
import type { ScimResource } from '../../../shared/scim';
import { diffResources } from '../patch';

/** lastModified and version change on every write; they are not what an admin asks about. */
export const DIFF_IGNORED = ['meta', 'schemas'];

export function nameOf(resource: ScimResource): string {
  const name = resource.userName ?? resource.displayName;
  return typeof name === 'string' ? name : resource.id;
}

function diffKind(resourceType: 'User' | 'Group', before: ScimResource[], after: ScimResource[], out: SnapshotDiff): void {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  for (const [id, resource] of now) {
    const previous = old.get(id);
    if (!previous) {
      out.added.push({ resourceType, id, name: nameOf(resource) });
      continue;
    }
    const fields = diffResources(previous, resource, { ignore: DIFF_IGNORED });
    if (fields.length > 0) out.changed.push({ resourceType, id, name: nameOf(resource), fields });
  }
  for (const [id, resource] of old) if (!now.has(id)) out.removed.push({ resourceType, id, name: nameOf(resource) });
}

export function diffSnapshots(a: Snapshot, b: Snapshot): SnapshotDiff {
  const out: SnapshotDiff = { added: [], removed: [], changed: [] };
  diffKind('User', a.users, b.users, out);
  diffKind('Group', a.groups, b.groups, out);
  return out;
}

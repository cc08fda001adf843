// Verified writes made after a live audit's snapshot was taken (edits, deactivations, creates,
// deletes of this session) are kept beside it and laid over the snapshot when the audit is viewed
// again, so an open finding shows what the server holds now: a user deactivated from the
// "not-in-idp" finding leaves the active count, a group whose dangling members were removed
// leaves "dangling-member". The snapshot as taken is kept unchanged for saving and diffing.

import type { Snapshot } from '../../../../shared/audit';
import type { ResourceChange } from '../../../../shared/channels';
import type { ScimGroup, ScimResource, ScimUser } from '../../../../shared/scim';

export interface LiveWrites {
  profileId: string;
  /** `kind:id` -> the read-back (null: deleted), latest write wins. */
  changes: Map<string, ScimResource | null>;
  /** Writes recorded since the findings were last recomputed. */
  pending: number;
}

export function liveWrites(profileId: string): LiveWrites {
  return { profileId, changes: new Map(), pending: 0 };
}

export function recordWrite(writes: LiveWrites, change: ResourceChange): void {
  if (change.profileId !== writes.profileId) return;
  writes.changes.set(`${change.kind}:${change.id}`, change.resource);
  writes.pending += 1;
}

function overlay<T extends ScimResource>(kind: 'Users' | 'Groups', resources: T[], changes: Map<string, ScimResource | null>): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const r of resources) {
    const key = `${kind}:${r.id}`;
    seen.add(key);
    if (!changes.has(key)) out.push(r);
    else if (changes.get(key)) out.push(changes.get(key) as T);
  }
  // Created since the snapshot.
  for (const [key, r] of changes) if (r && !seen.has(key) && key.startsWith(`${kind}:`)) out.push(r as T);
  return out;
}

/** The snapshot with the writes applied (arrays rebuilt; resources are shared, not copied). */
export function withWrites(snapshot: Snapshot, writes: LiveWrites): Snapshot {
  if (writes.changes.size === 0) return snapshot;
  return {
    ...snapshot,
    users: overlay<ScimUser>('Users', snapshot.users, writes.changes),
    groups: overlay<ScimGroup>('Groups', snapshot.groups, writes.changes),
  };
}

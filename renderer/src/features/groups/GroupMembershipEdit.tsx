// Adding users to a group or removing them from one, as one previewed group edit: pick the group
// (searched among the loaded groups by name), the core previews the exact PATCH on the group as
// the server holds it now (fetched fresh, so members added meanwhile are kept), and it is sent only
// on confirmation, then verified from the read-back. Serves a user's detail pane (one user) and a
// table selection (many); users already in (add) or not in (remove) the group are left out and
// said so.

import { useEffect, useState } from 'react';
import type { InspectorApi } from '../../../../shared/channels';
import type { ResourceKind, ScimResource } from '../../../../shared/scim';
import { membersOf } from '../../explorer/Membership';
import { useExplorer, useScope } from '../../store/context';
import { SendPreview, usePreviewSend } from '../edit/SendPreview';

export type MembershipMode = 'add' | 'remove';

interface Props {
  api: InspectorApi;
  profileId: string;
  readOnly: boolean;
  openResource(kind: ResourceKind, id: string): void;
  userIds: string[];
  mode: MembershipMode;
  onClose(): void;
}

const SHOWN = 50;
const nameOf = (g: ScimResource): string => (typeof g.displayName === 'string' ? g.displayName : g.id);

export function GroupMembershipEdit({ api, profileId, readOnly, openResource, userIds, mode, onClose }: Props) {
  const { explorer } = useScope();
  const groups = useExplorer((s) => s.tables.Groups);
  useExplorer((s) => s.ticks.Groups);
  const listing = useExplorer((s) => s.listings.Groups);
  const [query, setQuery] = useState('');
  const [groupId, setGroupId] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const write = usePreviewSend(api, profileId);
  useEffect(() => {
    if (!listing) void explorer.getState().load('Groups');
  }, [listing, explorer]);

  const wanted = new Set(userIds);
  const q = query.trim().toLowerCase();
  const choices = groups.resources
    // Removing: only groups that hold one of the users.
    .filter((g) => mode === 'add' || membersOf(g).some((m) => wanted.has(m.value)))
    .filter((g) => q === '' || nameOf(g).toLowerCase().includes(q));
  const noun = userIds.length === 1 ? 'the user' : `the ${userIds.length} users`;

  const preview = async (): Promise<void> => {
    setNote(null);
    write.show(null);
    write.setBusy(true);
    // The group as the server holds it now: the edit is computed on that, not on the listing.
    const fresh = await api.explorer.get({ profileId, kind: 'Groups', id: groupId });
    if (!fresh.ok) return write.fail(fresh.error);
    const group = fresh.value;
    const current = membersOf(group).map((m) => m.value);
    const have = new Set(current);
    const changing = mode === 'add' ? userIds.filter((id) => !have.has(id)) : userIds.filter((id) => have.has(id));
    const skipped = userIds.length - changing.length;
    if (skipped > 0) setNote(`${skipped} of ${userIds.length} ${mode === 'add' ? 'are already members' : 'are not members'} of ${nameOf(group)} and are left out.`);
    if (changing.length === 0) {
      write.setBusy(false);
      return;
    }
    const originals = Array.isArray(group.members) ? group.members : [];
    const leaving = new Set(changing);
    const members = mode === 'add' ? [...originals, ...changing.map((value) => ({ value }))] : originals.filter((m) => !(typeof m === 'object' && m !== null && leaving.has(String((m as Record<string, unknown>).value))));
    const r = await api.edit.preview({ profileId, kind: 'Groups', id: group.id, change: { edited: { ...group, members } }, before: group });
    write.setBusy(false);
    if (r.ok) write.show(r.value);
    else write.fail(r.error);
  };

  const title = mode === 'add' ? `Add ${noun} to a group` : `Remove ${noun} from a group`;
  return (
    <section className="feature-panel" aria-label={title}>
      <div className="actions">
        <h3>{title}</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {listing?.error && <p className="error">Groups could not be loaded: {listing.error.message}</p>}
      <label>
        Find group <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="group name" />
      </label>
      <label className="block">
        Group ({choices.length}
        {listing?.running ? ', loading…' : ''})
        <select size={Math.min(8, Math.max(2, choices.length))} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
          {choices.slice(0, SHOWN).map((g) => (
            <option key={g.id} value={g.id}>
              {nameOf(g)} ({membersOf(g).length} members)
            </option>
          ))}
        </select>
      </label>
      {choices.length > SHOWN && <p className="muted">Showing {SHOWN} of {choices.length}; type more of the name.</p>}
      {mode === 'remove' && choices.length === 0 && !listing?.running && <p className="muted">None of the loaded groups has {noun} as a member.</p>}
      <div className="actions">
        <button type="button" disabled={groupId === '' || write.busy} onClick={() => void preview()}>
          Preview
        </button>
      </div>
      {note && (
        <p className="note" role="status">
          {note}
        </p>
      )}
      <SendPreview state={write} readOnly={readOnly} kind="Groups" openResource={openResource} />
    </section>
  );
}

// "Remove dangling members" of a group (from its detail pane or an audit finding): which member
// ids resolve to no user or group is proven first — a member missing from the loaded tables is
// dangling only when the server answers 404 for it as a user and as a group — then the removal is
// one previewed group edit, sent only on confirmation and verified from the read-back. An id the
// server could not answer for is not removed, and the panel says so.

import { useEffect, useMemo, useState, type ComponentProps } from 'react';
import type { InspectorApi } from '../../../../shared/channels';
import { membersOf } from '../../explorer/Membership';
import { useExplorer, useScope } from '../../store/context';
import { SendPreview, usePreviewSend } from '../edit/SendPreview';
import type { DetailAction } from '../registry';

type Check = 'checking' | 'dangling' | 'exists' | 'unknown';
const AT_ONCE = 4;

/** 404 for the id as a user and (unless the member says it is a user) as a group. */
async function check(api: InspectorApi, profileId: string, id: string, type: string): Promise<Check> {
  const asUser = await api.explorer.get({ profileId, kind: 'Users', id });
  if (asUser.ok) return 'exists';
  if (asUser.error.code !== 'not-found') return 'unknown';
  if (type === 'User') return 'dangling';
  const asGroup = await api.explorer.get({ profileId, kind: 'Groups', id });
  if (asGroup.ok) return 'exists';
  return asGroup.error.code === 'not-found' ? 'dangling' : 'unknown';
}

export function RemoveDangling({ api, profileId, readOnly, openResource, resource, onClose }: ComponentProps<DetailAction['Component']>) {
  const { explorer } = useScope();
  const users = useExplorer((s) => s.tables.Users);
  const groups = useExplorer((s) => s.tables.Groups);
  const usersListing = useExplorer((s) => s.listings.Users);
  useExplorer((s) => s.ticks.Users + s.ticks.Groups);
  const [checks, setChecks] = useState<Record<string, Check>>({});
  const write = usePreviewSend(api, profileId);
  useEffect(() => {
    // With every user loaded, only the ids the listing lacks need asking about.
    if (!usersListing) void explorer.getState().load('Users');
  }, [usersListing, explorer]);
  const waiting = usersListing?.running === true;
  const members = useMemo(() => membersOf(resource), [resource]);
  const unknown = waiting ? [] : members.filter((m) => !users.rowOf.has(m.value) && !groups.rowOf.has(m.value));
  const key = unknown.map((m) => m.value).join('\n');

  useEffect(() => {
    if (key === '') return undefined;
    let live = true;
    const queue = [...unknown];
    setChecks(Object.fromEntries(queue.map((m) => [m.value, 'checking' as Check])));
    const worker = async (): Promise<void> => {
      for (let m = queue.shift(); m && live; m = queue.shift()) {
        const result = await check(api, profileId, m.value, m.type);
        if (live) setChecks((c) => ({ ...c, [m.value]: result }));
      }
    };
    void Promise.all(Array.from({ length: AT_ONCE }, worker));
    return () => {
      live = false;
    };
    // key names the ids to check; `unknown` is rebuilt each render.
  }, [api, profileId, key]);

  const states = unknown.map((m) => checks[m.value] ?? 'checking');
  const pending = states.filter((s) => s === 'checking').length;
  const dangling = unknown.filter((m) => checks[m.value] === 'dangling').map((m) => m.value);
  const unsure = unknown.filter((m) => checks[m.value] === 'unknown').map((m) => m.value);

  const preview = async (): Promise<void> => {
    write.show(null);
    write.setBusy(true);
    const fresh = await api.explorer.get({ profileId, kind: 'Groups', id: resource.id });
    if (!fresh.ok) return write.fail(fresh.error);
    const gone = new Set(dangling);
    const all = Array.isArray(fresh.value.members) ? fresh.value.members : [];
    const members = all.filter((m) => !(typeof m === 'object' && m !== null && gone.has(String((m as Record<string, unknown>).value))));
    const r = await api.edit.preview({ profileId, kind: 'Groups', id: resource.id, change: { edited: { ...fresh.value, members } }, before: fresh.value });
    write.setBusy(false);
    if (r.ok) write.show(r.value);
    else write.fail(r.error);
  };

  return (
    <section className="feature-panel" aria-label="Remove dangling members">
      <div className="actions">
        <h3>Remove dangling members</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p role="status" data-testid="dangling-check">
        {waiting
          ? `Loading the users to see which of the ${members.length} members exist…`
          : pending > 0
            ? `Asking the server about ${unknown.length} member id(s) no loaded user or group has: ${unknown.length - pending} answered…`
            : `${dangling.length} of ${members.length} members resolve to no user or group (the server answered 404 for each).`}
      </p>
      {unsure.length > 0 && <p className="warning">{unsure.length} member id(s) could not be checked (the server did not answer clearly) and are kept: {unsure.join(', ')}</p>}
      {dangling.length > 0 && (
        <>
          <ul className="members">
            {dangling.map((id) => (
              <li key={id} className="dangling">
                <code>{id}</code>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" disabled={pending > 0 || write.busy} onClick={() => void preview()}>
              Preview removing {dangling.length} dangling member(s)
            </button>
          </div>
        </>
      )}
      <SendPreview state={write} readOnly={readOnly} kind="Groups" openResource={openResource} />
    </section>
  );
}

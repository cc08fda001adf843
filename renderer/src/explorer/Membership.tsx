// Group membership in the detail pane. A user's groups are resolved from the loaded groups'
// members (most servers omit User.groups); a group's members are resolved against the loaded
// users, and ids that resolve to nothing are flagged as dangling — by the complete users listing,
// or, while users are not all loaded, by asking the server for the id (404 = dangling).

import { useEffect, useMemo, useState } from 'react';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import { useExplorer, useScope } from '../store/context';
import { noGroups, useLimits } from '../store/limits';

const MAX_LOOKUPS = 25;

interface Member {
  value: string;
  display: string;
  type: string;
}

export function membersOf(group: ScimResource): Member[] {
  if (!Array.isArray(group.members)) return [];
  return group.members.flatMap((m): Member[] => {
    if (typeof m !== 'object' || m === null) return [];
    const r = m as Record<string, unknown>;
    return typeof r.value === 'string' ? [{ value: r.value, display: typeof r.display === 'string' ? r.display : '', type: typeof r.type === 'string' ? r.type : 'User' }] : [];
  });
}

function Link({ kind, id, children }: { kind: ResourceKind; id: string; children: string }) {
  const { ui } = useScope();
  return (
    <button type="button" className="link" onClick={() => ui.getState().open(kind, id)}>
      {children}
    </button>
  );
}

export function UserGroups({ user }: { user: ScimResource }) {
  const { api, profileId, explorer } = useScope();
  const groups = useExplorer((s) => s.tables.Groups);
  const tick = useExplorer((s) => s.ticks.Groups);
  const listing = useExplorer((s) => s.listings.Groups);
  const limits = useLimits(api, profileId);
  const none = noGroups(limits);
  useEffect(() => {
    if (!listing && limits && !none) void explorer.getState().load('Groups');
  }, [listing, explorer, limits, none]);
  const found = useMemo(() => {
    const out: ScimResource[] = [];
    for (const g of groups.resources) if (membersOf(g).some((m) => m.value === user.id)) out.push(g);
    return out;
    // tick: the groups table grows in place while its listing runs.
  }, [groups, tick, user.id]);
  if (none) {
    return (
      <section aria-label="Groups" data-testid="user-groups">
        <h3>Groups</h3>
        <p className="muted">This tenant has no groups: {limits?.groups.reason}</p>
      </section>
    );
  }
  return (
    <section aria-label="Groups" data-testid="user-groups">
      <h3>Groups ({found.length}{listing?.running ? ', loading…' : ''})</h3>
      {listing?.error && <p className="error">Groups could not be loaded: {listing.error.message}</p>}
      {found.length === 0 && !listing?.running && <p className="empty">Not a member of any group.</p>}
      <ul>
        {found.map((g) => (
          <li key={g.id}>
            <Link kind="Groups" id={g.id}>{typeof g.displayName === 'string' ? g.displayName : g.id}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Lookup = 'checking' | 'dangling' | 'exists' | 'unknown';

export function GroupMembers({ group }: { group: ScimResource }) {
  const { api, profileId, ui } = useScope();
  const users = useExplorer((s) => s.tables.Users);
  const usersListing = useExplorer((s) => s.listings.Users);
  useExplorer((s) => s.ticks.Users);
  const members = useMemo(() => membersOf(group), [group]);
  // Only a listing the renderer holds whole can say an id is not among the users.
  const usersComplete = usersListing?.summary?.complete === true && usersListing.filter === undefined && usersListing.holdsAll;
  const unresolved = members.filter((m) => m.type !== 'Group' && !users.rowOf.has(m.value));
  const [lookups, setLookups] = useState<Record<string, Lookup>>({});
  const key = unresolved.slice(0, MAX_LOOKUPS).map((m) => m.value).join(',');

  useEffect(() => {
    if (usersComplete || key === '') return;
    let live = true;
    for (const id of key.split(',')) {
      setLookups((l) => ({ ...l, [id]: l[id] ?? 'checking' }));
      void api.explorer.get({ profileId, kind: 'Users', id }).then((r) => {
        if (!live) return;
        const state: Lookup = r.ok ? 'exists' : r.error.code === 'not-found' ? 'dangling' : 'unknown';
        setLookups((l) => ({ ...l, [id]: state }));
      });
    }
    return () => {
      live = false;
    };
  }, [api, profileId, key, usersComplete]);

  const stateOf = (m: Member): Lookup | 'loaded' => {
    if (m.type === 'Group' || users.rowOf.has(m.value)) return 'loaded';
    if (usersComplete) return 'dangling';
    return lookups[m.value] ?? 'unknown';
  };
  // Dangling ids first: in a group of hundreds they are what the admin is looking for.
  const ordered = [...members.filter((m) => stateOf(m) === 'dangling'), ...members.filter((m) => stateOf(m) !== 'dangling')];
  const dangling = members.length - members.filter((m) => stateOf(m) !== 'dangling').length;

  return (
    <section aria-label="Members" data-testid="group-members">
      <h3>
        Members ({members.length}){dangling > 0 && <span className="dangling-count"> · {dangling} dangling</span>}
      </h3>
      {dangling > 0 && (
        <button type="button" onClick={() => ui.getState().open('Groups', group.id, 'remove-dangling')}>
          Remove dangling members
        </button>
      )}
      {members.length === 0 && <p className="empty">This group has no members.</p>}
      <ul className="members">
        {ordered.map((m) => {
          const state = stateOf(m);
          const user = users.get(m.value);
          const name = (typeof user?.userName === 'string' ? user.userName : '') || m.display || m.value;
          return (
            <li key={m.value} className={state === 'dangling' ? 'dangling' : undefined}>
              {state === 'dangling' ? (
                <span title="No user or group with this id exists on the server">
                  {m.display || m.value} <code>{m.value}</code> <strong className="flag">dangling: no such user</strong>
                </span>
              ) : (
                <>
                  <Link kind={m.type === 'Group' ? 'Groups' : 'Users'} id={m.value}>{name}</Link>
                  {state === 'checking' && <span className="note"> checking…</span>}
                  {state === 'unknown' && <span className="note"> not loaded yet</span>}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

// Group membership in the detail pane. A user's groups are resolved from the loaded groups'
// members (most servers omit User.groups). A group's members are resolved by main in one call
// (table.absent) against its users and groups listings, at any tenant size: an id a held row has
// exists. Only the ids main lacks are asked about (up to MAX_LOOKUPS), and one is flagged
// dangling only when the server answers 404 for it as a user and as a group: absence from a
// listing (filtered, older than the member, or a group id without a type) proves nothing.

import { useEffect, useMemo, useState } from 'react';
import type { InspectorApi } from '../../../shared/channels';
import type { AppError } from '../../../shared/errors';
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

export type MemberCheck = 'dangling' | 'exists' | 'unknown';
type Lookup = MemberCheck | 'checking';

/**
 * 404 for the id as a user and as a group (a member's `type` is optional and may be wrong, so a
 * 404 as the one it names is not enough); the kind it names is asked first.
 */
export async function checkMember(api: InspectorApi, profileId: string, id: string, type: string): Promise<MemberCheck> {
  const kinds = type === 'Group' ? (['Groups', 'Users'] as const) : (['Users', 'Groups'] as const);
  for (const kind of kinds) {
    const r = await api.explorer.get({ profileId, kind, id });
    if (r.ok) return 'exists';
    if (r.error.code !== 'not-found') return 'unknown';
  }
  return 'dangling';
}

export function GroupMembers({ group }: { group: ScimResource }) {
  const { api, profileId, ui } = useScope();
  const users = useExplorer((s) => s.tables.Users);
  const usersListing = useExplorer((s) => s.listings.Users);
  const groupsListing = useExplorer((s) => s.listings.Groups);
  useExplorer((s) => s.ticks.Users);
  const members = useMemo(() => membersOf(group), [group]);
  const memberKey = useMemo(() => members.map((m) => m.value).join('\n'), [members]);
  // Asked again when the members change or a listing ends (a refresh may hold more).
  const askKey = usersListing?.running || groupsListing?.running ? '' : `${usersListing?.listId ?? ''}\u0000${groupsListing?.listId ?? ''}\u0000${memberKey}`;
  const [resolved, setResolved] = useState<{ key: string; absent: Set<string> } | { key: string; error: AppError } | null>(null);
  useEffect(() => {
    if (askKey === '' || memberKey === '') return undefined;
    let live = true;
    void api.table.absent({ profileId, ids: members.map((m) => m.value) }).then((r) => {
      if (live) setResolved(r.ok ? { key: askKey, absent: new Set(r.value.absent) } : { key: askKey, error: r.error });
    });
    return () => {
      live = false;
    };
    // askKey names the members and the listings; `members` is the list it was made from.
  }, [api, profileId, askKey]);
  const absent = resolved?.key === askKey && 'absent' in resolved ? resolved.absent : null;
  const failed = resolved?.key === askKey && 'error' in resolved ? resolved.error : null;

  const [lookups, setLookups] = useState<Record<string, Lookup>>({});
  const toCheck = absent ? members.filter((m) => absent.has(m.value)).slice(0, MAX_LOOKUPS) : [];
  const key = toCheck.map((m) => `${m.value}\u0000${m.type}`).join('\n');
  useEffect(() => {
    if (key === '') return undefined;
    let live = true;
    for (const line of key.split('\n')) {
      const [id = '', type = ''] = line.split('\u0000');
      setLookups((l) => ({ ...l, [id]: l[id] ?? 'checking' }));
      void checkMember(api, profileId, id, type).then((state) => {
        if (live) setLookups((l) => ({ ...l, [id]: state }));
      });
    }
    return () => {
      live = false;
    };
  }, [api, profileId, key]);

  const stateOf = (m: Member): Lookup | 'loaded' => {
    if (users.rowOf.has(m.value) || (absent && !absent.has(m.value))) return 'loaded';
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
      {failed && <p className="error" role="alert">Could not check the members against the loaded listings: {failed.message}</p>}
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

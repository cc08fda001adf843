// Adding a group member by who they are, not by an id typed blind: search the loaded users by
// userName, email or display name, or type one and it is resolved by the core (a trusted server
// filter or the session's verified-complete listing — resolve.values). A value that resolves to
// nobody is refused, saying how that was proven; only an explicit "add it anyway" adds an id no user
// has, and that member is marked as such. Ambiguous values list their candidates to choose from.

import { useContext, useState } from 'react';
import type { InspectorApi } from '../../../../shared/channels';
import type { ValueResolution } from '../../../../shared/resolve';
import type { ScimResource } from '../../../../shared/scim';
import { ScopeContext } from '../../store/context';
import { cellText } from '../../store/columns';

export interface PickedMember {
  value: string;
  display: string;
  /** Added by the admin's insistence: no user was found for it. */
  unresolved?: boolean;
}

interface Props {
  api: InspectorApi;
  profileId: string;
  /** Ids already members (not suggested, not added twice). */
  members: readonly string[];
  onAdd(member: PickedMember): void;
  /** Lettermint: a member must be an active user. */
  activeOnly?: boolean;
}

const SUGGESTIONS = 8;
const nameOf = (u: ScimResource): string => (typeof u.userName === 'string' ? u.userName : u.id);

/** Loaded users whose userName, emails or display name contain the text (when a scope holds them). */
function useSuggestions(text: string, members: readonly string[]): ScimResource[] {
  const scope = useContext(ScopeContext);
  const q = text.trim().toLowerCase();
  if (!scope || q.length < 2) return [];
  const users = scope.explorer.getState().tables.Users;
  const out: ScimResource[] = [];
  for (let row = 0; row < users.size && out.length < SUGGESTIONS; row++) {
    const user = users.resources[row] as ScimResource;
    if (members.includes(user.id)) continue;
    const hay = `${cellText(user, 'userName')} ${cellText(user, 'emails')} ${cellText(user, 'displayName')}`.toLowerCase();
    if (hay.includes(q)) out.push(user);
  }
  return out;
}

export function MemberPicker({ api, profileId, members, onAdd, activeOnly = false }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ValueResolution | null>(null);
  const [insist, setInsist] = useState(false);
  const suggestions = useSuggestions(text, members);

  const [note, setNote] = useState<string | null>(null);
  const add = (user: ScimResource): void => {
    setAnswer(null);
    setInsist(false);
    if (members.includes(user.id)) {
      setNote(`${nameOf(user)} is already a member.`);
      return;
    }
    setNote(null);
    onAdd({ value: user.id, display: nameOf(user) });
    setText('');
  };

  const resolve = async (): Promise<void> => {
    const value = text.trim();
    if (value === '') return;
    setBusy(true);
    setAnswer(null);
    setInsist(false);
    const r = await api.resolve.values({ profileId, kind: 'Users', values: [value], fields: ['id', 'userName', 'email', 'displayName'], refresh: false, serverFilterOnly: false, operationId: undefined });
    setBusy(false);
    if (!r.ok) {
      setAnswer({ input: value, status: 'unverified', resource: null, matchedOn: [], candidates: [], resolvedBy: null, listing: null, proven: false, reason: r.error.message });
      return;
    }
    const result = r.value.results[0] ?? null;
    if (result?.status === 'found' && result.resource && !(activeOnly && result.resource.active === false)) add(result.resource);
    else setAnswer(result);
  };

  const inactive = answer?.status === 'found' && answer.resource?.active === false;
  return (
    <div className="member-picker" role="group" aria-label="Add a member">
      <label>
        Add member (userName, email or display name)
        <input type="text" value={text} onChange={(e) => (setText(e.target.value), setAnswer(null), setNote(null))} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), void resolve())} />
      </label>
      <button type="button" onClick={() => void resolve()} disabled={busy || text.trim() === ''}>
        {busy ? 'Looking up…' : 'Add member'}
      </button>
      {note && (
        <p role="status" className="note">
          {note}
        </p>
      )}
      {suggestions.length > 0 && (
        <ul className="suggestions" aria-label="Matching users">
          {suggestions.map((u) => (
            <li key={u.id}>
              <button type="button" className="link" onClick={() => add(u)}>
                {nameOf(u)}
                {typeof u.displayName === 'string' ? ` (${u.displayName})` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {answer && answer.status === 'ambiguous' && (
        <div role="alert" className="warning" data-testid="member-ambiguous">
          <p>{answer.reason} Choose one:</p>
          {answer.candidates.map((c) => (
            <button key={c.id} type="button" onClick={() => add({ schemas: [], id: c.id, userName: c.userName ?? c.id })}>
              {c.userName ?? c.id}
            </button>
          ))}
        </div>
      )}
      {inactive && (
        <p role="alert" className="warning" data-testid="member-inactive">
          {nameOf(answer.resource as ScimResource)} is inactive; this service takes only active users as group members. Reactivate the user first.
        </p>
      )}
      {answer && (answer.status === 'not-found' || answer.status === 'unverified') && (
        <div role="alert" className="error" data-testid="member-refused">
          <p>
            Not added: {answer.reason}
            {answer.status === 'not-found' ? ' A member id that names no user is a dangling member.' : ''}
          </p>
          <label className="check">
            <input type="checkbox" checked={insist} onChange={(e) => setInsist(e.target.checked)} /> Add “{answer.input}” as a member id anyway (it resolves to no user)
          </label>
          {insist && (
            <button type="button" className="danger" onClick={() => (onAdd({ value: answer.input, display: '', unresolved: true }), setText(''), setAnswer(null), setInsist(false))}>
              Add unresolved member id
            </button>
          )}
        </div>
      )}
    </div>
  );
}

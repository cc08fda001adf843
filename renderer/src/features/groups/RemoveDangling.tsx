// "Remove dangling members" of a group (from its detail pane or an audit finding): which member
// ids resolve to no user or group is proven first, then the removal is one previewed group edit,
// sent only on confirmation and verified from the read-back.
// - Main resolves every member id against its users and groups listings in one call
//   (table.absent): an id a held row has exists (the server listed it or read it back after a
//   verified write) and is not asked about again.
// - An id no held row has proves nothing (the listing may be filtered, incomplete, refreshing, or
//   older than the user): it is dangling only when the server answers 404 for it as a user and as
//   a group, asked now. A user created after the listing is found by that GET, so it is never called
//   dangling. An id the server could not answer for is not removed, and the panel says so.
// A 50k-member group on a 1M-user tenant is thus one call to main plus two GETs per id main lacks,
// not 50k+ GETs.

import { useEffect, useMemo, useState, type ComponentProps } from 'react';
import type { AbsentIds, HeldListing } from '../../../../shared/channels/table';
import type { AppError } from '../../../../shared/errors';
import { checkMember, membersOf, type MemberCheck } from '../../explorer/Membership';
import { useExplorer, useScope } from '../../store/context';
import { SendPreview, usePreviewSend } from '../edit/SendPreview';
import { ErrorNote } from '../edit/ui-common';
import type { DetailAction } from '../registry';

type Check = MemberCheck | 'checking';
const AT_ONCE = 4;

/** Why main's users listing left more ids to ask about than the truly dangling ones. */
function partialNote(users: HeldListing | null): string {
  if (!users) return ' Main holds no users listing, so each member was asked about.';
  if (users.filtered) return ' The users listing loaded is filtered, so members outside it were asked about.';
  if (!users.complete) return ' The users listing loaded did not finish verified complete, so members it lacks were asked about.';
  return '';
}

export function RemoveDangling({ api, profileId, readOnly, openResource, resource, onClose }: ComponentProps<DetailAction['Component']>) {
  const { explorer } = useScope();
  const usersListing = useExplorer((s) => s.listings.Users);
  const [resolved, setResolved] = useState<{ key: string; answer: AbsentIds } | { key: string; error: AppError } | null>(null);
  const [checks, setChecks] = useState<Record<string, Check>>({});
  const write = usePreviewSend(api, profileId);
  useEffect(() => {
    // With every user in main's index, only the ids it lacks need asking about.
    if (!usersListing) void explorer.getState().load('Users');
  }, [usersListing, explorer]);
  const waiting = usersListing?.running === true;
  const members = useMemo(() => membersOf(resource), [resource]);
  const memberKey = useMemo(() => members.map((m) => m.value).join('\n'), [members]);
  // Asked again when the members change or a users listing ends (a refresh may hold more).
  const askKey = waiting ? '' : `${usersListing?.listId ?? ''}\u0000${memberKey}`;

  useEffect(() => {
    if (askKey === '' || memberKey === '') return undefined;
    let live = true;
    void api.table.absent({ profileId, ids: members.map((m) => m.value) }).then((r) => {
      if (live) setResolved(r.ok ? { key: askKey, answer: r.value } : { key: askKey, error: r.error });
    });
    return () => {
      live = false;
    };
    // askKey names the members and the listing; `members` is the list it was made from.
  }, [api, profileId, askKey]);

  const answer = resolved?.key === askKey && 'answer' in resolved ? resolved.answer : null;
  const failed = resolved?.key === askKey && 'error' in resolved ? resolved.error : null;
  const candidates = useMemo(() => {
    if (!answer) return [];
    const absent = new Set(answer.absent);
    return members.filter((m) => absent.has(m.value));
  }, [answer, members]);
  const key = answer ? `${askKey}\u0000${answer.absent.join('\n')}` : '';

  useEffect(() => {
    if (key === '' || candidates.length === 0) return undefined;
    let live = true;
    const queue = [...candidates];
    setChecks(Object.fromEntries(queue.map((m) => [m.value, 'checking' as Check])));
    const worker = async (): Promise<void> => {
      for (let m = queue.shift(); m && live; m = queue.shift()) {
        const result = await checkMember(api, profileId, m.value, m.type);
        if (live) setChecks((c) => ({ ...c, [m.value]: result }));
      }
    };
    void Promise.all(Array.from({ length: AT_ONCE }, worker));
    return () => {
      live = false;
    };
    // key names the ids to check; `candidates` is the list it was made from.
  }, [api, profileId, key]);

  const states = candidates.map((m) => checks[m.value] ?? 'checking');
  const pending = answer ? states.filter((s) => s === 'checking').length : members.length;
  const dangling = candidates.filter((m) => checks[m.value] === 'dangling').map((m) => m.value);
  const unsure = candidates.filter((m) => checks[m.value] === 'unknown').map((m) => m.value);
  const held = members.length - candidates.length;

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
          : failed
            ? 'Could not resolve the members against the loaded listings; nothing is called dangling.'
            : members.length === 0
              ? 'This group has no members.'
              : !answer
                ? `Resolving the ${members.length} members against the loaded users and groups…`
                : pending > 0
                  ? `Asking the server about ${candidates.length} member id(s) no loaded user or group has: ${candidates.length - pending} answered…`
                  : `${dangling.length} of ${members.length} members resolve to no user or group (the server answered 404 for each).`}
      </p>
      {answer && pending === 0 && (
        <p data-testid="dangling-checked">
          {`${candidates.length} of ${members.length} member id(s) checked with the server; ${held} found in the loaded users and groups listings, not asked again.${partialNote(answer.listings.Users)}`}
        </p>
      )}
      <ErrorNote error={failed} />
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

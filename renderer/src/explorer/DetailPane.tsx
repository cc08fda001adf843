// The detail pane of one user or group: structured view, membership, the requests that mention
// it, raw JSON, and the feature actions (DETAIL_ACTIONS) that apply to its kind. A resource not in
// the loaded tables (opened from an audit, say) is fetched with explorer.get and kept in the
// store, so a verified write to it (resource.changed) shows here as in the grid. The open action
// stays open when the resource changes: its outcome is what the admin is reading.

import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import type { DetailAction } from '../features/registry';
import { useExplorer, useScope, useUi } from '../store/context';
import { resourceIn, resourceKey } from '../store/explorer';
import { noGroups, useLimits } from '../store/limits';
import { ErrorState } from '../frame/ErrorState';
import { GroupMembers, UserGroups } from './Membership';
import { RawJson, StructuredView } from './ResourceSections';
import { ActiveState } from './ActiveState';
import { SplitHandle, useDetailWidth } from '../frame/SplitHandle';

function titleOf(kind: ResourceKind, r: ScimResource): string {
  const name = kind === 'Users' ? r.userName : r.displayName;
  return typeof name === 'string' && name !== '' ? name : r.id;
}

function RelatedRequests({ id }: { id: string }) {
  const log = useExplorer((s) => s.log);
  const encoded = encodeURIComponent(id);
  const related = log.filter((e) => e.url.includes(id) || e.url.includes(encoded));
  return (
    <section aria-label="Requests">
      <h3>Requests ({related.length})</h3>
      {related.length === 0 && <p className="empty">Loaded by a listing page; the Request log shows those calls.</p>}
      <ul>
        {related.map((e) => (
          <li key={e.id}>
            <code>{e.method} {e.url}</code> → {e.status ?? e.error ?? '—'} · {e.durationMs} ms
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DetailPane({ actions }: { actions: readonly DetailAction[] }) {
  const scope = useScope();
  const { api, profileId, readOnly, ui, explorer } = scope;
  const detail = useUi((s) => s.detail);
  const [width, setWidth] = useDetailWidth();
  const key = detail ? resourceKey(detail.kind, detail.id) : null;
  // The tables change in place: the ticks say when to look again.
  useExplorer((s) => (detail ? s.ticks[detail.kind] : 0));
  useExplorer((s) => s.openedTick);
  const explorerState = explorer.getState();
  const resource = detail ? (resourceIn(explorerState, detail.kind, detail.id) ?? null) : null;
  const deleted = key !== null && explorerState.gone.has(key);
  const [failed, setFailed] = useState<{ key: string; error: AppError } | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const limits = useLimits(api, profileId);

  const initialAction = detail?.action ?? null;
  useEffect(() => setAction(initialAction), [key, initialAction]);
  const missing = detail !== null && resource === null && !deleted;
  useEffect(() => {
    if (!detail || !missing) return;
    let live = true;
    void api.explorer.get({ profileId, kind: detail.kind, id: detail.id }).then((r) => {
      if (!live) return;
      if (r.ok) explorer.getState().remember(detail.kind, r.value);
      else setFailed({ key: resourceKey(detail.kind, detail.id), error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api, profileId, detail, missing, explorer]);

  if (!detail) return null;
  const error = resource === null && failed?.key === key ? failed.error : null;
  const noun = detail.kind === 'Users' ? 'user' : 'group';
  const close = () => ui.getState().close();
  const active = actions.find((a) => a.id === action);

  return (
    <>
    <SplitHandle width={width} onResize={setWidth} label="Resize the detail pane" />
    <aside className="detail" aria-label={`${detail.kind === 'Users' ? 'User' : 'Group'} detail`} data-testid="detail" style={{ width }}>
      <header>
        <h2>{resource ? titleOf(detail.kind, resource) : detail.id}</h2>
        {typeof resource?.active === 'boolean' && <ActiveState active={resource.active} />}
        <button type="button" onClick={close} aria-label="Close detail (Esc)">✕</button>
      </header>
      {error && (
        <ErrorState
          error={error}
          // A 404 for one resource means it is gone, not that the base URL is wrong.
          advice={error.code === 'not-found' ? `The server has no ${noun} with this id; it may have been deleted. Reload the list.` : undefined}
        />
      )}
      {deleted && (
        <p className="notice" role="status" data-testid="deleted">
          This {noun} was deleted (verified: the server no longer has it).
        </p>
      )}
      {!resource && !error && !deleted && <p className="loading">Loading…</p>}
      {resource && (
        <>
          <div className="actions detail-actions">
            {actions
              .filter((a) => a.kinds.includes(detail.kind) && !(a.needsGroups && noGroups(limits)))
              .map((a) => (
                <button key={a.id} type="button" aria-pressed={action === a.id} onClick={() => setAction(action === a.id ? null : a.id)}>
                  {a.label}
                </button>
              ))}
          </div>
          {active && (
            <active.Component
              api={api}
              profileId={profileId}
              readOnly={readOnly}
              openResource={(kind, id, next) => ui.getState().open(kind, id, next)}
              kind={detail.kind}
              resource={resource}
              onClose={() => setAction(null)}
            />
          )}
          <StructuredView resource={resource} openUser={(id) => ui.getState().open('Users', id)} />
          {detail.kind === 'Users' ? <UserGroups user={resource} /> : <GroupMembers group={resource} />}
          <RelatedRequests id={resource.id} />
          <RawJson resource={resource} />
        </>
      )}
    </aside>
    </>
  );
}

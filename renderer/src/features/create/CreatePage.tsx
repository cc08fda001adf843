// Create a user or a group: the edit form's fields (greyed where the vendor stores nothing), a
// preview of the POST exactly as it will go out with what this vendor requires (missing fields
// block the send) and what it drops, then one confirmed send. The new resource is read back by its
// id and opened beside the page; the grid shows it through the verified-change event.

import { useState } from 'react';
import type { CreateOutcome, CreatePreview } from '../../../../shared/create';
import type { AppError } from '../../../../shared/errors';
import type { ResourceKind, ScimResource } from '../../../../shared/scim';
import type { FeatureContext } from '../registry';
import { useLimits } from '../../store/limits';
import { usePageState } from '../../store/pages';
import { applyGroupFields, applyUserFields, groupFields, userFields, type GroupFields, type UserFields } from '../edit/form';
import { GroupForm } from '../edit/GroupForm';
import { UserForm } from '../edit/UserForm';
import { ErrorNote, show, useIntoView } from '../edit/ui-common';

const BLANK: ScimResource = { schemas: [], id: '' };

function CreatePreviewView({ preview }: { preview: CreatePreview }) {
  return (
    <section aria-label="Create preview" data-testid="create-preview">
      <h3>Preview: POST {preview.request.url}</h3>
      {preview.missing.length > 0 && (
        <p className="error" role="alert" data-testid="create-missing">
          This service needs {preview.missing.join(', ')} on a new {preview.kind === 'Users' ? 'user' : 'group'}; fill {preview.missing.length === 1 ? 'it' : 'them'} in.
        </p>
      )}
      {preview.ignored.map((i) => (
        <p key={i.path} className="warning" data-testid="create-ignored">
          {i.path} is not kept: {i.reason}
        </p>
      ))}
      {preview.warnings.map((w) => (
        <p key={w} className="warning">
          {w}
        </p>
      ))}
      <pre className="raw" tabIndex={0} aria-label="Request body">
        {JSON.stringify(preview.request.body, null, 2)}
      </pre>
    </section>
  );
}

function Created({ outcome, open }: { outcome: CreateOutcome; open: () => void }) {
  const ref = useIntoView<HTMLParagraphElement>(outcome.changeId);
  return (
    <div role="status" data-testid="created">
      <p ref={ref}>
        {outcome.differences.length === 0 ? 'Created and verified' : 'Created, but the server holds it differently'} ({outcome.responseStatus ?? '2xx'}): id <code>{outcome.resource.id}</code>.{' '}
        <button type="button" className="link" onClick={open}>
          Open it
        </button>
      </p>
      {outcome.differences.map((d) => (
        <p key={d.path} className="warning">
          {d.path}: expected {show(d.before)}, the server holds {show(d.after)}
        </p>
      ))}
    </div>
  );
}

export function CreatePage({ api, profileId, readOnly, openResource }: FeatureContext) {
  const limits = useLimits(api, profileId);
  const [kind, setKind] = usePageState<ResourceKind>('create:kind', 'Users');
  const [user, setUser] = usePageState<UserFields>('create:user', () => ({ ...userFields(BLANK), emails: [{ value: '', type: 'work', primary: true }] }));
  const [group, setGroup] = usePageState<GroupFields>('create:group', () => groupFields(BLANK));
  // The edit form never changes a userName; a new user needs one.
  const [userName, setUserName] = usePageState('create:userName', '');
  const [preview, setPreview] = useState<CreatePreview | null>(null);
  const [outcome, setOutcome] = useState<CreateOutcome | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const noGroups = limits !== null && !limits.groups.available;
  const fixed = Object.fromEntries((limits?.fixedUserAttributes ?? []).map((a) => [a.field, a.reason]));
  const resource = kind === 'Users' ? { ...applyUserFields(BLANK, user), ...(userName.trim() === '' ? {} : { userName: userName.trim() }) } : applyGroupFields(BLANK, group);

  const run = async <T,>(call: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>, done: (value: T) => void): Promise<void> => {
    setBusy(true);
    setError(null);
    const r = await call();
    setBusy(false);
    if (r.ok) done(r.value);
    else setError(r.error);
  };
  const makePreview = () => run(() => api.create.preview({ profileId, kind, resource }), (p) => (setPreview(p), setOutcome(null)));
  const send = (p: CreatePreview) =>
    run(
      () => api.create.send({ profileId, preview: p }),
      (o) => {
        setOutcome(o);
        setPreview(null);
        if (o.preview.kind === 'Users') {
          setUser({ ...userFields(BLANK), emails: [{ value: '', type: 'work', primary: true }] });
          setUserName('');
        } else {
          setGroup(groupFields(BLANK));
        }
      },
    );
  const choose = (k: ResourceKind) => (setKind(k), setPreview(null), setError(null));

  return (
    <section className="page" aria-label="Create" data-testid="create-page">
      <h2>Create</h2>
      <div role="radiogroup" aria-label="What to create" className="actions">
        <label className="check">
          <input type="radio" name="create-kind" checked={kind === 'Users'} onChange={() => choose('Users')} /> User
        </label>
        <label className="check">
          <input type="radio" name="create-kind" checked={kind === 'Groups'} disabled={noGroups} onChange={() => choose('Groups')} /> Group
        </label>
        {noGroups && <span className="muted">This tenant has no groups: {limits?.groups.reason}</span>}
      </div>
      {limits && <p className="note">A new {kind === 'Users' ? 'user' : 'group'} on {limits.vendorLabel} needs {limits.requiredOnCreate[kind].join(', ')}.</p>}
      {readOnly && <p className="warning">This profile is read-only: you can preview, but creating is refused.</p>}
      {kind === 'Users' && (
        <label className="form-grid">
          User name
          <input type="text" value={userName} onChange={(e) => (setUserName(e.target.value), setPreview(null))} autoComplete="off" />
        </label>
      )}
      {kind === 'Users' ? (
        <UserForm fields={user} onChange={(f) => (setUser(f), setPreview(null))} fixed={fixed} />
      ) : (
        <GroupForm fields={group} onChange={(f) => (setGroup(f), setPreview(null))} api={api} profileId={profileId} activeOnly={limits?.groupMembersMustBeActive === true} />
      )}
      <div className="actions">
        <button type="button" onClick={() => void makePreview()} disabled={busy}>
          Preview
        </button>
        {preview && (
          <button type="button" className="primary" disabled={busy || readOnly || preview.missing.length > 0} onClick={() => void send(preview)}>
            Confirm and create
          </button>
        )}
      </div>
      <ErrorNote error={error} />
      {preview && <CreatePreviewView preview={preview} />}
      {outcome && <Created outcome={outcome} open={() => openResource(outcome.preview.kind, outcome.resource.id)} />}
    </section>
  );
}

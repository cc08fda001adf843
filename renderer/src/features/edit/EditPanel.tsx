// The detail pane's Edit action: form (or expert Operations JSON) → preview of the exact request →
// send only on confirmation → the verified result; 412 shows what changed and the rebuilt preview
// to confirm again, 409 links to the colliding resource, a partial PATCH offers a PUT preview.

import { useState, type ComponentProps } from 'react';
import type { EditPreview, SendOutcome } from '../../../../shared/edit';
import type { AppError } from '../../../../shared/errors';
import type { ScimResource } from '../../../../shared/scim';
import type { DetailAction } from '../registry';
import { applyGroupFields, applyUserFields, groupFields, userFields } from './form';
import { GroupForm } from './GroupForm';
import { UserForm } from './UserForm';
import { ConflictError, OutcomeView } from './OutcomeView';
import { PreviewView } from './PreviewView';
import { ErrorNote } from './ui-common';

type Props = ComponentProps<DetailAction['Component']>;

export function EditPanel({ api, profileId, readOnly, openResource, kind, resource, onClose }: Props) {
  const [base, setBase] = useState<ScimResource>(resource);
  const [user, setUser] = useState(() => userFields(resource));
  const [group, setGroup] = useState(() => groupFields(resource));
  const [expert, setExpert] = useState(false);
  const [opsText, setOpsText] = useState('[\n  { "op": "replace", "path": "title", "value": "" }\n]');
  const [preview, setPreview] = useState<EditPreview | null>(null);
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // The store (grid, detail pane) gets the verified read-back from main's resource.changed event;
  // the panel keeps its own copy as the base of the next edit.
  const close = onClose;

  const fail = (e: AppError): void => {
    setError(e);
    setBusy(false);
  };

  const makePreview = async (method?: 'PUT'): Promise<void> => {
    setError(null);
    setOutcome(null);
    let change: { edited: ScimResource } | { operations: unknown };
    if (expert) {
      try {
        change = { operations: JSON.parse(opsText) as unknown };
      } catch (e) {
        fail({ code: 'invalid-input', message: `The Operations are not valid JSON: ${e instanceof Error ? e.message : String(e)}` });
        return;
      }
    } else {
      change = { edited: kind === 'Users' ? applyUserFields(base, user) : applyGroupFields(base, group) };
    }
    setBusy(true);
    const r = await api.edit.preview({ profileId, kind, id: base.id, change, before: base, ...(method ? { method } : {}) });
    setBusy(false);
    if (r.ok) setPreview(r.value);
    else fail(r.error);
  };

  const send = async (confirmed: EditPreview): Promise<void> => {
    setError(null);
    setBusy(true);
    const r = confirmed.method === 'PUT' ? await api.edit.sendReplace({ profileId, preview: confirmed }) : await api.edit.send({ profileId, preview: confirmed });
    setBusy(false);
    if (!r.ok) return fail(r.error);
    setOutcome(r.value);
    if (r.value.status === 'conflict') {
      // Confirm again: the rebuilt preview replaces the stale one.
      setBase(r.value.fresh);
      setPreview(r.value.newPreview);
      return;
    }
    setPreview(null);
    setBase(r.value.result);
    setUser(userFields(r.value.result));
    setGroup(groupFields(r.value.result));
  };

  const offerPut = outcome?.status === 'partially-applied' ? outcome.offerPut : null;

  return (
    <section className="feature-panel edit-panel" aria-label={`Edit ${kind === 'Users' ? 'user' : 'group'}`}>
      {readOnly && (
        <p className="warning" role="note">
          This profile is read-only: you can preview edits, but sending is refused.
        </p>
      )}
      <div className="actions">
        <label className="check">
          <input type="checkbox" checked={expert} onChange={(e) => setExpert(e.target.checked)} /> Expert mode (Operations JSON)
        </label>
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
      {expert ? (
        <label className="block">
          Operations
          <textarea rows={8} spellCheck={false} value={opsText} onChange={(e) => setOpsText(e.target.value)} />
        </label>
      ) : kind === 'Users' ? (
        <UserForm fields={user} onChange={setUser} />
      ) : (
        <GroupForm fields={group} onChange={setGroup} />
      )}
      <div className="actions">
        <button type="button" onClick={() => void makePreview()} disabled={busy}>
          Preview
        </button>
      </div>
      {error && (error.code === 'conflict' ? <ConflictError error={error} kind={kind} openResource={openResource} /> : <ErrorNote error={error} />)}
      {outcome && <OutcomeView outcome={outcome} onPreviewPut={() => offerPut && (setPreview(offerPut), setOutcome(null))} />}
      {preview && (
        <>
          <PreviewView preview={preview} />
          <div className="actions">
            <button type="button" className="primary" disabled={busy || readOnly || preview.empty} onClick={() => void send(preview)}>
              Confirm and send {preview.method}
            </button>
            {preview.needsReplace && preview.method === 'PATCH' && (
              <button type="button" disabled={busy} onClick={() => void makePreview('PUT')}>
                Use PUT (preview)
              </button>
            )}
            <button type="button" onClick={() => setPreview(null)}>
              Discard preview
            </button>
          </div>
        </>
      )}
    </section>
  );
}

// The detail pane's Edit action: form (or expert Operations JSON) → preview of the exact request →
// send only on confirmation → the verified result; 412 shows what changed and the rebuilt preview
// to confirm again, 409 links to the colliding resource, a partial PATCH offers a PUT preview.

import { useState, type ComponentProps } from 'react';
import type { ScimResource } from '../../../../shared/scim';
import type { DetailAction } from '../registry';
import { applyGroupFields, applyUserFields, groupFields, userFields } from './form';
import { GroupForm } from './GroupForm';
import { UserForm } from './UserForm';
import { SendPreview, usePreviewSend } from './SendPreview';
import { useLimits } from '../../store/limits';

type Props = ComponentProps<DetailAction['Component']>;

export function EditPanel({ api, profileId, readOnly, openResource, kind, resource, onClose }: Props) {
  const [base, setBase] = useState<ScimResource>(resource);
  const [user, setUser] = useState(() => userFields(resource));
  const [group, setGroup] = useState(() => groupFields(resource));
  const [expert, setExpert] = useState(false);
  const [opsText, setOpsText] = useState('[\n  { "op": "replace", "path": "title", "value": "" }\n]');
  // The store (grid, detail pane) gets the verified read-back from main's resource.changed event;
  // the panel keeps its own copy as the base of the next edit.
  const limits = useLimits(api, profileId);
  // Fields this vendor never changes are greyed out with the reason, not left to fail later.
  const fixed = Object.fromEntries((limits?.fixedUserAttributes ?? []).map((a) => [a.field, a.reason]));
  const write = usePreviewSend(api, profileId, (outcome) => {
    const next = outcome.status === 'conflict' ? outcome.fresh : outcome.result;
    setBase(next);
    if (outcome.status === 'conflict') return;
    setUser(userFields(next));
    setGroup(groupFields(next));
  });

  const makePreview = async (method?: 'PUT'): Promise<void> => {
    write.show(null);
    let change: { edited: ScimResource } | { operations: unknown };
    if (expert) {
      try {
        change = { operations: JSON.parse(opsText) as unknown };
      } catch (e) {
        write.fail({ code: 'invalid-input', message: `The Operations are not valid JSON: ${e instanceof Error ? e.message : String(e)}` });
        return;
      }
    } else {
      change = { edited: kind === 'Users' ? applyUserFields(base, user) : applyGroupFields(base, group) };
    }
    write.setBusy(true);
    const r = await api.edit.preview({ profileId, kind, id: base.id, change, before: base, ...(method ? { method } : {}) });
    write.setBusy(false);
    if (r.ok) write.show(r.value);
    else write.fail(r.error);
  };

  return (
    <section className="feature-panel edit-panel" aria-label={`Edit ${kind === 'Users' ? 'user' : 'group'}`}>
      {readOnly && (
        <p className="warning" role="note">
          This profile is read-only: you can preview edits, but sending is refused.
        </p>
      )}
      {kind === 'Users' && limits?.patch.reason && <p className="note">{limits.patch.reason}</p>}
      <div className="actions">
        <label className="check">
          <input type="checkbox" checked={expert} onChange={(e) => setExpert(e.target.checked)} /> Expert mode (Operations JSON)
        </label>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {expert ? (
        <label className="block">
          Operations
          <textarea rows={8} spellCheck={false} value={opsText} onChange={(e) => setOpsText(e.target.value)} />
        </label>
      ) : kind === 'Users' ? (
        <UserForm fields={user} onChange={setUser} fixed={fixed} />
      ) : (
        <GroupForm fields={group} onChange={setGroup} api={api} profileId={profileId} activeOnly={limits?.groupMembersMustBeActive === true} />
      )}
      <div className="actions">
        <button type="button" onClick={() => void makePreview()} disabled={write.busy}>
          Preview
        </button>
      </div>
      <SendPreview state={write} readOnly={readOnly} kind={kind} openResource={openResource} onUsePut={() => void makePreview('PUT')} />
    </section>
  );
}

// The profile editor: name, base URL, vendor hint, read-only, extra headers, paging overrides,
// protected users, and how to connect (auth scheme, API-key header names, proxy). Delete asks for confirmation inline (no modal: keyboard and screen readers stay
// in place) and says that the keychain token goes too; so does turning read-only off, which lets
// edits and deactivations write to the tenant.

import { useId, useState, type FormEvent } from 'react';
import { PROFILE_VENDORS, type ProfileFields } from '../../../shared/channels/profiles';
import { fieldsFromForm, type ProfileForm } from './profile-form';
import { ConnectionFields } from './ConnectionFields';

export interface ProfileEditorProps {
  initial: ProfileForm;
  /** True for "New profile". */
  creating: boolean;
  busy: boolean;
  onSave(fields: ProfileFields & { name: string; baseUrl: string }): Promise<void>;
  onCancel(): void;
  onDelete?: () => Promise<void>;
}

export function ProfileEditor({ initial, creating, busy, onSave, onCancel, onDelete }: ProfileEditorProps) {
  const id = useId();
  const [form, setForm] = useState<ProfileForm>(initial);
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  type Fields = ProfileFields & { name: string; baseUrl: string };
  /** The fields waiting for "turn off read-only" to be confirmed. */
  const [confirmWritable, setConfirmWritable] = useState<Fields | null>(null);
  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let fields: Fields;
    try {
      fields = fieldsFromForm(form);
    } catch (error) {
      setFormError(error instanceof Error ? error.message : String(error));
      return;
    }
    setFormError(null);
    if (initial.readOnly && !fields.readOnly) {
      setConfirmWritable(fields);
      return;
    }
    void onSave(fields);
  };

  const f = (name: string) => `${id}-${name}`;
  return (
    <form className="profile-editor" onSubmit={submit} aria-label={creating ? 'New profile' : `Edit profile ${initial.name}`}>
      <div className="field">
        <label htmlFor={f('name')}>Name</label>
        <input id={f('name')} value={form.name} onChange={(e) => set('name', e.target.value)} required maxLength={100} placeholder="prod-mindtickle" />
      </div>
      <div className="field">
        <label htmlFor={f('url')}>Base URL</label>
        <input id={f('url')} type="url" value={form.baseUrl} onChange={(e) => set('baseUrl', e.target.value)} required placeholder="https://tenant.example.com/scim/v2" spellCheck={false} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={f('vendor')}>Vendor hint</label>
          <select id={f('vendor')} value={form.vendor} onChange={(e) => set('vendor', e.target.value as ProfileForm['vendor'])}>
            {PROFILE_VENDORS.map((v) => (
              <option key={v} value={v}>{v}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={f('page')}>Page size</label>
          <input id={f('page')} inputMode="numeric" value={form.pageSize} onChange={(e) => set('pageSize', e.target.value)} placeholder="default" size={7} />
        </div>
        <div className="field">
          <label htmlFor={f('conc')}>Concurrency</label>
          <input id={f('conc')} inputMode="numeric" value={form.concurrency} onChange={(e) => set('concurrency', e.target.value)} placeholder="default" size={5} />
        </div>
      </div>
      <div className="field checkbox">
        <input id={f('ro')} type="checkbox" checked={form.readOnly} onChange={(e) => set('readOnly', e.target.checked)} />
        <label htmlFor={f('ro')}>Read-only (every write is refused for this profile)</label>
      </div>
      <div className="field checkbox">
        <input id={f('prod')} type="checkbox" checked={form.production} onChange={(e) => set('production', e.target.checked)} />
        <label htmlFor={f('prod')}>Production tenant (a colour band and a “Production” badge while it is open)</label>
      </div>
      <div className="field">
        <label htmlFor={f('headers')}>Extra headers <span className="hint">(one "Name: value" per line; never Authorization)</span></label>
        <textarea id={f('headers')} rows={2} value={form.headers} onChange={(e) => set('headers', e.target.value)} spellCheck={false} />
      </div>
      <ConnectionFields form={form} set={set} id={id} />
      <div className="field">
        <label htmlFor={f('protected')}>Protected users <span className="hint">(userName or id, one per line; never deactivated)</span></label>
        <textarea id={f('protected')} rows={2} value={form.protectedUsers} onChange={(e) => set('protectedUsers', e.target.value)} spellCheck={false} />
      </div>
      {formError && <p role="alert" className="error">{formError}</p>}
      <div className="editor-actions">
        <button type="submit" disabled={busy}>{creating ? 'Create profile' : 'Save changes'}</button>
        <button type="button" onClick={onCancel} disabled={busy}>Cancel</button>
        {onDelete && !confirmDelete && (
          <button type="button" className="danger" onClick={() => setConfirmDelete(true)} disabled={busy}>Delete…</button>
        )}
      </div>
      {confirmWritable && (
        <div className="confirm" role="alertdialog" aria-label="Confirm turning off read-only">
          <p>Turn off read-only for “{initial.name}”? Edits, deactivations and undo will then write to {confirmWritable.baseUrl}.</p>
          <button type="button" className="danger" onClick={() => (setConfirmWritable(null), void onSave(confirmWritable))} disabled={busy} autoFocus>Turn off read-only and save</button>
          <button type="button" onClick={() => (setConfirmWritable(null), set('readOnly', true))} disabled={busy}>Keep read-only</button>
        </div>
      )}
      {onDelete && confirmDelete && (
        <div className="confirm" role="alertdialog" aria-label="Confirm delete">
          <p>Delete profile “{initial.name}” and its token in the OS keychain? This cannot be undone.</p>
          <button type="button" className="danger" onClick={() => void onDelete()} disabled={busy} autoFocus>Delete profile</button>
          <button type="button" onClick={() => setConfirmDelete(false)} disabled={busy}>Keep it</button>
        </div>
      )}
    </form>
  );
}

// The edit form's user fields: the common attributes plus the enterprise extension's department
// and manager. Controlled by the parent (EditPanel), which keeps the state.

import { useId } from 'react';
import type { EmailField, UserFields } from './form';

/** A text field; `fixed` (why the vendor never changes it) greys it out and says so. */
function Text({ label, value, onChange, fixed }: { label: string; value: string; onChange: (v: string) => void; fixed?: string | undefined }) {
  const id = useId();
  if (fixed === undefined) {
    return (
      <label>
        {label}
        <input type="text" value={value} onChange={(e) => onChange(e.target.value)} />
      </label>
    );
  }
  // The reason is its description, not part of its name.
  return (
    <div className="fixed-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} disabled aria-describedby={`${id}-why`} />
      <small id={`${id}-why`} className="muted" data-testid={`fixed-${label}`}>
        Cannot be changed: {fixed}
      </small>
    </div>
  );
}

export function UserForm({ fields, onChange, fixed = {} }: { fields: UserFields; onChange: (f: UserFields) => void; fixed?: Partial<Record<keyof UserFields, string>> }) {
  const set = <K extends keyof UserFields>(key: K, value: UserFields[K]): void => onChange({ ...fields, [key]: value });
  const setEmail = (i: number, patch: Partial<EmailField>): void =>
    set(
      'emails',
      fields.emails.map((e, j) => (j === i ? { ...e, ...patch } : patch.primary ? { ...e, primary: false } : e)),
    );
  return (
    <fieldset className="form-grid">
      <legend>User</legend>
      <label className="check">
        <input type="checkbox" checked={fields.active} onChange={(e) => set('active', e.target.checked)} /> Active
      </label>
      <Text label="Display name" value={fields.displayName} onChange={(v) => set('displayName', v)} />
      <Text label="Given name" value={fields.givenName} onChange={(v) => set('givenName', v)} />
      <Text label="Middle name" value={fields.middleName} onChange={(v) => set('middleName', v)} />
      <Text label="Family name" value={fields.familyName} onChange={(v) => set('familyName', v)} />
      <Text label="Title" value={fields.title} onChange={(v) => set('title', v)} fixed={fixed.title} />
      <Text label="External id" value={fields.externalId} onChange={(v) => set('externalId', v)} />
      <Text label="Department" value={fields.department} onChange={(v) => set('department', v)} fixed={fixed.department} />
      <Text label="Manager (user id)" value={fields.manager} onChange={(v) => set('manager', v)} fixed={fixed.manager} />
      <div className="emails" role="group" aria-label="Emails">
        {fields.emails.map((email, i) => (
          <div key={i} className="row">
            <input aria-label={`Email ${i + 1}`} type="email" value={email.value} onChange={(e) => setEmail(i, { value: e.target.value })} />
            <input aria-label={`Email ${i + 1} type`} type="text" value={email.type} size={6} onChange={(e) => setEmail(i, { type: e.target.value })} />
            <label className="check">
              <input type="radio" name="primary-email" checked={email.primary} onChange={() => setEmail(i, { primary: true })} /> primary
            </label>
            <button type="button" onClick={() => set('emails', fields.emails.filter((_, j) => j !== i))} aria-label={`Remove email ${i + 1}`}>
              ×
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set('emails', [...fields.emails, { value: '', type: 'work', primary: fields.emails.length === 0 }])}>
          Add email
        </button>
      </div>
    </fieldset>
  );
}

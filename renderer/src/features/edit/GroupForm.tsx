// The edit form's group fields: rename, externalId, add and remove members (by user id).

import { useState } from 'react';
import type { GroupFields } from './form';

export function GroupForm({ fields, onChange }: { fields: GroupFields; onChange: (f: GroupFields) => void }) {
  const [newMember, setNewMember] = useState('');
  const add = (): void => {
    const value = newMember.trim();
    if (value === '' || fields.members.some((m) => m.value === value)) return;
    onChange({ ...fields, members: [...fields.members, { value, display: '' }] });
    setNewMember('');
  };
  return (
    <fieldset className="form-grid">
      <legend>Group</legend>
      <label>
        Display name
        <input type="text" value={fields.displayName} onChange={(e) => onChange({ ...fields, displayName: e.target.value })} />
      </label>
      <label>
        External id
        <input type="text" value={fields.externalId} onChange={(e) => onChange({ ...fields, externalId: e.target.value })} />
      </label>
      <div role="group" aria-label="Members">
        <p>{fields.members.length} member(s)</p>
        <ul className="members">
          {fields.members.map((m) => (
            <li key={m.value}>
              <code>{m.value}</code> {m.display}
              <button type="button" aria-label={`Remove member ${m.display || m.value}`} onClick={() => onChange({ ...fields, members: fields.members.filter((x) => x.value !== m.value) })}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <label>
          Add member (user id)
          <input type="text" value={newMember} onChange={(e) => setNewMember(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())} />
        </label>
        <button type="button" onClick={add}>
          Add member
        </button>
      </div>
    </fieldset>
  );
}

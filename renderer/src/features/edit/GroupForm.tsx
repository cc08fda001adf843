// The edit form's group fields: rename, externalId, remove members, and add them through the
// member picker (who they are, resolved by the core — never a blind id unless insisted on).

import type { InspectorApi } from '../../../../shared/channels';
import type { GroupFields } from './form';
import { MemberPicker } from './MemberPicker';

interface Props {
  fields: GroupFields;
  onChange: (f: GroupFields) => void;
  api: InspectorApi;
  profileId: string;
  activeOnly?: boolean;
}

export function GroupForm({ fields, onChange, api, profileId, activeOnly = false }: Props) {
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
            <li key={m.value} className={m.unresolved ? 'dangling' : undefined}>
              {m.display || <code>{m.value}</code>} {m.display && <code>{m.value}</code>}
              {m.unresolved && <strong className="flag"> resolves to no user</strong>}
              <button type="button" aria-label={`Remove member ${m.display || m.value}`} onClick={() => onChange({ ...fields, members: fields.members.filter((x) => x.value !== m.value) })}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <MemberPicker api={api} profileId={profileId} members={fields.members.map((m) => m.value)} activeOnly={activeOnly} onAdd={(m) => onChange({ ...fields, members: [...fields.members, m] })} />
      </div>
    </fieldset>
  );
}

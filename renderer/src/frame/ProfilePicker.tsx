// A plain profile picker over app.info().profiles, used until the profiles panel
// (renderer/src/profiles, another feature) takes the left column's top.

import type { AppInfo } from '../../../shared/channels';

const DEMO = [{ id: 'sandbox', name: 'Sandbox tenant (demo)', builtIn: true }];

export function ProfilePicker({ info, selectedProfileId, onSelect }: { info: AppInfo | null; selectedProfileId: string; onSelect(id: string): void }) {
  return (
    <label className="profile-picker">
      Profile
      <select value={selectedProfileId} onChange={(e) => onSelect(e.target.value)} aria-label="Profile">
        {(info?.profiles ?? DEMO).map((p) => (
          <option key={p.id} value={p.id}>{p.name}</option>
        ))}
      </select>
    </label>
  );
}

// Saved snapshots as <option>s, named by label, tenant and time rather than bare file names: this
// tenant's first, other tenants' in their own labelled group (listed only when the admin asked).

import type { SnapshotFile } from '../../../../shared/channels/audit';
import { localDateTime, utcDateTime } from '../../frame/DateTime';

export function snapshotLabel(s: SnapshotFile): string {
  const when = localDateTime(s.takenAt ?? s.modifiedAt, false);
  return `${s.label ?? s.name} · ${s.tenant.name} · taken ${when}`;
}

export function SnapshotOptions({ snapshots }: { snapshots: SnapshotFile[] }) {
  const current = snapshots.filter((s) => s.tenant.current);
  const others = snapshots.filter((s) => !s.tenant.current);
  const option = (s: SnapshotFile) => (
    <option key={s.name} value={s.name} title={utcDateTime(s.takenAt ?? s.modifiedAt)}>
      {snapshotLabel(s)}
    </option>
  );
  return (
    <>
      {current.length > 0 && <optgroup label="Snapshots of this tenant">{current.map(option)}</optgroup>}
      {others.length > 0 && <optgroup label="Snapshots of other tenants">{others.map(option)}</optgroup>}
    </>
  );
}

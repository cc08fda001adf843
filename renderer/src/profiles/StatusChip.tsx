// The per-profile status chip: connected / token missing / 401 / failed / not tested.

import type { ProfileStatus } from '../../../shared/channels/profiles';

const LABELS: Record<ProfileStatus, string> = {
  connected: 'Connected',
  'token-missing': 'Token missing',
  unauthorized: '401 Unauthorized',
  failed: 'Failed',
  unknown: 'Not tested',
};

export function statusLabel(status: ProfileStatus): string {
  return LABELS[status];
}

export function StatusChip({ status, detail }: { status: ProfileStatus; detail?: string | null }) {
  return (
    <span className={`chip chip-${status}`} data-status={status} title={detail ?? LABELS[status]}>
      {LABELS[status]}
    </span>
  );
}

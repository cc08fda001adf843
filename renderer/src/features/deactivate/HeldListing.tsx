// The session's verified-complete listing of users that values were matched in (issue 13): its
// size and its age, and a refresh on demand. One listing serves every later lookup of the session
// until a write drops it, so a listing minutes old may miss a user created since: refreshing takes
// a new one and makes the plan again over it.

import { useEffect, useState } from 'react';
import type { InspectorApi } from '../../../../shared/channels';
import type { AppError } from '../../../../shared/errors';
import type { ListingInfo } from '../../../../shared/resolve';
import { ErrorNote } from '../edit/ui-common';
import { DateTime } from '../../frame/DateTime';

/** "less than a minute", "4 minutes", "2 hours 5 minutes". */
export function ageText(takenAt: string, now: number): string {
  const minutes = Math.floor(Math.max(0, now - Date.parse(takenAt)) / 60_000);
  if (minutes < 1) return 'less than a minute';
  const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes < 60) return plural(minutes, 'minute');
  const rest = minutes % 60;
  return `${plural(Math.floor(minutes / 60), 'hour')}${rest > 0 ? ` ${plural(rest, 'minute')}` : ''}`;
}

interface Props {
  api: InspectorApi;
  profileId: string;
  /** Changes when a new plan arrives: the held listing is read again then. */
  stamp: string;
  /** Called after a fresh listing was taken (the caller plans again). */
  onRefreshed(): void;
  disabled?: boolean;
}

export function HeldListing({ api, profileId, stamp, onRefreshed, disabled = false }: Props) {
  const [held, setHeld] = useState<ListingInfo | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    void api.resolve.listings({ profileId }).then((r) => {
      if (!live) return;
      setHeld(r.ok ? r.value.Users : null);
      setNow(Date.now());
    });
    return () => {
      live = false;
    };
  }, [api, profileId, stamp]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  if (!held && !error) return null;
  const refresh = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const r = await api.resolve.refresh({ profileId, kind: 'Users', operationId: undefined });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setHeld(r.value);
    setNow(Date.now());
    onRefreshed();
  };
  return (
    <div className="held-listing" data-testid="held-listing">
      {held && (
        <p>
          Values the server&apos;s filters could not prove were matched in a complete listing of {held.size} users taken{' '}
          <DateTime iso={held.takenAt} /> ({ageText(held.takenAt, now)} old).{' '}
          <button type="button" onClick={() => void refresh()} disabled={busy || disabled}>
            {busy ? 'Listing every user…' : 'Refresh the listing and plan again'}
          </button>
        </p>
      )}
      <ErrorNote error={error} />
    </div>
  );
}

// The open tenant's limits (limits.get: the vendor's documentation and what discovery saw), asked
// for once per profile and kept in its page store, for the navigation, the capabilities page and
// the edit and create forms.

import { useEffect } from 'react';
import type { InspectorApi } from '../../../shared/channels';
import type { TenantLimits } from '../../../shared/limits';
import { usePageState } from './pages';

export function useLimits(api: InspectorApi, profileId: string): TenantLimits | null {
  const [limits, setLimits] = usePageState<TenantLimits | null>('limits', null);
  const [asked, setAsked] = usePageState('limits:asked', false);
  useEffect(() => {
    if (asked) return;
    // The store's value, not this render's: every component mounted in the same pass (navigation,
    // table, detail pane) runs this effect before any re-render, and only the first one asks.
    let first = false;
    setAsked((was) => ((first = !was), true));
    if (!first) return;
    void api.limits.get({ profileId }).then((r) => {
      if (r.ok) setLimits(r.value);
    });
  }, [api, profileId, asked]);
  return limits;
}

/** Whether this tenant has no groups (false while the limits are not known yet). */
export function noGroups(limits: TenantLimits | null): boolean {
  return limits !== null && !limits.groups.available;
}

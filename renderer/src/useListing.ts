// A streamed listing: pages arrive as resources.page events for our listId, the call itself
// resolves with the summary (complete, warnings) or a 'cancelled' error.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListProgress, ResourceKind } from '../../shared/scim';
import type { AppError } from '../../shared/errors';
import type { InspectorApi, ListSummary } from '../../shared/channels';

export interface ListingState {
  running: boolean;
  loaded: number;
  progress: ListProgress | null;
  summary: ListSummary | null;
  error: AppError | null;
}

const IDLE: ListingState = { running: false, loaded: 0, progress: null, summary: null, error: null };

export function useListing(api: InspectorApi, profileId: string) {
  const [state, setState] = useState<ListingState>(IDLE);
  const listId = useRef<string | null>(null);

  useEffect(
    () =>
      api.events.on('resources.page', (page) => {
        if (page.listId !== listId.current) return;
        setState((s) => ({ ...s, loaded: s.loaded + page.resources.length, progress: page.progress }));
      }),
    [api],
  );

  const start = useCallback(
    async (kind: ResourceKind) => {
      const id = `list-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      listId.current = id;
      setState({ ...IDLE, running: true });
      const result = await api.resources.list({ profileId, kind, listId: id, filter: undefined, limit: undefined });
      setState((s) => (result.ok ? { ...s, running: false, summary: result.value } : { ...s, running: false, error: result.error }));
    },
    [api, profileId],
  );

  const cancel = useCallback(async () => {
    if (listId.current) await api.resources.cancel({ listId: listId.current });
  }, [api]);

  return { state, start, cancel };
}

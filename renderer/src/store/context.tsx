// React access to the per-profile stores: one ExplorerStore and one UI store per open profile,
// handed down by context so the components (and their tests) get exactly one pair.

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { InspectorApi } from '../../../shared/channels';
import type { ExplorerState, ExplorerStore } from './explorer';
import type { PageStore } from './pages';
import type { UiState } from './ui';
import type { StoreApi } from 'zustand/vanilla';

export interface ProfileScope {
  api: InspectorApi;
  profileId: string;
  readOnly: boolean;
  explorer: ExplorerStore;
  ui: StoreApi<UiState>;
  /** Each page's working state (usePageState); absent in tests that render one view alone. */
  pages?: PageStore;
}

export const ScopeContext = createContext<ProfileScope | null>(null);

export function useScope(): ProfileScope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('useScope() outside a profile scope: wrap the view in <ScopeContext.Provider>.');
  return scope;
}

export function useExplorer<T>(select: (s: ExplorerState) => T): T {
  return useStore(useScope().explorer, select);
}

export function useUi<T>(select: (s: UiState) => T): T {
  return useStore(useScope().ui, select);
}

// The stores of every profile opened in this window, kept while the window lives: switching to
// another profile and back finds its tables, its history and its pages' state as they were (its
// listings keep streaming meanwhile). A profile whose URL or token changed starts over: main
// dropped its session, so what the old connection gave must not be shown as current.

import { useEffect, useRef } from 'react';
import type { InspectorApi } from '../../../shared/channels';
import { createExplorerStore, type ExplorerStore } from './explorer';
import { createPageStore, type PageStore } from './pages';
import { createUiStore, type UiState } from './ui';
import type { StoreApi } from 'zustand/vanilla';

export interface ProfileStores {
  explorer: ExplorerStore;
  ui: StoreApi<UiState>;
  pages: PageStore;
}

export function createProfileStores(api: InspectorApi, profileId: string): ProfileStores {
  return { explorer: createExplorerStore(api, profileId), ui: createUiStore(), pages: createPageStore() };
}

export interface StoreCache {
  get(profileId: string): ProfileStores;
  /** Forgets a profile's stores (its connection changed); the next get starts fresh. */
  drop(profileId: string): void;
}

export function useStoreCache(api: InspectorApi): StoreCache {
  const cache = useRef(new Map<string, ProfileStores>());
  useEffect(() => {
    const stores = cache.current;
    // Re-attach after StrictMode's trial unmount; detach (cancelling listings) when the window goes.
    for (const s of stores.values()) s.explorer.attach();
    return () => {
      for (const s of stores.values()) s.explorer.detach();
    };
  }, []);
  const ref = useRef<StoreCache | null>(null);
  ref.current ??= {
    get(profileId) {
      let stores = cache.current.get(profileId);
      if (!stores) {
        stores = createProfileStores(api, profileId);
        cache.current.set(profileId, stores);
      }
      return stores;
    },
    drop(profileId) {
      cache.current.get(profileId)?.explorer.detach();
      cache.current.delete(profileId);
    },
  };
  return ref.current;
}

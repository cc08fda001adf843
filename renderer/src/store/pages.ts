// Each page's working state for one tenant (the audit result, the chosen IdP file, the pasted list
// and its plan, the open selection action...), kept in a store that outlives the page: going to a
// user, to another page or to another profile and back finds it as it was. Feature pages use
// usePageState exactly like useState, with a key; without a provider (a page rendered on its own
// in a test) the state is the component's own.

import { createContext, useCallback, useContext, useRef, type Dispatch, type SetStateAction } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface PageState {
  values: Map<string, unknown>;
  set(key: string, value: unknown): void;
  /** Forgets the keys starting with prefix (a flow started over with new inputs). */
  clear(prefix: string): void;
}

export type PageStore = StoreApi<PageState>;

export function createPageStore(): PageStore {
  return createStore<PageState>()((set, get) => ({
    values: new Map(),
    set: (key, value) => {
      if (get().values.get(key) === value) return;
      set({ values: new Map(get().values).set(key, value) });
    },
    clear: (prefix) => {
      const values = new Map([...get().values].filter(([k]) => !k.startsWith(prefix)));
      if (values.size !== get().values.size) set({ values });
    },
  }));
}

export const PageStateContext = createContext<PageStore | null>(null);

/** The page store of the open profile (for code outside a component that needs to reset state). */
export function usePageStore(): PageStore | null {
  return useContext(PageStateContext);
}

/** useState whose value lives in the profile's page store under `key`. */
export function usePageState<T>(key: string, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const shared = useContext(PageStateContext);
  const own = useRef<PageStore | null>(null);
  const store = shared ?? (own.current ??= createPageStore());
  // The first value is put in place without a notification, so the selector below always finds
  // the stored value and returns the same reference between renders.
  const { values } = store.getState();
  if (!values.has(key)) values.set(key, typeof initial === 'function' ? (initial as () => T)() : initial);
  const value = useStore(store, (s) => s.values.get(key)) as T;
  const setValue = useCallback<Dispatch<SetStateAction<T>>>(
    (next) => {
      const current = store.getState().values.get(key) as T;
      store.getState().set(key, typeof next === 'function' ? (next as (prev: T) => T)(current) : next);
    },
    [store, key],
  );
  return [value, setValue];
}

// App settings (window state, UI prefs) in electron-store. Profiles and tokens are not here: they
// belong to the profiles store and the OS keychain.

import Store from 'electron-store';

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export interface AppSettings {
  windowState: WindowState;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

/** A stored window state, or the default when the file holds something else (hand-edited, old). */
export function validWindowState(value: unknown): WindowState {
  if (typeof value !== 'object' || value === null) return DEFAULT_WINDOW_STATE;
  const v = value as Record<string, unknown>;
  const size = (n: unknown, min: number): n is number => typeof n === 'number' && Number.isFinite(n) && n >= min && n <= 20_000;
  const pos = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= 50_000;
  if (!size(v.width, 400) || !size(v.height, 300)) return DEFAULT_WINDOW_STATE;
  return {
    width: Math.round(v.width),
    height: Math.round(v.height),
    ...(pos(v.x) && pos(v.y) ? { x: Math.round(v.x), y: Math.round(v.y) } : {}),
    maximized: v.maximized === true,
  };
}

export interface SettingsStore {
  windowState(): WindowState;
  saveWindowState(state: WindowState): void;
}

export function openSettings(): SettingsStore {
  const store = new Store<AppSettings>({ name: 'settings', defaults: { windowState: DEFAULT_WINDOW_STATE } });
  return {
    windowState: () => validWindowState(store.get('windowState')),
    saveWindowState: (state) => store.set('windowState', validWindowState(state)),
  };
}

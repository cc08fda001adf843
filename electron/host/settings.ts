// App settings (window state, UI prefs) in electron-store. Profiles and tokens are not here: they
// belong to the profiles store and the OS keychain.

import Store from 'electron-store';
import { DEFAULT_WINDOW_STATE, validWindowState, type WindowState } from './window-state';

export { DEFAULT_WINDOW_STATE, validWindowState, type WindowState } from './window-state';

interface AppSettings {
  windowState: WindowState;
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

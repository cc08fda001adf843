// Where profiles live: the app's user-data directory, the same one Electron's app.getPath('userData')
// gives the desktop app, so the CLI (conf) and the app (electron-store) share one profiles.json.
// SCIM_INSPECTOR_HOME overrides it (tests, portable use).

import { homedir } from 'node:os';
import { join } from 'node:path';

/** Directory name under the OS's app-data folder; the desktop shell must use the same name. */
export const APP_DIR_NAME = 'SCIM Inspector';
/** File name (without .json) for conf's `configName` and electron-store's `name`. */
export const PROFILES_CONFIG_NAME = 'profiles';
export const PROFILES_FILE_NAME = `${PROFILES_CONFIG_NAME}.json`;

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env.SCIM_INSPECTOR_HOME?.trim();
  if (override) return override;
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME?.trim() || join(home, '.config'), APP_DIR_NAME);
}

// The main window and the global web-contents rules: isolated, sandboxed, no Node, webSecurity on,
// navigation and window.open denied everywhere (Desktop's main.ts), links out only via links.ts.

import { BrowserWindow, app, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './ipc';
import { openExternalLink } from './links';
import type { SettingsStore } from './settings';

/** The app needs no web permission (camera, notifications, ...): deny every request and check. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** One handler for every web contents the app ever creates, including ones we did not expect. */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalLink(shell, url);
      return { action: 'deny' };
    });
  });
}

export function createMainWindow(settings: SettingsStore, preloadPath = join(__dirname, 'preload.cjs')): BrowserWindow {
  const state = settings.windowState();
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'SCIM Inspector',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const remember = (): void => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const bounds = win.getNormalBounds();
    settings.saveWindowState({ ...bounds, maximized: win.isMaximized() });
  };
  win.on('close', remember);
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

// Electron main: single instance, OS theme, the app:// renderer, one IPC registration from the
// channel map, pushes to the one window. All behaviour lives in electron/core/app.

import { app, BrowserWindow, dialog, ipcMain, nativeTheme } from 'electron';
import ElectronStore from 'electron-store';
import { writePrivateFile } from './core/io/private-files';
import { basename, join } from 'node:path';
import { coreFunctions, createAppContext, savedProfiles, type SaveFileRequest } from './core/app/index';
import type { OpenFileRequest, SavePathRequest } from './core/app/context';
import { createProfileStore, PROFILES_CONFIG_NAME, userDataDir } from './core/profiles/index';
import { createKeytarVault } from './core/vault/index';
import { registerChannelHandlers, windowEmitter } from './host/ipc';
import { installMenu } from './host/menu';
import { registerAppScheme, serveRenderer } from './host/protocol';
import { openSettings } from './host/settings';
import { createMainWindow, denyAllPermissions, lockDownWebContents } from './host/window';

let mainWindow: BrowserWindow | null = null;

/** The save dialog in main: the admin picks the path, never the renderer. */
async function chooseSavePath(request: SavePathRequest): Promise<string | null> {
  const options = {
    defaultPath: join(app.getPath('downloads'), basename(request.suggestedName)),
    filters: [{ name: request.description, extensions: request.extensions }],
  };
  const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}

/** The open dialog in main: the admin picks the file, main reads it; the renderer never names it. */
async function chooseOpenPath(request: OpenFileRequest): Promise<string | null> {
  const options = { title: request.title, properties: ['openFile' as const], filters: [{ name: request.description, extensions: request.extensions }, { name: 'All files', extensions: ['*'] }] };
  const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return choice.canceled || !choice.filePaths[0] ? null : choice.filePaths[0];
}

async function saveWithDialog(request: SaveFileRequest): Promise<{ saved: boolean; path: string | null }> {
  const path = await chooseSavePath(request);
  if (path === null) return { saved: false, path: null };
  await writePrivateFile(path, request.content);
  return { saved: true, path };
}

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  registerAppScheme();
  lockDownWebContents();

  const ctx = createAppContext({
    mode: 'electron',
    version: app.getVersion(),
    emit: windowEmitter(() => mainWindow?.webContents ?? null),
    saveFile: saveWithDialog,
    choosePath: chooseSavePath,
    chooseOpenFile: chooseOpenPath,
    // Same profiles.json (electron-store here, conf in the CLI and browser mode) and keychain
    // entries as the CLI; tokens are read per request in main and never sent to the window.
    profiles: savedProfiles(
      createProfileStore({
        dir: userDataDir(),
        createBackend: (dir) => new ElectronStore<Record<string, unknown>>({ name: PROFILES_CONFIG_NAME, cwd: dir, configFileMode: 0o600 }),
      }),
      createKeytarVault(),
    ),
  });

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    nativeTheme.themeSource = 'system';
    denyAllPermissions();
    serveRenderer(join(app.getAppPath(), 'dist'));
    installMenu(process.platform, app.isPackaged);
    registerChannelHandlers(ipcMain, coreFunctions, ctx);
    const settings = openSettings();
    const open = (): void => {
      mainWindow = createMainWindow(settings);
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
    };
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Stop the sandbox tenant and the SCIM pools before the process goes.
    event.preventDefault();
    closed = true;
    void ctx.close().finally(() => app.quit());
  });
}

start();

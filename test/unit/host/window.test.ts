// The window's security settings and the global web-contents rules (navigation, new windows,
// webviews, permissions) as the host asks Electron for them.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, resetElectronMock, session, shell } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));
const { createMainWindow, denyAllPermissions, lockDownWebContents } = await import('../../../electron/host/window');

beforeEach(() => resetElectronMock());

const settings = () => {
  const saved: unknown[] = [];
  return { saved, store: { windowState: () => ({ width: 1000, height: 650, x: 1, y: 2, maximized: false }), saveWindowState: (s: unknown) => saved.push(s) } };
};

describe('main window', () => {
  it('is isolated, sandboxed, without Node, with web security, and loads the app origin', () => {
    const { store } = settings();
    createMainWindow(store, '/app/preload.cjs');
    const win = BrowserWindow.created[0];
    expect(win?.options).toMatchObject({ width: 1000, height: 650, x: 1, y: 2 });
    expect(win?.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(win?.loadedUrl).toBe('app://renderer/index.html');
  });

  it('remembers its bounds when it closes', () => {
    const { store, saved } = settings();
    createMainWindow(store, '/p.cjs');
    BrowserWindow.created[0]?.listeners.get('close')?.();
    expect(saved).toEqual([{ x: 5, y: 6, width: 1100, height: 700, maximized: false }]);
  });
});

describe('global web-contents rules', () => {
  function createdContents() {
    lockDownWebContents();
    const [event, listener] = app.on.mock.calls[0] as [string, (e: unknown, c: unknown) => void];
    expect(event).toBe('web-contents-created');
    const on = new Map<string, (e: { preventDefault: () => void }) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    listener({}, { on: (name: string, fn: (e: { preventDefault: () => void }) => void) => on.set(name, fn), setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn) });
    return { on, open: (url: string) => openHandler?.({ url }) };
  }

  it('prevents navigation, redirects and webviews in every web contents', () => {
    const { on } = createdContents();
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      on.get(name)?.({ preventDefault });
      expect(preventDefault, name).toHaveBeenCalled();
    }
  });

  it('denies every new window and hands only https links to the OS browser', () => {
    const { open } = createdContents();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(open('https://example.com/help')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/help');
    warn.mockRestore();
  });

  it('denies every permission request and check', () => {
    denyAllPermissions();
    const request = session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    const callback = vi.fn();
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const check = session.defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean;
    expect(check()).toBe(false);
  });
});

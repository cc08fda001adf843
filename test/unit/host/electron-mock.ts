// The ONE electron mock for host unit tests (Fiddle's tests/setup.ts habit). Tests use
//   vi.mock('electron', () => import('./electron-mock'))
// and inspect the recorded handlers and calls below. Only the Electron binary is faked: the core
// behind the handlers is real.

import { vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const handlers = new Map<string, Handler>();

export const ipcMain = {
  handle: vi.fn((channel: string, handler: Handler) => {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    handlers.delete(channel);
  }),
};

/** Calls a registered handler the way Electron would, from a frame at `url`. */
export async function invokeFrom(channel: string, input: unknown, frame: { url: string; parent: unknown } | null): Promise<unknown> {
  const handler = handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ senderFrame: frame }, input);
}

export const ipcRenderer = {
  invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
  on: vi.fn(),
  removeListener: vi.fn(),
};

export const exposed = new Map<string, unknown>();
export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    exposed.set(key, api);
  }),
};

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const app = {
  on: vi.fn(),
  getVersion: () => '0.0.0-test',
  getPath: () => '/tmp',
  getAppPath: () => '/tmp',
  isPackaged: false,
  requestSingleInstanceLock: () => true,
  whenReady: () => new Promise<void>(() => undefined),
  enableSandbox: vi.fn(),
  quit: vi.fn(),
};

export const Menu = { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() };
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
export const session = { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } };
export const dialog = { showSaveDialog: vi.fn() };
export const nativeTheme = { themeSource: 'system' };
/** Records what the host asked of each window; methods do nothing. */
export class BrowserWindow {
  static created: BrowserWindow[] = [];
  static getAllWindows = (): BrowserWindow[] => BrowserWindow.created;
  readonly listeners = new Map<string, (...args: unknown[]) => void>();
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    BrowserWindow.created.push(this);
  }
  once(event: string, listener: (...args: unknown[]) => void): void {
    this.listeners.set(event, listener);
  }
  on(event: string, listener: (...args: unknown[]) => void): void {
    this.listeners.set(event, listener);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize(): void {}
  show(): void {}
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return false;
  }
  getNormalBounds() {
    return { x: 5, y: 6, width: 1100, height: 700 };
  }
}

export function resetElectronMock(): void {
  handlers.clear();
  exposed.clear();
  BrowserWindow.created = [];
  vi.clearAllMocks();
}

export default { ipcMain, ipcRenderer, contextBridge, shell, app, Menu, protocol, session, dialog, nativeTheme, BrowserWindow };

// Small host pieces: the https-only link helper, the menu, window-state validation, the CSP and
// the channel request validators.
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/channels';
import { contentSecurityPolicy } from '../../../electron/host/csp';
import { isSafeExternalUrl, openExternalLink } from '../../../electron/host/links';

vi.mock('electron', () => import('./electron-mock'));
const { menuTemplate } = await import('../../../electron/host/menu');
const { validWindowState, DEFAULT_WINDOW_STATE } = await import('../../../electron/host/window-state');

describe('openExternalLink', () => {
  it('opens https links only, never other schemes or URLs with credentials', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await openExternalLink(shell, 'https://example.com/docs')).toBe(true);
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com', 'not a url']) {
      expect(isSafeExternalUrl(url)).toBe(false);
      expect(await openExternalLink(shell, url)).toBe(false);
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});

describe('menu', () => {
  it('uses the standard roles, adds the app menu on macOS and hides devtools when packaged', () => {
    const roles = (t: ReturnType<typeof menuTemplate>) => JSON.stringify(t);
    expect(roles(menuTemplate('darwin', false))).toContain('"appMenu"');
    expect(roles(menuTemplate('linux', false))).not.toContain('"appMenu"');
    for (const role of ['fileMenu', 'editMenu', 'windowMenu', 'reload', 'togglefullscreen']) expect(roles(menuTemplate('linux', true))).toContain(`"${role}"`);
    expect(roles(menuTemplate('linux', false))).toContain('toggleDevTools');
    expect(roles(menuTemplate('linux', true))).not.toContain('toggleDevTools');
  });
});

describe('window state', () => {
  it('keeps a sane stored state and falls back to the default for junk', () => {
    expect(validWindowState({ width: 1000.4, height: 700, x: 10, y: 20, maximized: true })).toEqual({ width: 1000, height: 700, x: 10, y: 20, maximized: true });
    expect(validWindowState({ width: 1000, height: 700, x: 'a' })).toEqual({ width: 1000, height: 700, maximized: false });
    for (const junk of [null, 'x', { width: 10, height: 700 }, { width: Infinity, height: 700 }, { width: 900 }]) expect(validWindowState(junk)).toBe(DEFAULT_WINDOW_STATE);
  });
});

describe('content security policy', () => {
  it('gives Electron no network at all and browser mode only its own origin', () => {
    expect(contentSecurityPolicy('electron')).toContain("connect-src 'none'");
    expect(contentSecurityPolicy('browser')).toContain("connect-src 'self'");
    for (const mode of ['electron', 'browser'] as const) {
      const csp = contentSecurityPolicy(mode);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/unsafe-(eval|inline)|https?:/);
    }
  });
});

describe('channel validators', () => {
  it('accept valid requests and reject wrong shapes with the field named', () => {
    expect(CHANNELS['resources.list'].parse({ profileId: 'p', listId: 'a-1', kind: 'Groups', limit: 5 })).toEqual({ profileId: 'p', listId: 'a-1', kind: 'Groups', filter: undefined, limit: 5, pages: 'resources' });
    expect(CHANNELS['resources.list'].parse({ profileId: 'p', listId: 'a' }).kind).toBe('Users');
    expect(CHANNELS['resources.list'].parse({ profileId: 'p', listId: 'a', pages: 'rows' }).pages).toBe('rows');
    expect(() => CHANNELS['resources.list'].parse({ profileId: 'p', listId: 'a', pages: 'all' })).toThrow(/pages/);
    expect(() => CHANNELS['resources.list'].parse({ profileId: 'p', listId: '../x' })).toThrow(/listId/);
    expect(() => CHANNELS['resources.list'].parse({ profileId: 'p', listId: 'a', limit: 1.5 })).toThrow(/limit/);
    expect(() => CHANNELS['sandbox.start'].parse({ vendor: 'okta' })).toThrow(/vendor/);
    expect(() => CHANNELS['app.info'].parse({ sneaky: true })).toThrow(/no request data/);
    expect(() => CHANNELS['connection.discover'].parse('sandbox')).toThrow(/must be an object/);
  });
});

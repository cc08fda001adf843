// The desktop window through Playwright's _electron. It needs Electron's binary, which cannot be
// downloaded on these build machines. The spec never skips on its own: only when
// SCIM_INSPECTOR_NO_ELECTRON says why (test/support/e2e.sh sets it when the binary is missing, and
// .ci/run does), and it fails when that variable is set but the binary is there. Each run gets its
// own user-data dir so specs stay independent; the checks of the window are the ones app.spec.ts
// makes in chromium (app-checks.ts), so the two cannot drift apart.
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { DEFAULT_USERS } from '../../electron/core/sandbox';
import { expectUsersListed } from './app-checks';

export const NO_ELECTRON_ENV = 'SCIM_INSPECTOR_NO_ELECTRON';

const root = join(import.meta.dirname, '../..');

function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null; // the npm package throws when its binary was never downloaded
  }
}

const binary = electronBinary();
const declaredAbsent = process.env[NO_ELECTRON_ENV];

test.describe('desktop window', () => {
  test.skip(declaredAbsent !== undefined && binary === null, `${NO_ELECTRON_ENV}: ${declaredAbsent ?? ''}`);

  test('opens a sandboxed, isolated window that lists the sandbox tenant', async () => {
    expect(declaredAbsent, `${NO_ELECTRON_ENV} says Electron is absent ("${declaredAbsent ?? ''}") but its binary is at ${binary ?? ''}: unset it so this spec runs`).toBeUndefined();
    if (binary === null) throw new Error(`Electron's binary is not installed (node_modules/electron has none). Install it, or set ${NO_ELECTRON_ENV}=<why> to skip this spec on purpose (npm test does that by itself).`);
    const userData = mkdtempSync(join(tmpdir(), 'scim-inspector-e2e-electron-'));
    const app = await electron.launch({ executablePath: binary, args: [root, `--user-data-dir=${userData}`], cwd: root, env: { ...process.env, SCIM_INSPECTOR_HOME: userData } as Record<string, string> });
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('mode')).toContainText('electron');
      const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL() ?? null);
      expect(url).toBe('app://renderer/index.html');
      // No Node in the page, and the bridge offers feature methods, not a generic invoke.
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      const bridge = await window.evaluate(() => Object.keys((window as unknown as { scimInspector: object }).scimInspector).sort());
      expect(bridge).toContain('resources');
      expect(bridge).not.toContain('invoke');
      await expectUsersListed(window, DEFAULT_USERS);
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});

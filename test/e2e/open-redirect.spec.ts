// The redirect file `serve` opens (so the secret stays out of the opener's command line) takes real
// chromium from file:// to browser mode with its secret, and the app starts signed in.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { redirectPage } from '../../electron/host/open-browser';
import { startWebHost, type WebHost } from '../../electron/host/web';

let host: WebHost;
let home: string;

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'scim-open-redirect-e2e-'));
  host = await startWebHost({ rendererDir: join(import.meta.dirname, '../../dist'), sandboxUsers: 5, open: false, savedProfiles: false, dataDir: home, exportDir: join(home, 'exports') });
});

test.afterAll(async () => {
  await host?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

test('the redirect file opens the app with its secret', async ({ page }) => {
  const file = join(home, 'open.html');
  writeFileSync(file, redirectPage(host.url), { mode: 0o600 });
  await page.goto(pathToFileURL(file).href);
  await expect(page).toHaveURL(`${host.origin}/`);
  await expect(page.getByTestId('row-count')).toHaveText(/^5 users/, { timeout: 20_000 });
});

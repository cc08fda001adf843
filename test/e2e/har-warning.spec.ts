// Before a HAR export the page warns that the file holds every user's personal data; cancelling
// writes nothing, confirming writes a file readable only by its owner.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHost, type WebHost } from '../../electron/host/web';

let host: WebHost;
let home: string;

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'scim-har-warning-e2e-'));
  host = await startWebHost({ rendererDir: join(import.meta.dirname, '../../dist'), sandboxUsers: 20, open: false, savedProfiles: false, dataDir: home, exportDir: join(home, 'exports') });
});

test.afterAll(async () => {
  await host?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

test('HAR export warns about personal data first; cancel writes nothing, confirm writes a private file', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('row-count')).toHaveText(/^20 users/, { timeout: 20_000 });
  await page.getByRole('navigation').getByRole('button', { name: 'Request log' }).click();
  await page.getByRole('button', { name: 'Export HAR' }).click();
  const warning = page.getByRole('alertdialog', { name: 'Export HAR?' });
  await expect(warning).toContainText('personal data of every user');
  await warning.getByRole('button', { name: 'Cancel' }).click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByTestId('saved')).toHaveCount(0);

  await page.getByRole('button', { name: 'Export HAR' }).click();
  await page.getByRole('alertdialog', { name: 'Export HAR?' }).getByRole('button', { name: 'Save HAR' }).click();
  await expect(page.getByTestId('saved')).toContainText('HAR saved to');
  const [file] = readdirSync(join(home, 'exports'));
  expect(statSync(join(home, 'exports', file ?? '')).mode & 0o777).toBe(0o600);
});

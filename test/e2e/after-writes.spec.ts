// State that stays true after writes, in real chromium (browser mode) on its own sandbox tenant: a
// verified title edit shows at once in the grid row, the detail pane's structured view and its raw
// JSON while the "verified" outcome stays in view; a deactivation run's users read inactive in the
// grid and in the detail pane — all without a reload.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startWebHost, type WebHost } from '../../electron/host/web';

let host: WebHost;
let home: string;

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'scim-after-writes-e2e-'));
  host = await startWebHost({ rendererDir: join(import.meta.dirname, '../../dist'), sandboxUsers: 50, open: false, savedProfiles: false, dataDir: home, exportDir: join(home, 'exports') });
});

test.afterAll(async () => {
  await host?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

/** The grid row of a user, found by its userName cell (the grid is virtualised; 50 rows fit). */
function rowOf(page: Page, userName: string): Locator {
  return page.locator('.grid-body [role="row"]').filter({ has: page.locator('[role="gridcell"]', { hasText: new RegExp(`^${userName.replace(/[.+]/g, '\\$&')}$`) }) });
}

async function open(page: Page): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByTestId('summary-Users')).toHaveText(/^50 users · complete/, { timeout: 30_000 });
}

test('a verified edit shows in the grid row, the structured view and the raw JSON at once', async ({ page }) => {
  await open(page);
  const row = page.locator('.grid-body [role="row"]').nth(4);
  const userName = (await row.locator('[role="gridcell"]').nth(1).textContent()) ?? '';
  await row.click();
  const detail = page.getByTestId('detail');
  await detail.getByRole('button', { name: 'Edit', exact: true }).click();
  await detail.getByLabel('Title', { exact: true }).fill('After Write Title');
  await detail.getByRole('button', { name: 'Preview', exact: true }).click();
  await detail.getByRole('button', { name: 'Confirm and send PATCH' }).click();

  const verified = detail.getByTestId('verified');
  await expect(verified).toContainText('verified');
  await expect(verified).toBeInViewport();
  await expect(rowOf(page, userName)).toContainText('After Write Title');
  await expect(detail.getByRole('region', { name: 'Core attributes' })).toContainText('After Write Title');
  await expect(detail.getByTestId('raw-json')).toContainText('"title": "After Write Title"');
  // The edit panel is still open with its outcome: the store update did not reset the pane.
  await expect(verified).toBeVisible();
});

test('a deactivation shows in the grid and the detail pane without a reload', async ({ page }) => {
  await open(page);
  const activeRows = page.locator('.grid-body [role="row"]').filter({ has: page.locator('[role="gridcell"] .state-active') });
  const names: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    const row = activeRows.nth(i);
    names.push((await row.locator('[role="gridcell"]').nth(1).textContent()) ?? '');
  }
  for (const name of names) await rowOf(page, name).getByRole('checkbox').check();
  const toolbar = page.getByRole('toolbar', { name: 'Selected users' });
  await toolbar.getByRole('button', { name: 'Deactivate', exact: true }).click();
  await toolbar.getByRole('button', { name: 'Dry run (2)' }).click();
  await page.getByLabel('Type 2 to deactivate 2 users').fill('2');
  await page.getByRole('button', { name: 'Deactivate 2 users' }).click();
  await expect(page.getByTestId('run-summary').first()).toHaveText(/^2 deactivated, 0 failed/);

  for (const name of names) await expect(rowOf(page, name).locator('[role="gridcell"]').filter({ hasText: /^. (Active|Inactive)$/ })).toHaveText('○ Inactive');
  await rowOf(page, names[0] ?? '').click();
  await expect(page.getByTestId('detail').getByTestId('raw-json')).toContainText('"active": false');
});

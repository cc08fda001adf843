// Deactivation in real chromium (browser mode) on its own sandbox tenant and data folder: select
// three active users in the table → dry run → typed count → results → undo; and a pasted list that
// is malformed CSV is rejected with its line number before anything is planned.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHost, type WebHost } from '../../electron/host/web';

let host: WebHost;
let home: string;

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'scim-deactivate-e2e-'));
  host = await startWebHost({ rendererDir: join(import.meta.dirname, '../../dist'), sandboxUsers: 60, open: false, savedProfiles: false, dataDir: home, exportDir: join(home, 'exports') });
});

test.afterAll(async () => {
  await host?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

test('select 3 users → dry run → typed confirmation → results → undo', async ({ page }, testInfo) => {
  await page.goto(host.url);
  await expect(page.getByTestId('summary-Users')).toHaveText(/^60 users · complete/, { timeout: 30_000 });
  // Three users that are active now, so all three are targets (inactive ones would be skipped).
  const activeRows = page.locator('.grid-body [role="row"]').filter({ has: page.locator('[role="gridcell"] .state-active') });
  for (let i = 0; i < 3; i += 1) await activeRows.nth(i).getByRole('checkbox').check();
  const toolbar = page.getByRole('toolbar', { name: 'Selected users' });
  await expect(toolbar.getByTestId('selected-count')).toHaveText('3 selected');
  await toolbar.getByRole('button', { name: 'Deactivate', exact: true }).click();
  await toolbar.getByRole('button', { name: 'Dry run (3)' }).click();

  await expect(page.getByTestId('plan-summary')).toContainText('3 to deactivate (PATCH)');
  await expect(page.getByTestId('plan').locator('tr[data-status="target"]')).toHaveCount(3);
  await expect(page.getByTestId('plan')).toContainText(/PATCH http:\/\/127\.0\.0\.1:\d+\/.*\/Users\//);
  expect(readdirSync(home).includes('journals')).toBe(false);
  const confirm = page.getByLabel('Type 3 to deactivate 3 users');
  const go = page.getByRole('button', { name: 'Deactivate 3 users' });
  await expect(go).toBeDisabled();
  await confirm.fill('2');
  await expect(go).toBeDisabled();
  await confirm.fill('3');
  await go.click();

  await expect(page.getByTestId('run-summary').first()).toHaveText(/^3 deactivated, 0 failed/);
  await testInfo.attach('deactivation-results', { body: await page.screenshot(), contentType: 'image/png' });
  expect(readdirSync(join(home, 'journals')).filter((n) => n.endsWith('.jsonl'))).toHaveLength(1);

  await page.getByRole('button', { name: 'Undo: reactivate (3)' }).click();
  await page.getByLabel('Type 3 to reactivate 3 users').fill('3');
  await page.getByRole('button', { name: 'Reactivate 3 users' }).click();
  await expect(page.getByTestId('run-summary').last()).toHaveText(/^3 reactivated, 0 failed/);
  await expect(page.getByRole('button', { name: 'Undo: reactivate (0)' })).toBeDisabled();
  // The Journal page lists both runs of the journal.
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Journal' }).click();
  const journal = page.getByTestId('run-journal');
  await expect(journal).toHaveCount(1);
  await expect(journal).toContainText('deactivate (PATCH) · 3/3 done, 0 failed');
  await expect(journal).toContainText(/reactivate \(PATCH\) · 3\/3 done/);
});

test('a malformed pasted list is rejected with its line number', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Deactivate' }).click();
  const pageRegion = page.getByRole('region', { name: 'Deactivate users' });
  await pageRegion.getByLabel('List').fill('userName,email\nann,ann@x.test\nbob\ncid,cid@x.test\n');
  await pageRegion.getByRole('button', { name: 'Read list' }).click();
  await expect(page.getByTestId('feature-error')).toContainText(/line 3/);
  await expect(page.getByTestId('plan')).toHaveCount(0);
});

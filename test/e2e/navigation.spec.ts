// Work is not lost on navigation, in real chromium (browser mode) on its own sandbox tenant: a
// user opened from a finding or a dry-run plan shows beside the page instead of leaving it; the
// audit result with its IdP file and the pasted list with its plan survive going to another page
// and back; back/forward walk pages and opened resources with Alt+←/→ and the mouse's side
// buttons, and the browser itself never navigates away.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startWebHost, type WebHost } from '../../electron/host/web';

let host: WebHost;
let home: string;

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'scim-navigation-e2e-'));
  host = await startWebHost({ rendererDir: join(import.meta.dirname, '../../dist'), sandboxUsers: 60, open: false, savedProfiles: false, dataDir: home, exportDir: join(home, 'exports') });
});

test.afterAll(async () => {
  await host?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name, exact: true });
const current = (page: Page) => page.getByRole('navigation', { name: 'Explorer' }).locator('[aria-current="page"]');

/** The mouse's side buttons as Chromium reports them (Playwright can only press left/right/middle). */
async function sideButton(page: Page, button: 3 | 4): Promise<void> {
  await page.evaluate((b) => {
    for (const type of ['mousedown', 'mouseup']) document.body.dispatchEvent(new MouseEvent(type, { button: b, bubbles: true, cancelable: true }));
  }, button);
}

test('the audit result and its IdP file survive opening a user from a finding and another page', async ({ page }) => {
  await page.goto(host.url);
  const url = page.url();
  await nav(page, 'Audit').click();
  const audit = page.getByRole('region', { name: 'Audit' }).last();
  await audit.getByLabel('IdP export (CSV)').setInputFiles({ name: 'idp.csv', mimeType: 'text/csv', buffer: Buffer.from('mail\nnobody@idp.example\n') });
  // The key column is picked from the file's header row (its one column, preset).
  await expect(audit.getByLabel('Key column')).toHaveValue('mail');
  await audit.getByRole('button', { name: 'Run audit' }).click();
  await expect(page.getByTestId('count-users')).toHaveText('60', { timeout: 30_000 });

  // A user from a finding opens beside the audit; the page stays.
  const group = page.getByTestId('findings').locator('details[data-code="not-in-idp"]');
  await group.locator('summary').click();
  const finding = group.getByRole('button', { name: /^User / }).first();
  const id = ((await finding.textContent()) ?? '').replace(/^User /, '').trim();
  await finding.click();
  await expect(page.getByTestId('detail')).toBeVisible();
  await expect(current(page)).toHaveText('Audit');
  await expect(page.getByTestId('count-users')).toHaveText('60');

  // Another page, then back with Alt+←: the audit is as it was, with the IdP file still chosen.
  await nav(page, 'Users').click();
  await expect(page.getByTestId('grid-Users')).toBeVisible();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(current(page)).toHaveText('Audit');
  await expect(page.getByTestId('count-users')).toHaveText('60');
  await expect(page.getByTestId('audit-counts').locator('li[data-check="notInTenant"]')).toContainText('Not in the tenant: 1');
  await expect(page.getByTestId('idp-file')).toHaveText('Using idp.csv (1 row)');
  await expect(audit.getByLabel('Key column')).toHaveValue('mail');
  await expect(page.getByTestId('findings').locator('details[data-code="not-in-idp"]')).toHaveAttribute('open', '');
  expect(page.url()).toBe(url);

  // Back once more closes the user (the place before it was opened); forward reopens it.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByTestId('detail')).toHaveCount(0);
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByTestId('detail')).toBeVisible();
  await expect(page.getByTestId('detail').getByTestId('raw-json')).toContainText(`"id": "${id}"`);
  expect(page.url()).toBe(url);
});

test('the pasted list and its plan survive a user opened from the plan; side buttons walk the history', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('summary-Users')).toHaveText(/^60 users · complete/, { timeout: 30_000 });
  const names = await page.locator('.grid-body [role="row"]').evaluateAll((rows) => rows.slice(0, 3).map((r) => r.querySelectorAll('[role="gridcell"]')[1]?.textContent ?? ''));
  await nav(page, 'Deactivate').click();
  const region = page.getByRole('region', { name: 'Deactivate users' });
  await region.getByLabel('List').fill(names.join('\n'));
  await region.getByLabel('Header row').selectOption('no');
  await region.getByRole('button', { name: 'Read list' }).click();
  await region.getByRole('button', { name: 'Dry run (3)' }).click();
  await expect(page.getByTestId('plan-summary')).toContainText('Nothing has been written');
  const summary = (await page.getByTestId('plan-summary').textContent()) ?? '';

  await page.getByTestId('plan').getByRole('button').first().click();
  await expect(page.getByTestId('detail')).toBeVisible();
  await expect(current(page)).toHaveText('Deactivate');
  await nav(page, 'Groups').click();
  await expect(current(page)).toHaveText('Groups');

  await sideButton(page, 3);
  await expect(current(page)).toHaveText('Deactivate');
  await expect(region.getByLabel('List')).toHaveValue(names.join('\n'));
  await expect(page.getByTestId('plan-summary')).toHaveText(summary);
  await sideButton(page, 4);
  await expect(current(page)).toHaveText('Groups');
  // The history buttons say the same and are reachable without a mouse.
  await page.getByRole('button', { name: 'Back (Alt+Left)' }).click();
  await expect(current(page)).toHaveText('Deactivate');
  await expect(page.getByTestId('plan-summary')).toHaveText(summary);
});

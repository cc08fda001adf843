// History per tenant in real chromium: two browser-mode apps on two sandbox tenants (rfc and
// lettermint) share one data folder. Tenant A's Journal offers undo for its own run; tenant B's
// Journal does not list it unless asked, and then labels it and offers no undo. Snapshot pickers
// likewise: B sees A's snapshot only on request, named by its label and tenant.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startWebHost, type WebHost } from '../../electron/host/web';

let a: WebHost;
let b: WebHost;
let home: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'scim-tenants-e2e-'));
  const common = { rendererDir: join(import.meta.dirname, '../../dist'), sandboxUsers: 30, open: false, savedProfiles: false, dataDir: home, exportDir: join(home, 'exports') };
  a = await startWebHost({ ...common, sandboxVendor: 'rfc' });
  b = await startWebHost({ ...common, sandboxVendor: 'lettermint' });
});

test.afterAll(async () => {
  await a?.close();
  await b?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name, exact: true });

test('tenant A deactivates a user and saves a labelled snapshot; its Journal offers undo', async ({ page }) => {
  await page.goto(a.url);
  await expect(page.getByTestId('summary-Users')).toHaveText(/^30 users · complete/, { timeout: 30_000 });
  const active = page.locator('.grid-body [role="row"]').filter({ has: page.locator('[role="gridcell"] .state-active') });
  await active.first().getByRole('checkbox').check();
  const toolbar = page.getByRole('toolbar', { name: 'Selected users' });
  await toolbar.getByRole('button', { name: 'Deactivate', exact: true }).click();
  await toolbar.getByRole('button', { name: 'Dry run (1)' }).click();
  await page.getByRole('button', { name: 'Deactivate 1 user' }).click();
  await expect(page.getByTestId('run-summary').first()).toHaveText(/^1 deactivated/);

  await nav(page, 'Audit').click();
  const audit = page.getByRole('region', { name: 'Audit' }).last();
  await audit.getByRole('button', { name: 'Run audit' }).click();
  await expect(page.getByTestId('count-users')).toHaveText('30');
  await audit.getByLabel('Snapshot label').fill('before cutover');
  await audit.getByRole('button', { name: 'Save snapshot' }).click();
  await expect(audit.getByRole('combobox', { name: 'Source' }).locator('optgroup[label="Snapshots of this tenant"] option')).toHaveText([/^before cutover · Sandbox tenant \(demo, rfc\) · taken /]);

  await nav(page, 'Journal').click();
  const journal = page.getByTestId('run-journal');
  await expect(journal).toHaveCount(1);
  await expect(journal.getByRole('button', { name: 'Undo: reactivate (1)' })).toBeEnabled();
});

test("tenant B's Journal never offers undo for tenant A's run", async ({ page }) => {
  await page.goto(b.url);
  await nav(page, 'Journal').click();
  await expect(page.getByTestId('hidden-tenants')).toContainText('1 run journal(s) of other tenants are not shown');
  await expect(page.getByTestId('run-journal')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveCount(0);

  await page.getByLabel("Show other tenants' history too").check();
  const journal = page.getByTestId('run-journal');
  await expect(journal).toHaveCount(1);
  await expect(journal).toHaveAttribute('data-tenant', 'other');
  await expect(journal.getByTestId('other-tenant')).toContainText(/other tenant: http:\/\/127\.0\.0\.1:\d+\/scim\/v2/);
  await expect(journal.getByTestId('other-tenant-actions')).toContainText("open that tenant's profile to retry or undo");
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Retry/ })).toHaveCount(0);
});

test("tenant B's snapshot picker shows A's snapshot only on request, with its label and tenant", async ({ page }) => {
  await page.goto(b.url);
  await nav(page, 'Audit').click();
  const audit = page.getByRole('region', { name: 'Audit' }).last();
  const source = audit.getByRole('combobox', { name: 'Source' });
  await expect(source.locator('option')).toHaveText(['Live tenant (open profile)']);
  await audit.getByLabel("Show other tenants' snapshots").check();
  await expect(source.locator('optgroup[label="Snapshots of other tenants"] option')).toHaveText([/^before cutover · Sandbox tenant \(demo, rfc\) · taken /]);
});

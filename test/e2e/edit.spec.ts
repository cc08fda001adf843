// Editing in real chromium (browser mode) on its own sandbox tenant and data folder: open a user,
// change the title in the edit form, see the exact PATCH previewed with the change highlighted,
// confirm, see the verified result, and find the write in the Journal page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHost, type WebHost } from '../../electron/host/web';

let host: WebHost;
let home: string;

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'scim-edit-e2e-'));
  host = await startWebHost({ rendererDir: join(import.meta.dirname, '../../dist'), sandboxUsers: 40, open: false, savedProfiles: false, dataDir: home, exportDir: join(home, 'exports') });
});

test.afterAll(async () => {
  await host?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

test('edit a user title: preview → confirm → verified result → journal entry', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  await expect(page.getByTestId('summary-Users')).toHaveText(/^40 users · complete/, { timeout: 30_000 });
  await page.locator('.grid-body [role="row"]').first().click();
  const detail = page.getByTestId('detail');
  await detail.getByRole('button', { name: 'Edit', exact: true }).click();
  const panel = detail.getByRole('region', { name: 'Edit user' });
  await panel.getByLabel('Title', { exact: true }).fill('E2E Verified Title');
  await panel.getByRole('button', { name: 'Preview', exact: true }).click();

  const preview = panel.getByTestId('preview');
  await expect(preview).toBeVisible();
  const changed = preview.locator('tr[data-changed="true"]');
  await expect(changed).toHaveCount(1);
  await expect(changed.getByRole('rowheader')).toHaveText('title');
  await expect(changed.locator('mark')).toHaveText('E2E Verified Title');
  await expect(preview.getByTestId('request')).toContainText(/PATCH http:\/\/127\.0\.0\.1:\d+\/.*\/Users\//);
  await expect(preview.getByTestId('request')).toContainText('"op"');
  await expect(preview.getByTestId('request')).not.toContainText(/Bearer [A-Za-z0-9]{8}/);
  await testInfo.attach('edit-preview', { body: await page.screenshot(), contentType: 'image/png' });

  await panel.getByRole('button', { name: 'Confirm and send PATCH' }).click();
  await expect(panel.getByTestId('verified')).toContainText('verified');

  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Journal' }).click();
  const entry = page.getByTestId('journal-entry').first();
  await expect(entry).toContainText('applied');
  await expect(entry).toContainText('PATCH Users/');
  await entry.locator('summary').click();
  await expect(entry).toContainText('E2E Verified Title');
  expect(errors).toEqual([]);
});

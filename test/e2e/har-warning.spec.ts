// Before a HAR export the page warns that the file holds every user's personal data; cancelling
// writes nothing, confirming writes a file readable only by its owner.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ownHost } from './own-host';

const spec = ownHost('har-warning', { sandboxUsers: 20 });

test('HAR export warns about personal data first; cancel writes nothing, confirm writes a private file', async ({ page }) => {
  await page.goto(spec.host().url);
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
  const exports = join(spec.home(), 'exports');
  const [file] = readdirSync(exports);
  expect(statSync(join(exports, file ?? '')).mode & 0o777).toBe(0o600);
});

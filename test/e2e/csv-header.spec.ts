// The header row of a pasted or imported list in real chromium (browser mode): a first line that
// could be a header or a user is asked about, never guessed; the page always says which line was
// taken as the header; a UTF-16 file (Excel's "Unicode text") imports like a UTF-8 one.
import { expect, test, type Page } from '@playwright/test';
import { ownHost } from './own-host';

const spec = ownHost('csv-header', { sandboxUsers: 20 });

async function deactivatePage(page: Page) {
  await page.goto(spec.host().url);
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Deactivate' }).click();
  return page.getByRole('region', { name: 'Deactivate users' });
}

test('a first line that could be a header or a user is asked about, and the answer is said back', async ({ page }) => {
  const region = await deactivatePage(page);
  await region.getByLabel('List').fill('Leavers\nann@x.test\nbob@x.test\n');
  await region.getByRole('button', { name: 'Read list' }).click();
  const question = region.getByRole('group', { name: 'Is line 1 a header?' });
  await expect(question).toContainText('“Leavers”');
  await expect(region.getByRole('button', { name: /Dry run/ })).toHaveCount(0);

  await question.getByRole('button', { name: 'Line 1 is a header' }).click();
  await expect(region.getByTestId('list-count')).toHaveText('2 value(s) from column “Leavers”. Line 1 (“Leavers”) was taken as the header.');

  await region.getByLabel('Header row').selectOption('no');
  await region.getByRole('button', { name: 'Read list' }).click();
  await expect(region.getByTestId('list-count')).toHaveText('3 value(s). No header: line 1 (“Leavers”) is a value.');
});

test('a list of ids without a header keeps its first line, and says so', async ({ page }) => {
  const region = await deactivatePage(page);
  await region.getByLabel('List').fill('a1b2c3d4e5f6a7b8c9d0e1f2\nb1b2c3d4e5f6a7b8c9d0e1f2\n');
  await region.getByRole('button', { name: 'Read list' }).click();
  await expect(region.getByTestId('list-count')).toHaveText('2 value(s). No header: line 1 (“a1b2c3d4e5f6a7b8c9d0e1f2”) is a value.');
});

test('a UTF-16 file imports like UTF-8', async ({ page }) => {
  const region = await deactivatePage(page);
  const text = '\uFEFFemail\r\nann@x.test\r\nbob@x.test\r\n';
  await region.getByLabel('Import CSV').setInputFiles({ name: 'leavers.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf16le') });
  await expect(region.getByTestId('list-count')).toHaveText('2 value(s) from column “email”. Line 1 (“email”) was taken as the header.');
});

// The grid's columns (issue 17) in real Chromium on the sandbox: reorder a column by dragging its
// header and from the keyboard, resize one with the mouse and with ←/→ on its handle, and add the
// enterprise department column, whose values main's index sends with each row. Geometry and
// content only, after Playwright's auto-waiting; never timing.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ownHost } from './own-host';

const own = ownHost('columns', { sandboxUsers: 40 });
import { DEPARTMENTS } from '../../electron/core/sandbox/seed-names';

async function openUsers(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(own.host().url);
  await expect(page.getByTestId('summary-Users')).toHaveText(/^40 users · complete/, { timeout: 30_000 });
}

const grid = (page: Page) => page.getByTestId('grid-Users');
const headerNames = async (page: Page): Promise<string[]> => (await grid(page).locator('.grid-head .col-sort').allInnerTexts()).map((t) => t.replace(/ [▲▼]$/, '').trim());
const firstRowCells = (page: Page) => grid(page).locator('.grid-body [role="row"]').first().locator('[role="gridcell"]');

test('reorders a column by dragging its header and from the column chooser', async ({ page }) => {
  await openUsers(page);
  expect((await headerNames(page)).slice(0, 3)).toEqual(['User name', 'Display name', 'Emails']);
  // Drag "Emails" onto the first header: it becomes the first column, header and cells alike.
  await grid(page).getByRole('button', { name: 'Emails', exact: true }).dragTo(grid(page).getByRole('button', { name: 'User name', exact: true }));
  await expect.poll(() => headerNames(page).then((h) => h.slice(0, 3))).toEqual(['Emails', 'User name', 'Display name']);
  await expect(firstRowCells(page).nth(1)).toHaveText(/@/);

  // From the keyboard: the chooser's Move buttons.
  await page.getByText('Columns', { exact: true }).click();
  const chooser = page.getByRole('group', { name: 'Users columns' });
  await chooser.getByRole('button', { name: 'Move Emails right' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => headerNames(page).then((h) => h.slice(0, 2))).toEqual(['User name', 'Emails']);
});

test('resizes a column with the mouse and with the arrow keys on its handle', async ({ page }) => {
  await openUsers(page);
  const header = grid(page).locator('.grid-head [role="columnheader"][data-column="displayName"]');
  const handle = grid(page).getByRole('separator', { name: 'Resize Display name' });
  const before = (await header.boundingBox())?.width ?? 0;
  const box = await handle.boundingBox();
  if (!box) throw new Error('no resize handle');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await header.boundingBox())?.width ?? 0)).toBe(Math.round(before + 120));
  // The cells follow their header.
  const cell = firstRowCells(page).nth(2);
  expect(Math.abs(((await cell.boundingBox())?.width ?? 0) - ((await header.boundingBox())?.width ?? 0))).toBeLessThan(2);
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => Math.round((await header.boundingBox())?.width ?? 0)).toBe(Math.round(before + 120 - 32));
  await expect(handle).toHaveAttribute('aria-valuenow', String(Math.round(before + 120 - 32)));
});

test('adds the enterprise department column from the tenant’s schemas and shows the sandbox values, sorted in main', async ({ page }) => {
  await openUsers(page);
  await page.getByText('Columns', { exact: true }).click();
  const chooser = page.getByRole('group', { name: 'Users columns' });
  await chooser.getByLabel('Attribute').selectOption({ label: 'department (enterprise)' });
  await chooser.getByRole('button', { name: 'Add column' }).click();
  await expect.poll(() => headerNames(page)).toContain('department (enterprise)');
  const col = (await headerNames(page)).indexOf('department (enterprise)') + 1;
  // Sort by it (main sorts): the last rows have a department, and the values read in order.
  await grid(page).getByRole('button', { name: 'department (enterprise)' }).click();
  await grid(page).getByRole('button', { name: /department \(enterprise\)/ }).click();
  await expect(grid(page).locator('[role="columnheader"][data-column$=":department"]')).toHaveAttribute('aria-sort', 'descending');
  await expect(firstRowCells(page).nth(col)).not.toHaveText('');
  const rows = grid(page).locator('.grid-body [role="row"]');
  const values = await Promise.all([0, 1, 2, 3, 4].map((i) => rows.nth(i).locator('[role="gridcell"]').nth(col).innerText()));
  // The sandbox's own departments, read from main's index (the renderer holds no resources for them).
  expect(values.every((v) => (DEPARTMENTS as readonly string[]).includes(v))).toBe(true);
  expect([...values].sort((a, b) => Buffer.compare(Buffer.from(b.toLowerCase()), Buffer.from(a.toLowerCase())))).toEqual(values);

  // The view's CSV export follows the grid: its columns, in order, the department included, sorted.
  await page.getByRole('button', { name: 'Export view (CSV)' }).click();
  await expect(page.getByTestId('export-view')).toContainText('40 rows saved to ');
  const savedTo = ((await page.getByTestId('export-view').textContent()) ?? '').replace(/^.*rows saved to /, '').trim();
  const lines = readFileSync(savedTo, 'utf8').split(/\r?\n/);
  expect(lines[0]).toBe(['id', ...(await headerNames(page))].join(','));
  expect(lines[1]?.split(',')[col]).toBe(values[0]);
});

test('saves a view per tenant, opens with it after a reload, switches back to the built-in layout and back', async ({ page }) => {
  await openUsers(page);
  await page.getByText('Columns', { exact: true }).click();
  const chooser = page.getByRole('group', { name: 'Users columns' });
  await chooser.getByLabel('Attribute').selectOption({ label: 'department (enterprise)' });
  await chooser.getByRole('button', { name: 'Add column' }).click();
  await chooser.getByRole('button', { name: 'Move department (enterprise) left' }).click();
  await page.getByText('Columns', { exact: true }).click();
  const withDepartment = await headerNames(page);
  expect(withDepartment).toContain('department (enterprise)');

  const views = page.getByRole('group', { name: 'Users views' });
  await views.getByText('Manage views').click();
  await views.getByLabel('View name').fill('HR review');
  await views.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByTestId('views-message-Users')).toHaveText('View “HR review” saved.');
  await views.getByRole('button', { name: 'Open with this view' }).click();
  await expect(page.getByTestId('views-message-Users')).toHaveText('This table opens with “HR review”.');

  // Main kept it: after a reload the table opens with it.
  await page.reload();
  await expect(page.getByTestId('summary-Users')).toHaveText(/^40 users · complete/, { timeout: 30_000 });
  await expect.poll(() => headerNames(page)).toEqual(withDepartment);
  await expect(views.getByLabel('Saved view')).toHaveValue('HR review');

  // Switch to the built-in layout and back.
  await views.getByLabel('Saved view').selectOption({ label: 'Built-in layout' });
  await expect.poll(() => headerNames(page)).not.toContain('department (enterprise)');
  await views.getByLabel('Saved view').selectOption('HR review');
  await expect.poll(() => headerNames(page)).toEqual(withDepartment);
  await expect(firstRowCells(page).nth(withDepartment.indexOf('department (enterprise)') + 1)).toBeVisible();

  // Rename, then delete: the picker follows.
  await views.getByText('Manage views').click();
  await views.getByLabel('View name').fill('HR');
  await views.getByRole('button', { name: 'Rename' }).click();
  await expect(views.getByLabel('Saved view')).toHaveValue('HR');
  await views.getByRole('button', { name: 'Delete' }).click();
  await expect(views.getByLabel('Saved view').locator('option')).toHaveText(['Built-in layout']);
});

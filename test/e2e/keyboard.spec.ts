// Full keyboard use: `?` (outside text fields) opens the shortcut help, a modal dialog that keeps
// focus inside (Tab wraps), closes on Escape without closing the detail pane, and gives focus back;
// and Tab alone reaches the navigation, the grid, the detail pane and a preview's Confirm, in that
// order. Before, there was no help screen.
import { expect, test, type Page } from '@playwright/test';
import { ownHost } from './own-host';
import { previewTitleEdit } from './preview-steps';

const own = ownHost('keyboard', { sandboxUsers: 12 });

async function openUsers(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(own.host().url);
  await expect(page.getByTestId('summary-Users')).toContainText('complete', { timeout: 30_000 });
}

/** Where the focused element is: nav, grid, detail, confirm, or other. */
const focusArea = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement)) return 'none';
    if (el.textContent === 'Confirm and send PATCH') return 'confirm';
    if (el.closest('nav[aria-label="Explorer"]')) return 'nav';
    if (el.closest('[role="grid"]')) return 'grid';
    if (el.closest('[data-testid="detail"]')) return 'detail';
    return 'other';
  });

test('? opens the shortcut help; Escape closes it, focus is trapped and returned', async ({ page }) => {
  await openUsers(page);
  await page.locator('.grid-body [role="row"]').first().click();
  await expect(page.getByTestId('detail')).toBeVisible();
  const search = page.locator('#search-Users');
  // In a text field `?` is just a character.
  await search.focus();
  await page.keyboard.type('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  await expect(search).toHaveValue('?');
  await search.fill('');

  const opener = page.getByRole('button', { name: 'Keyboard shortcuts (?)' });
  await opener.focus();
  await page.keyboard.press('Shift+Slash');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const keys of ['Ctrl+F', 'Ctrl+R', 'Alt+← / Alt+→', 'Enter', 'Esc']) await expect(dialog.getByRole('rowheader', { name: keys, exact: true })).toBeVisible();
  // Focus stays in the dialog, however often Tab or Shift+Tab is pressed.
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  // Escape closed the help only, not the detail pane.
  await expect(page.getByTestId('detail')).toBeVisible();
});

test('Tab reaches the navigation, the grid, the detail pane and the preview’s Confirm', async ({ page }) => {
  await openUsers(page);
  const panel = await previewTitleEdit(page, 'Keyboard Title');
  await expect(panel.getByRole('button', { name: 'Confirm and send PATCH' })).toBeVisible();

  // From the top of the page (a click on the app's title moves the Tab starting point there), Tab only.
  await page.getByRole('heading', { name: 'SCIM Inspector' }).click();
  const seen: string[] = [];
  for (let i = 0; i < 250 && !seen.includes('confirm'); i++) {
    await page.keyboard.press('Tab');
    const area = await focusArea(page);
    if (seen[seen.length - 1] !== area) seen.push(area);
  }
  const order = seen.filter((a) => a !== 'other');
  expect(order).toContain('confirm');
  const firstOf = (a: string) => order.indexOf(a);
  expect(firstOf('nav')).toBeGreaterThanOrEqual(0);
  expect(firstOf('grid')).toBeGreaterThan(firstOf('nav'));
  expect(firstOf('detail')).toBeGreaterThan(firstOf('grid'));
  expect(firstOf('confirm')).toBeGreaterThan(firstOf('detail'));
  // Enter on a nav button works from the keyboard too.
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Groups', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('grid', { name: 'Groups' })).toBeVisible({ timeout: 30_000 });
});

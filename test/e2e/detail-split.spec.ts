// The detail pane is a resizable split: a focusable separator (role=separator, aria-valuenow = the
// pane's width) moved by the arrow keys or dragged, and the width is remembered for the app (a
// reload, or another user opened, keeps it). Before, the pane was a fixed 30rem.
import { expect, test, type Page } from '@playwright/test';
import { ownHost } from './own-host';

const own = ownHost('detail-split', { sandboxUsers: 20 });

const paneWidth = (page: Page): Promise<number> => page.getByTestId('detail').evaluate((el) => Math.round(el.getBoundingClientRect().width));

test('the detail pane resizes with the keyboard and the pointer, and keeps its width', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(own.host().url);
  await expect(page.getByTestId('summary-Users')).toContainText('complete', { timeout: 30_000 });
  await page.locator('.grid-body [role="row"]').first().click();
  const handle = page.getByRole('separator', { name: 'Resize the detail pane' });
  await expect(handle).toBeVisible();
  const start = Number(await handle.getAttribute('aria-valuenow'));
  expect(start).toBe(await paneWidth(page));

  // Keyboard: ← widens by 16 px, Shift+→ narrows by 64, Home goes to the narrowest.
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', String(start + 32));
  expect(await paneWidth(page)).toBe(start + 32);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', String(start - 32));
  await page.keyboard.press('Home');
  await expect(handle).toHaveAttribute('aria-valuenow', await handle.getAttribute('aria-valuemin') ?? '');

  // Pointer: dragging the handle 150 px to the left widens the pane by 150 px.
  const before = await paneWidth(page);
  const box = await handle.boundingBox();
  if (!box) throw new Error('no handle box');
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 75, box.y + 200);
  await page.mouse.move(box.x + box.width / 2 - 150, box.y + 200);
  await page.mouse.up();
  await expect.poll(() => paneWidth(page)).toBe(before + 150);
  await expect(handle).toHaveAttribute('aria-valuenow', String(before + 150));

  // Remembered: after a reload the pane opens at that width.
  await page.reload();
  await expect(page.getByTestId('summary-Users')).toContainText('complete', { timeout: 30_000 });
  await page.locator('.grid-body [role="row"]').nth(1).click();
  await expect(page.getByRole('separator', { name: 'Resize the detail pane' })).toHaveAttribute('aria-valuenow', String(before + 150));
  expect(await paneWidth(page)).toBe(before + 150);
});

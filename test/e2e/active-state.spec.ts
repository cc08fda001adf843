// A user's active state reads as a word as well as a colour, in the grid's Active column, the
// detail pane and the audit's inactive-user findings: "Active" and "Inactive" in two different
// colours, each with its own mark. Before, the grid said "yes"/"no" in the text colour, the detail
// "true"/"false", and the findings only their sentence.
import { expect, test, type Locator } from '@playwright/test';
import { ownHost } from './own-host';

const own = ownHost('active-state', { sandboxUsers: 60 });

const colourOf = (el: Locator): Promise<string> => el.evaluate((e) => getComputedStyle(e).color);

test('active and inactive are shown by text and colour in the grid, the detail and the findings', async ({ page }) => {
  await page.goto(own.host().url);
  await expect(page.getByTestId('summary-Users')).toContainText('complete', { timeout: 30_000 });
  const grid = page.getByTestId('grid-Users');
  const activeCol = (await grid.locator('[role="columnheader"]').allTextContents()).findIndex((t) => t.trim() === 'Active');
  expect(activeCol).toBeGreaterThan(0);
  // +1: the first cell of a row is its checkbox.
  const stateCells = grid.locator('.grid-body [role="row"]').locator(`[role="gridcell"]:nth-child(${activeCol + 1})`);
  await expect(stateCells.first()).toHaveText(/^. (Active|Inactive)$/);
  const texts = await stateCells.allTextContents();
  expect(texts.every((t) => /^. (Active|Inactive)$/.test(t))).toBe(true);
  const inactiveRow = grid.locator('.grid-body [role="row"]').filter({ has: page.locator('.state-inactive') }).first();
  const activeRow = grid.locator('.grid-body [role="row"]').filter({ has: page.locator('.state-active') }).first();
  await expect(inactiveRow.locator('.state')).toHaveText('○ Inactive');
  await expect(activeRow.locator('.state')).toHaveText('● Active');
  expect(await colourOf(inactiveRow.locator('.state'))).not.toBe(await colourOf(activeRow.locator('.state')));
  expect(await colourOf(activeRow.locator('.state'))).not.toBe(await colourOf(activeRow.locator('[role="gridcell"]').nth(1)));

  // The detail pane: beside the name and as the active attribute.
  await inactiveRow.click();
  const detail = page.getByTestId('detail');
  await expect(detail.locator('header .state')).toHaveText('○ Inactive');
  await expect(detail.locator('dt', { hasText: /^active$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText('○ Inactive');
  await activeRow.click();
  await expect(detail.locator('header .state')).toHaveText('● Active');

  // The audit's inactive-user findings carry the same mark.
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Audit' }).click();
  const audit = page.getByRole('region', { name: 'Audit' }).last();
  await audit.getByRole('button', { name: 'Run audit' }).click();
  const group = page.getByTestId('findings').locator('details[data-code="inactive-user"]');
  await group.locator('summary').click();
  await expect(group.locator('li').first().locator('.state')).toHaveText('○ Inactive');
});

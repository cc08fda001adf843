// Findings on the Audit page in real chromium (issue 17): groups high severity first, and a
// group's findings paged through main to the very last one, never cut at a sample.
import { expect, test } from '@playwright/test';
import { ownHost } from './own-host';

const USERS = 400;
const own = ownHost('audit-pages', { sandboxUsers: USERS });

test('findings are sorted by severity and every finding of a big group can be paged to', async ({ page }) => {
  await page.goto(own.host().url);
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Audit' }).click();
  const audit = page.getByRole('region', { name: 'Audit' }).last();
  await audit.getByRole('button', { name: 'Run audit' }).click();
  await expect(page.getByTestId('count-users')).toHaveText(String(USERS), { timeout: 30_000 });

  const groups = page.getByTestId('findings').locator('details');
  const severities = await groups.locator('summary .severity').allTextContents();
  const rank = { high: 0, medium: 1, low: 2, info: 3 } as Record<string, number>;
  expect(severities.length).toBeGreaterThan(1);
  expect(severities.map((s) => rank[s])).toEqual(severities.map((s) => rank[s]).sort((a, b) => (a ?? 9) - (b ?? 9)));

  // The biggest group: more findings than the old cut at 100.
  const counts = (await groups.locator('summary strong').allTextContents()).map(Number);
  const biggest = counts.indexOf(Math.max(...counts));
  const total = counts[biggest] ?? 0;
  expect(total).toBeGreaterThan(100);
  const group = groups.nth(biggest);
  await group.locator('summary').click();
  const range = group.getByTestId('finding-range');
  await expect(range).toHaveText(`1–50 of ${total}`);
  await expect(group.locator('.finding-list > li')).toHaveCount(50);
  const pager = group.getByRole('navigation', { name: /^Pages of / });
  await expect(pager.getByRole('button', { name: 'Previous' })).toBeDisabled();
  const seen = new Set(await group.locator('.finding-list > li').allTextContents());
  for (let from = 51; from <= total; from += 50) {
    await pager.getByRole('button', { name: 'Next' }).click();
    await expect(range).toHaveText(`${from}–${Math.min(total, from + 49)} of ${total}`);
    for (const text of await group.locator('.finding-list > li').allTextContents()) seen.add(text);
  }
  await expect(pager.getByRole('button', { name: 'Next' })).toBeDisabled();
  expect(seen.size).toBe(total);
  await pager.getByRole('button', { name: 'Previous' }).click();
  await expect(range).toHaveText(new RegExp(`^\\d+–\\d+ of ${total}$`));
});

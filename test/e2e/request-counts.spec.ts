// One request count, main's, shown the same in the status bar and on the Request log page. Before,
// the status bar counted the events its window had received since it opened, so after a reload it
// said a few dozen while the page (main's log) listed hundreds.
import { expect, test, type Page } from '@playwright/test';
import { ownHost } from './own-host';

const own = ownHost('request-counts', { sandboxUsers: 300 });

const firstNumber = async (page: Page, testId: string): Promise<number> => Number(/\d+/.exec((await page.getByTestId(testId).textContent()) ?? '')?.[0] ?? NaN);

test('the status bar and the Request log page show the same count of calls, after a reload too', async ({ page }) => {
  await page.goto(own.host().url);
  await expect(page.getByTestId('summary-Users')).toContainText('complete', { timeout: 30_000 });
  await page.reload();
  await expect(page.getByTestId('summary-Users')).toContainText('complete', { timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Request log' }).click();
  const region = page.getByRole('region', { name: 'Request log' });
  await expect(region.getByTestId('log-row').first()).toBeVisible();
  const onPage = await firstNumber(page, 'log-entries');
  const rows = await region.getByTestId('log-row').count();
  // Both listings (before and after the reload) are in main's log, and every call is listed.
  expect(rows).toBe(onPage);
  expect(await firstNumber(page, 'log-count')).toBe(onPage);
  await expect(page.getByTestId('log-count')).toHaveText(`${onPage} requests this session`);
  await expect(page.getByTestId('log-entries')).toHaveText(`${onPage} requests this session`);
});

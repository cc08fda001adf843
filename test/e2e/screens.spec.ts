// Screenshots for review, written by every e2e run to test-results/screens/: the main screens at
// 1440×900 and 1024×700, in the light and the dark theme (SIZE-THEME-screen.png). Each screen is
// shot once what it shows has arrived (auto-waiting expects), so the pictures are comparable.
import { join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { ownHost } from './own-host';
import { WINDOW_SIZES } from './window-sizes';

const own = ownHost('screens', { sandboxUsers: 80 });
const SIZES = WINDOW_SIZES;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Explorer' });

for (const theme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    test(`screens at ${size.width}×${size.height} in ${theme}`, async ({ page }, testInfo: TestInfo) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize(size);
      const shoot = async (name: string): Promise<void> => {
        await page.screenshot({ path: join(testInfo.project.outputDir, 'screens', `${size.width}x${size.height}-${theme}-${name}.png`) });
      };
      await page.goto(own.host().url);
      await expect(page.getByTestId('summary-Users')).toHaveText(/^80 users · complete/, { timeout: 30_000 });
      await page.locator('.grid-body [role="row"]').nth(2).click();
      await expect(page.getByTestId('detail')).toBeVisible();
      await shoot('users-detail');

      const detail = page.getByTestId('detail');
      await detail.getByRole('button', { name: 'Edit', exact: true }).click();
      const panel = detail.getByRole('region', { name: 'Edit user' });
      await panel.getByLabel('Title', { exact: true }).fill('Screenshot Title');
      await panel.getByRole('button', { name: 'Preview', exact: true }).click();
      await expect(panel.getByRole('button', { name: 'Confirm and send PATCH' })).toBeInViewport();
      await shoot('edit-preview');
      await panel.getByRole('button', { name: 'Discard preview' }).click();

      await nav(page).getByRole('button', { name: 'Groups', exact: true }).click();
      await expect(page.getByTestId('summary-Groups')).toContainText('complete', { timeout: 30_000 });
      await shoot('groups');

      await page.getByRole('button', { name: 'Profile settings' }).click();
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByTestId('connection-test')).toContainText('Discovery succeeded', { timeout: 45_000 });
      await shoot('profile-settings');

      await nav(page).getByRole('button', { name: 'Audit', exact: true }).click();
      const audit = page.getByRole('region', { name: 'Audit' }).last();
      await audit.getByRole('button', { name: 'Run audit' }).click();
      await expect(page.getByTestId('count-users')).toHaveText('80', { timeout: 30_000 });
      await shoot('audit');

      await nav(page).getByRole('button', { name: 'Request log', exact: true }).click();
      await expect(page.getByRole('table').first()).toBeVisible();
      await shoot('request-log');
    });
  }
}

// axe-core (WCAG 2.1 AA) on the five screens an admin works in — Users with the detail pane open,
// Groups, Audit after a run, Deactivate with a plan, Journal — in the light and the dark theme,
// on a sandbox tenant of this spec's own. Any serious or critical violation fails, listed with
// its rule, the elements and axe's own explanation so the failure says what to fix.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe-check';
import { ownHost } from './own-host';

const own = ownHost('a11y', { sandboxUsers: 60 });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Explorer' });

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test(`Users (detail open) and Groups pass axe in ${theme}`, async ({ page }) => {
      await page.goto(own.host().url);
      await expect(page.getByTestId('summary-Users')).toHaveText(/^60 users · complete/, { timeout: 30_000 });
      await page.locator('.grid-body [role="row"]').first().click();
      await expect(page.getByTestId('detail')).toBeVisible();
      await expectNoSeriousViolations(page, 'Users');
      await nav(page).getByRole('button', { name: 'Groups' }).click();
      await expect(page.getByTestId('summary-Groups')).toContainText('complete', { timeout: 30_000 });
      await expectNoSeriousViolations(page, 'Groups');
    });

    test(`Audit after a run passes axe in ${theme}`, async ({ page }) => {
      await page.goto(own.host().url);
      await nav(page).getByRole('button', { name: 'Audit' }).click();
      const audit = page.getByRole('region', { name: 'Audit' }).last();
      await audit.getByRole('button', { name: 'Run audit' }).click();
      await expect(page.getByTestId('count-users')).toHaveText('60', { timeout: 30_000 });
      await expectNoSeriousViolations(page, 'Audit');
    });

    test(`Deactivate (plan) and Journal pass axe in ${theme}`, async ({ page }) => {
      await page.goto(own.host().url);
      await expect(page.getByTestId('summary-Users')).toHaveText(/^60 users · complete/, { timeout: 30_000 });
      // Two users active now (the other theme's test may share this tenant and have run first).
      const activeRows = page.locator('.grid-body [role="row"]').filter({ has: page.locator('[role="gridcell"] .state-active') });
      await activeRows.nth(0).getByRole('checkbox').check();
      await activeRows.nth(1).getByRole('checkbox').check();
      const toolbar = page.getByRole('toolbar', { name: 'Selected users' });
      await toolbar.getByRole('button', { name: 'Deactivate', exact: true }).click();
      await toolbar.getByRole('button', { name: /^Dry run \(2\)$/ }).click();
      await expect(page.getByTestId('plan-summary')).toContainText('2 to deactivate');
      await expectNoSeriousViolations(page, 'Deactivate (plan)');
      // Run it, so the journal has a run to show.
      await page.getByLabel('Type 2 to deactivate 2 users').fill('2');
      await page.getByRole('button', { name: 'Deactivate 2 users' }).click();
      await expect(page.getByTestId('run-summary').first()).toHaveText(/^2 deactivated, 0 failed/);
      await nav(page).getByRole('button', { name: 'Journal' }).click();
      await expect(page.getByTestId('run-journal').first()).toBeVisible();
      await expectNoSeriousViolations(page, 'Journal');
    });
  });
}

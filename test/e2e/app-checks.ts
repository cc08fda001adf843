// Checks of the app window shared by the browser-mode specs (chromium, run everywhere) and the
// desktop spec (Electron, where its binary exists), so a UI change that breaks one breaks both.
import { expect, type Page } from '@playwright/test';

/** The Users page of the demo sandbox has loaded every user and verified the listing complete. */
export async function expectUsersListed(page: Page, users: number): Promise<void> {
  await expect(page.getByTestId('summary-Users')).toHaveText(new RegExp(`^${users} users · complete`), { timeout: 45_000 });
  await expect(page.getByTestId('progress-Users')).toContainText(`${users} loaded`);
}

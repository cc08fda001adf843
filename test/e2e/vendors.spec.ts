// Vendor limits told up front and the member picker, in real chromium (browser mode) on sandbox
// tenants of several vendors: Mittr has no Groups page but the reason; Lettermint's title field
// says it cannot be changed and a title edit is never predicted; Mindtickle's PATCH is shown as
// "only active"; the sidebar names the real vendor; the member picker adds by userName and refuses
// an unknown email; the manager is a link to that user.
import { expect, test, type Page } from '@playwright/test';
import { ownHost, type OwnHost } from './own-host';

// One browser mode per vendor, started only in the workers that run that vendor's tests.
const tenant = (vendor: string): OwnHost => ownHost(`vendors-${vendor}`, { sandboxUsers: 40, sandboxVendor: vendor });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Explorer' });

async function open(page: Page, spec: OwnHost): Promise<void> {
  await page.goto(spec.host().url);
  await expect(page.getByTestId('summary-Users')).toHaveText(/^40 users · complete/, { timeout: 30_000 });
}

test.describe('mittr', () => {
  const spec = tenant('mittr');
  test('mittr shows no Groups page, with the reason, and offers no group actions', async ({ page }) => {
    await open(page, spec);
    await expect(nav(page).getByRole('button', { name: 'Groups', exact: true })).toHaveCount(0);
    await expect(page.getByTestId('no-groups')).toHaveText(/^No groups: Mittr does not expose \/Groups/);
    await page.locator('.grid-body [role="row"]').first().click();
    const detail = page.getByTestId('detail');
    await expect(detail.getByTestId('user-groups')).toContainText('This tenant has no groups');
    await expect(detail.getByRole('button', { name: 'Add to group' })).toHaveCount(0);
    await nav(page).getByRole('button', { name: 'Capabilities' }).click();
    await expect(page.getByTestId('limit-groups')).toHaveText(/^no — Mittr does not expose/);
    // The profile's settings name the real vendor, not "rfc".
    await page.getByRole('button', { name: 'Profile settings' }).click();
    await expect(page.getByRole('region', { name: 'Profile settings' })).toContainText(/Vendor\s*mittr/);
  });
});

test.describe('lettermint', () => {
  const spec = tenant('lettermint');
  test("lettermint's title field says it cannot be changed; a title edit is never predicted", async ({ page }) => {
    await open(page, spec);
    await page.locator('.grid-body [role="row"]').first().click();
    const detail = page.getByTestId('detail');
    await detail.getByRole('button', { name: 'Edit', exact: true }).click();
    const title = detail.getByLabel('Title', { exact: true });
    await expect(title).toBeDisabled();
    await expect(detail.getByTestId('fixed-Title')).toHaveText(/^Cannot be changed: Lettermint takes only/);
    // Through expert mode the change can still be asked for: the preview does not predict it.
    await detail.getByLabel('Expert mode (Operations JSON)').check();
    await detail.getByRole('textbox', { name: 'Operations' }).fill('[{ "op": "replace", "path": "title", "value": "Chief" }]');
    await detail.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = detail.getByTestId('preview');
    await expect(preview.locator('tr[data-changed="true"]')).toHaveCount(0);
    await expect(preview.getByTestId('preview-ignored').getByRole('rowheader')).toHaveText(['title']);
    await expect(preview.locator('table.diff')).not.toContainText('Chief');
    await expect(preview.getByTestId('preview-warning').filter({ hasText: /^title: / })).toHaveText(/^title: Lettermint takes only/);
    // A PUT would not make it either, so none is offered.
    await expect(detail.getByRole('button', { name: 'Use PUT (preview)' })).toHaveCount(0);
    await expect(detail.getByRole('button', { name: 'Confirm and send PATCH' })).toBeDisabled();
    await page.getByRole('button', { name: 'Profile settings' }).click();
    await expect(page.getByRole('region', { name: 'Profile settings' })).toContainText(/Vendor\s*lettermint/);
  });
});

test.describe('mindtickle', () => {
  const spec = tenant('mindtickle');
  test("mindtickle's PATCH is shown as changing only active", async ({ page }) => {
    await open(page, spec);
    await nav(page).getByRole('button', { name: 'Capabilities' }).click();
    await expect(page.getByTestId('caps-patch')).toHaveText('users: only active (Mindtickle); groups: yes');
    await expect(page.getByTestId('tenant-limits')).toContainText('A new user needs');
    await expect(page.getByTestId('tenant-limits')).toContainText('userName, name.givenName, name.familyName, emails');
  });
});

test.describe('rfc', () => {
  const spec = tenant('rfc');
  test('the member picker adds by userName and refuses an unknown email; the manager is a link', async ({ page }) => {
    await open(page, spec);
    await nav(page).getByRole('button', { name: 'Groups', exact: true }).click();
    await expect(page.getByTestId('summary-Groups')).toContainText('complete');
    // A group other than All Staff (which holds everyone).
    await page.locator('.grid-body [role="row"]').filter({ hasNotText: 'All Staff' }).first().click();
    const detail = page.getByTestId('detail');
    await detail.getByRole('button', { name: 'Edit', exact: true }).click();
    const picker = detail.getByRole('group', { name: 'Add a member' });
    await picker.getByLabel('Add member (userName, email or display name)').fill('nobody.at.all@example.test');
    await picker.getByRole('button', { name: 'Add member' }).click();
    await expect(picker.getByTestId('member-refused')).toContainText('Not added');
    await expect(detail.getByRole('button', { name: 'Remove member nobody.at.all@example.test' })).toHaveCount(0);

    // Suggestions are users not in the group yet; one of them, typed in other letter case, resolves.
    await picker.getByLabel('Add member (userName, email or display name)').fill('acme');
    const someone = ((await picker.getByRole('list', { name: 'Matching users' }).getByRole('button').first().textContent()) ?? '').replace(/ \(.*\)$/, '');
    await picker.getByLabel('Add member (userName, email or display name)').fill(someone.toUpperCase());
    await picker.getByRole('button', { name: 'Add member' }).click();
    await expect(detail.getByRole('button', { name: `Remove member ${someone}` })).toHaveCount(1);

    // The manager of a user is a link to that user.
    await nav(page).getByRole('button', { name: 'Users', exact: true }).click();
    const withManager = page.locator('.grid-body [role="row"]');
    for (let i = 0; i < 20; i += 1) {
      await withManager.nth(i).click();
      if ((await detail.getByTestId('manager-link').count()) > 0) break;
    }
    const link = detail.getByTestId('manager-link');
    const manager = (await link.textContent()) ?? '';
    await link.click();
    await expect(detail.getByRole('region', { name: 'Core attributes' })).toContainText(manager.split(' ')[0] ?? '');
  });
});

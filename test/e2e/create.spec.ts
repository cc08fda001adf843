// Create and delete in real chromium (browser mode) on sandbox tenants: a user created from the
// Create page is previewed, sent, verified and shows in the grid and the detail pane without a
// reload; Mindtickle's required fields block the send up front; a group deleted from its detail
// pane after typing its name is gone from the grid, proven by the server's 404, and both writes are
// in the tenant's journal.
import { expect, test, type Page } from '@playwright/test';
import { ownHost, type OwnHost } from './own-host';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Explorer' });

async function open(page: Page, spec: OwnHost): Promise<void> {
  await page.goto(spec.host().url);
  await expect(page.getByTestId('summary-Users')).toHaveText(/^20 users · complete/, { timeout: 30_000 });
}

test.describe('rfc', () => {
  const spec = ownHost('create-rfc', { sandboxUsers: 20 });
  test('a created user shows in the grid and the detail; a deleted group leaves the grid; both are journalled', async ({ page }) => {
    await open(page, spec);
    await nav(page).getByRole('button', { name: 'Create' }).click();
    const form = page.getByTestId('create-page');
    await form.getByLabel('User name').fill('created.in.e2e@example.test');
    await form.getByLabel('Given name').fill('Created');
    await form.getByLabel('Family name').fill('Person');
    await form.getByLabel('Email 1', { exact: true }).fill('created.in.e2e@example.test');
    await form.getByRole('button', { name: 'Preview' }).click();
    await expect(form.getByTestId('create-preview')).toContainText('POST');
    await expect(form.getByRole('region', { name: 'Create preview' }).getByLabel('Request body')).toContainText('"userName": "created.in.e2e@example.test"');
    await form.getByRole('button', { name: 'Confirm and create' }).click();
    await expect(form.getByTestId('created')).toContainText('Created and verified (201)');
    await form.getByTestId('created').getByRole('button', { name: 'Open it' }).click();
    await expect(page.getByTestId('detail').getByRole('region', { name: 'Core attributes' })).toContainText('created.in.e2e@example.test');
    await nav(page).getByRole('button', { name: 'Users', exact: true }).click();
    await expect(page.getByTestId('row-count')).toHaveText('21 users');

    await nav(page).getByRole('button', { name: 'Groups', exact: true }).click();
    await expect(page.getByTestId('summary-Groups')).toContainText('complete');
    const groups = Number(((await page.getByTestId('row-count').textContent()) ?? '').split(' ')[0]);
    await page.locator('.grid-body [role="row"]').filter({ hasNotText: 'All Staff' }).first().click();
    const detail = page.getByTestId('detail');
    await detail.getByRole('button', { name: 'Delete group' }).click();
    const preview = detail.getByTestId('delete-preview');
    await expect(preview).toContainText('DELETE');
    const name = ((await preview.textContent()) ?? '').match(/“(.+)”/)?.[1] ?? '';
    expect(name).not.toBe('');
    const confirm = detail.getByRole('button', { name: 'Delete group', exact: true }).last();
    await expect(confirm).toBeDisabled();
    await detail.getByLabel(/^Type the group’s name/).fill(name);
    await confirm.click();
    // The detail pane says the group is gone (the store took the verified delete).
    await expect(detail.getByTestId('deleted')).toContainText('deleted');
    await expect(page.getByTestId('row-count')).toHaveText(`${groups - 1} groups`);

    await nav(page).getByRole('button', { name: 'Journal' }).click();
    await expect(page.getByRole('region', { name: 'Journal' }).last()).toContainText('POST');
    await expect(page.getByRole('region', { name: 'Journal' }).last()).toContainText('DELETE');
  });
});

test.describe('mindtickle', () => {
  const spec = ownHost('create-mindtickle', { sandboxUsers: 20, sandboxVendor: 'mindtickle' });
  test("mindtickle's required fields are said up front and block the send", async ({ page }) => {
    await open(page, spec);
    await nav(page).getByRole('button', { name: 'Create' }).click();
    const form = page.getByTestId('create-page');
    await expect(form).toContainText('A new user on Mindtickle needs userName, name.givenName, name.familyName, emails');
    await form.getByLabel('User name').fill('half@example.test');
    await form.getByRole('button', { name: 'Preview' }).click();
    await expect(form.getByTestId('create-missing')).toContainText('name.givenName, name.familyName, emails');
    await expect(form.getByRole('button', { name: 'Confirm and create' })).toBeDisabled();
  });
});

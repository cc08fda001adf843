// The steps that bring the first user's edit to its PatchOp preview (a new title), shared by the
// specs that check the preview's layout and keyboard reach.
import type { Locator, Page } from '@playwright/test';

/** Opens the first grid row, edits its title and asks for the preview; returns the edit panel. */
export async function previewTitleEdit(page: Page, title: string): Promise<Locator> {
  await page.locator('.grid-body [role="row"]').first().click();
  const detail = page.getByTestId('detail');
  await detail.getByRole('button', { name: 'Edit', exact: true }).click();
  const panel = detail.getByRole('region', { name: 'Edit user' });
  await panel.getByLabel('Title', { exact: true }).fill(title);
  await panel.getByRole('button', { name: 'Preview', exact: true }).click();
  return panel;
}

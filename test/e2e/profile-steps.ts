// Steps the profile specs share: open the profiles panel, create a profile in the editor (with
// whatever extra connection fields a spec fills), and delete it again through the confirmation.
// The list is in the navigation rail ("Connection profiles"); the details, editor and test result
// are on the profile settings page ("Profile settings").
import { expect, type Locator, type Page } from '@playwright/test';

export interface ProfilesPanel {
  panel: Locator;
  list: Locator;
  /** The profile settings page. */
  settings: Locator;
  details: Locator;
}

export function profilesPanel(page: Page): ProfilesPanel {
  const panel = page.getByRole('region', { name: 'Connection profiles' });
  const settings = page.getByRole('region', { name: 'Profile settings' });
  return { panel, list: panel.getByRole('list', { name: 'Saved profiles' }), settings, details: settings.getByTestId('profile-details') };
}

/** Fills name and base URL, lets `more` fill the rest of the editor, creates, waits for the details. */
export async function createProfile(p: ProfilesPanel, name: string, baseUrl: string, more: (editor: Locator) => Promise<void> = async () => undefined): Promise<void> {
  await p.panel.getByRole('button', { name: 'New profile' }).click();
  const editor = p.settings.getByRole('form', { name: 'New profile' });
  await editor.getByLabel('Name', { exact: true }).fill(name);
  await editor.getByLabel('Base URL').fill(baseUrl);
  await more(editor);
  await editor.getByRole('button', { name: 'Create profile' }).click();
  await expect(p.details.getByRole('heading', { name: new RegExp(name) })).toBeVisible();
}

/** Stores one of the profile's secrets from its details (the form is named after the secret). */
export async function storeSecret(p: ProfilesPanel, label: string, value: string): Promise<void> {
  const field = p.details.getByRole('textbox', { name: label });
  await field.fill(value);
  await p.details.getByRole('form', { name: label }).getByRole('button', { name: 'Save' }).click();
  await expect(field).toHaveValue('');
}

export async function deleteProfile(p: ProfilesPanel, name: string): Promise<void> {
  await p.panel.getByRole('button', { name: 'Profile settings' }).click();
  await p.settings.getByRole('button', { name: 'Edit profile' }).click();
  await p.settings.getByRole('button', { name: 'Delete…' }).click();
  await p.settings.getByRole('alertdialog', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete profile' }).click();
  await expect(p.list.getByRole('button', { name: new RegExp(name) })).toHaveCount(0);
}

/** Collects the text of every browser-mode API answer the page received. */
export function apiAnswers(page: Page): string[] {
  const seen: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/')) void r.text().then((t) => seen.push(t), () => undefined);
  });
  return seen;
}

// A read-only profile in real chromium against browser mode (real keychain, as `npm test` runs it):
// the Deactivate page refuses up front, and turning read-only off asks first — "Keep read-only"
// leaves the profile as it was, only the confirmation saves it writable.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox/index';
import { callHostValue } from './host-api';
import { ownHost } from './own-host';

let tenant: SandboxHandle;
const spec = ownHost('read-only', { sandboxUsers: 3, savedProfiles: true });

test.beforeAll(async () => {
  tenant = await startSandbox({ users: 12, port: 0, vendor: 'rfc' });
});

test.afterAll(async () => {
  await tenant?.close();
});

const api = <T>(request: APIRequestContext, channel: string, input: unknown): Promise<T> => callHostValue<T>(request, spec.host().url, channel, input);

const readOnlyOf = async (request: APIRequestContext, id: string): Promise<boolean | undefined> =>
  (await api<{ profiles: { id: string; readOnly: boolean }[] }>(request, 'profiles.list', null)).profiles.find((p) => p.id === id)?.readOnly;

test('turning read-only off needs a confirmation, and a read-only profile cannot even plan a deactivation', async ({ page, request }) => {
  const profile = await api<{ id: string }>(request, 'profiles.add', { name: 'ro-e2e', baseUrl: tenant.url, vendor: 'rfc', readOnly: true });
  await api(request, 'profiles.setToken', { profileId: profile.id, token: tenant.token });

  await page.goto(spec.host().url);
  const panel = page.getByRole('region', { name: 'Connection profiles' });
  const list = panel.getByRole('list', { name: 'Saved profiles' });
  await list.getByRole('button', { name: /ro-e2e/ }).click();

  // Deactivate page: refused before any dry run.
  await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
  const deactivate = page.getByRole('region', { name: 'Deactivate users' });
  await deactivate.getByLabel('List').fill(`${tenant.store.ids('Users')[0] ?? ''}\n`);
  await deactivate.getByRole('button', { name: 'Read list' }).click();
  await expect(deactivate.getByText(/This profile is read-only/)).toBeVisible();
  await expect(deactivate.getByRole('button', { name: /Dry run/ })).toBeDisabled();

  // Unticking read-only and saving asks first; "Keep read-only" keeps it.
  await panel.getByRole('button', { name: 'Profile settings' }).click();
  const settings = page.getByRole('region', { name: 'Profile settings' });
  await settings.getByRole('button', { name: 'Edit profile' }).click();
  const editor = settings.getByRole('form', { name: 'Edit profile ro-e2e' });
  await editor.getByLabel(/Read-only/).uncheck();
  await editor.getByRole('button', { name: 'Save changes' }).click();
  const confirm = settings.getByRole('alertdialog', { name: 'Confirm turning off read-only' });
  await expect(confirm).toContainText(tenant.url);
  expect(await readOnlyOf(request, profile.id)).toBe(true);
  await confirm.getByRole('button', { name: 'Keep read-only' }).click();
  await expect(editor.getByLabel(/Read-only/)).toBeChecked();
  expect(await readOnlyOf(request, profile.id)).toBe(true);

  await editor.getByLabel(/Read-only/).uncheck();
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await confirm.getByRole('button', { name: 'Turn off read-only and save' }).click();
  await expect.poll(() => readOnlyOf(request, profile.id)).toBe(false);
});

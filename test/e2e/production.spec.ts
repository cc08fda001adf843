// A production tenant is unmistakable: the header gets a colour band and a "Production" badge, a
// read-only profile a "read-only" badge there too (text beside the colour). The flag is set in
// the profile editor and kept (profiles.list says so after the save).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox/index';
import { callHostValue } from './host-api';
import { ownHost } from './own-host';

let tenant: SandboxHandle;
const spec = ownHost('production', { sandboxUsers: 3, savedProfiles: true });

test.beforeAll(async () => {
  tenant = await startSandbox({ users: 5, port: 0, vendor: 'rfc' });
});
test.afterAll(async () => {
  await tenant?.close();
});

const api = <T>(request: APIRequestContext, channel: string, input: unknown): Promise<T> => callHostValue<T>(request, spec.host().url, channel, input);

test('a production profile shows a band and badges in the header; the editor sets the flag', async ({ page, request }) => {
  const prod = await api<{ id: string }>(request, 'profiles.add', { name: 'acme-prod', baseUrl: tenant.url, vendor: 'rfc', production: true, readOnly: true });
  await api(request, 'profiles.setToken', { profileId: prod.id, token: tenant.token });
  const staging = await api<{ id: string }>(request, 'profiles.add', { name: 'acme-staging', baseUrl: tenant.url, vendor: 'rfc' });
  await api(request, 'profiles.setToken', { profileId: staging.id, token: tenant.token });

  await page.goto(spec.host().url);
  const header = page.getByTestId('app-header');
  const list = page.getByRole('list', { name: 'Saved profiles' });
  await list.getByRole('button', { name: /acme-prod/ }).click();
  await expect(header.getByTestId('open-profile')).toHaveText('acme-prod');
  await expect(header.getByTestId('production')).toHaveText('Production');
  await expect(header.getByTestId('read-only')).toHaveText('read-only');
  const band = await header.evaluate((el) => getComputedStyle(el).borderTopWidth);
  expect(parseFloat(band)).toBeGreaterThanOrEqual(3);
  // The badges and the band's tint keep AA contrast in both themes.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).include('[data-testid="app-header"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  await list.getByRole('button', { name: /acme-staging/ }).click();
  await expect(header.getByTestId('open-profile')).toHaveText('acme-staging');
  await expect(header.getByTestId('production')).toHaveCount(0);
  await expect(header.getByTestId('read-only')).toHaveCount(0);
  expect(parseFloat(await header.evaluate((el) => getComputedStyle(el).borderTopWidth))).toBe(0);

  // The editor marks it as production; after the save the header shows it.
  await page.getByRole('button', { name: 'Profile settings' }).click();
  const settings = page.getByRole('region', { name: 'Profile settings' });
  await settings.getByRole('button', { name: 'Edit profile' }).click();
  const editor = settings.getByRole('form', { name: 'Edit profile acme-staging' });
  await editor.getByLabel(/Production tenant/).check();
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(header.getByTestId('production')).toHaveText('Production');
  const listed = await api<{ profiles: { id: string; production: boolean }[] }>(request, 'profiles.list', null);
  expect(listed.profiles.find((p) => p.id === staging.id)?.production).toBe(true);
});

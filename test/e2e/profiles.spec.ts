// The admin's first run in real chromium against browser mode with the REAL keychain vault (run
// under test/support/with-keyring.sh, as `npm test` does): add a profile pointing at a sandbox
// tenant, paste its token ("Bearer " stripped), see the connection test's capability table, open
// the profile and see its users, then delete it. The spec has its own web host, data folder and
// tenant, so it runs in parallel with the others and leaves nothing behind.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox/index';
import { startWebHost, type WebHost } from '../../electron/host/web';

const root = join(import.meta.dirname, '../..');
const TOKEN = `e2e-${randomBytes(18).toString('hex')}`;
const USERS = 25;
let tenant: SandboxHandle;
let host: WebHost;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'scim-inspector-e2e-profiles-'));
  tenant = await startSandbox({ users: USERS, port: 0, token: TOKEN, vendor: 'rfc' });
  host = await startWebHost({ rendererDir: join(root, 'dist'), dataDir, sandboxUsers: 3, open: false, exportDir: join(dataDir, 'exports') });
});

test.afterAll(async () => {
  await host?.close();
  await tenant?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('add a profile, store its token in the keychain, test the connection, browse its users, delete it', async ({ page }, testInfo) => {
  const pageText: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/')) void r.text().then((t) => pageText.push(t), () => undefined);
  });
  await page.goto(host.url);
  const panel = page.getByRole('region', { name: 'Connection profiles' });
  const list = panel.getByRole('list', { name: 'Saved profiles' });
  // The details, token and editor open as a page beside the navigation rail, not in it.
  const settings = page.getByRole('region', { name: 'Profile settings' });
  await expect(list.getByRole('listitem').first()).toContainText('Sandbox tenant (demo)');

  await panel.getByRole('button', { name: 'New profile' }).click();
  const editor = settings.getByRole('form', { name: 'New profile' });
  await editor.getByLabel('Name', { exact: true }).fill('e2e-tenant');
  await editor.getByLabel('Base URL').fill(tenant.url);
  await editor.getByLabel('Vendor hint').selectOption('rfc');
  await editor.getByRole('button', { name: 'Create profile' }).click();

  const details = settings.getByTestId('profile-details');
  await expect(details.getByRole('heading', { name: /e2e-tenant/ })).toBeVisible();
  await expect(details.getByText('Token missing')).toBeVisible();

  // A real paste event, with the "Bearer " prefix admins often copy along.
  const field = details.getByLabel('Bearer token');
  await field.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `Bearer ${TOKEN}`);
  await expect(details.getByText(/Removed a leading "Bearer "/)).toBeVisible();
  await expect(field).toHaveValue(TOKEN);
  await details.getByRole('button', { name: 'Save token' }).click();
  await expect(field).toHaveValue('');

  const result = details.getByTestId('connection-test');
  // Saving the token runs keychain writes, a keychain read and discovery back to back on a shared
  // CI machine; the product's own bound on the test is 30 s, so wait past it rather than race it.
  await expect(result).toContainText('Discovery succeeded', { timeout: 45_000 });
  const table = result.getByRole('table');
  for (const label of ['Groups', 'PATCH', 'ETags', 'Filtering', 'Paging', 'Max page size']) {
    await expect(table.getByRole('rowheader', { name: label })).toBeVisible();
  }
  await expect(result.getByTestId('round-trip')).toHaveText(/^\d+ ms$/);
  await expect(list.getByRole('button', { name: /e2e-tenant/ })).toContainText('Connected');
  await expect(details.getByTestId('token-state')).toContainText(`ends …${TOKEN.slice(-4)}`);
  await testInfo.attach('test-connection', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Open it (a fresh open after the token exists) and see its users.
  await list.getByRole('button', { name: /Sandbox tenant/ }).click();
  await list.getByRole('button', { name: /e2e-tenant/ }).click();
  await expect(page.getByTestId('row-count')).toHaveText(new RegExp(`^${USERS} users`), { timeout: 20_000 });
  await testInfo.attach('users', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // The token went to the keychain: not into profiles.json, not into any answer the page got.
  const files = readdirSync(dataDir).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(dataDir, f), 'utf8'));
  expect(files.join('\n')).toContain('e2e-tenant');
  expect(files.join('\n')).not.toContain(TOKEN);
  expect(pageText.join('\n')).not.toContain(TOKEN);

  await panel.getByRole('button', { name: 'Profile settings' }).click();
  await settings.getByRole('button', { name: 'Edit profile' }).click();
  await settings.getByRole('button', { name: 'Delete…' }).click();
  await settings.getByRole('alertdialog', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete profile' }).click();
  await expect(list.getByRole('button', { name: /e2e-tenant/ })).toHaveCount(0);
});

// An OAuth 2.0 profile created in the app (issue 18), in real chromium against browser mode with
// the REAL keychain (run under test/support/with-keyring.sh): the editor takes the scheme, token
// URL, client id and scope; the client secret goes to the keychain from the profile's details;
// "Test connection" says how it connected (scheme, the token's lifetime and scopes, proxy, CAs);
// the profile browses its users. Neither the client secret nor an access token the sandbox issued
// reaches the page or profiles.json. Own web host, data folder and tenant; leaves nothing behind.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox/index';
import { startWebHost, type WebHost } from '../../electron/host/web';

const root = join(import.meta.dirname, '../..');
const CLIENT_SECRET = `e2e-oauth-${randomBytes(18).toString('hex')}`;
const USERS = 30;
let tenant: SandboxHandle;
let host: WebHost;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'scim-inspector-e2e-oauth-'));
  tenant = await startSandbox({ users: USERS, port: 0, vendor: 'rfc', auth: { scheme: 'oauth2', clientId: 'e2e-client', clientSecret: CLIENT_SECRET, tokenTtlSeconds: 600, scopes: ['scim', 'scim.read'] } });
  host = await startWebHost({ rendererDir: join(root, 'dist'), dataDir, sandboxUsers: 3, open: false, exportDir: join(dataDir, 'exports') });
});

test.afterAll(async () => {
  await host?.close();
  await tenant?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('create an OAuth 2.0 profile, store its client secret, test it, browse its users', async ({ page }, testInfo) => {
  const pageText: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/')) void r.text().then((t) => pageText.push(t), () => undefined);
  });
  await page.goto(host.url);
  const panel = page.getByRole('region', { name: 'Connection profiles' });
  const list = panel.getByRole('list', { name: 'Saved profiles' });
  await panel.getByRole('button', { name: 'New profile' }).click();
  const editor = panel.getByRole('form', { name: 'New profile' });
  await editor.getByLabel('Name', { exact: true }).fill('e2e-oauth');
  await editor.getByLabel('Base URL').fill(tenant.url);
  await editor.getByLabel('Vendor hint').selectOption('rfc');
  await editor.getByLabel('Scheme').selectOption('oauth2');
  await editor.getByLabel('Token URL').fill(tenant.tokenUrl);
  await editor.getByLabel('Client id').fill('e2e-client');
  await editor.getByLabel(/^Scope/).fill('scim scim.read');
  await editor.getByLabel('Client authentication').selectOption('post');
  await editor.getByRole('button', { name: 'Create profile' }).click();

  const details = panel.getByTestId('profile-details');
  await expect(details.getByRole('heading', { name: /e2e-oauth/ })).toBeVisible();
  await expect(details.getByTestId('auth-scheme')).toContainText('OAuth 2.0 client credentials (client e2e-client');
  await expect(details.getByText('Token missing')).toBeVisible();
  await expect(details.getByTestId('secret-state-client-secret')).toHaveText('not stored yet');
  // No bearer token field for an OAuth profile.
  await expect(details.getByLabel('Bearer token')).toHaveCount(0);

  const secret = details.getByRole('textbox', { name: 'OAuth client secret' });
  await secret.fill(CLIENT_SECRET);
  await details.getByRole('form', { name: 'OAuth client secret' }).getByRole('button', { name: 'Save' }).click();
  await expect(secret).toHaveValue('');

  const result = details.getByTestId('connection-test');
  // Keychain writes, a token request, discovery and the probe back to back on a shared machine.
  await expect(result).toContainText('Discovery succeeded', { timeout: 45_000 });
  const used = result.getByTestId('connection-used');
  await expect(used).toContainText('oauth2');
  await expect(used.getByTestId('oauth-token')).toContainText('lives 600 s, scopes scim scim.read');
  await expect(details.getByTestId('secret-state-client-secret')).toHaveText('stored in the keychain');
  await expect(list.getByRole('button', { name: /e2e-oauth/ })).toContainText('Connected');
  await testInfo.attach('oauth-test-connection', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  await list.getByRole('button', { name: /Sandbox tenant/ }).click();
  await list.getByRole('button', { name: /e2e-oauth/ }).click();
  await expect(page.getByTestId('row-count')).toHaveText(new RegExp(`^${USERS} users`), { timeout: 20_000 });
  expect(tenant.tokenRequests()).toBeGreaterThan(0);

  const files = readdirSync(dataDir).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(dataDir, f), 'utf8')).join('\n');
  expect(files).toContain('e2e-client');
  expect(files).not.toContain(CLIENT_SECRET);
  const seen = pageText.join('\n');
  expect(seen).not.toContain(CLIENT_SECRET);
  for (const token of tenant.issuedTokens()) expect(seen).not.toContain(token);

  await panel.getByRole('button', { name: 'Edit profile' }).click();
  await panel.getByRole('button', { name: 'Delete…' }).click();
  await panel.getByRole('alertdialog', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete profile' }).click();
  await expect(list.getByRole('button', { name: /e2e-oauth/ })).toHaveCount(0);
});

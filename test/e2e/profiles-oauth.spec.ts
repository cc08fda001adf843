// An OAuth 2.0 profile created in the app (issue 18), in real chromium against browser mode with
// the REAL keychain (run under test/support/with-keyring.sh): the editor takes the scheme, token
// URL, client id and scope; the client secret goes to the keychain from the profile's details;
// "Test connection" says how it connected (scheme, the token's lifetime and scopes, proxy, CAs);
// the profile browses its users. Neither the client secret nor an access token the sandbox issued
// reaches the page or profiles.json. Own web host, data folder and tenant; leaves nothing behind.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox/index';
import { ownHost } from './own-host';
import { apiAnswers, createProfile, deleteProfile, profilesPanel, storeSecret } from './profile-steps';

const CLIENT_SECRET = `e2e-oauth-${randomBytes(18).toString('hex')}`;
const USERS = 30;
let tenant: SandboxHandle;
const own = ownHost('oauth', { savedProfiles: true, sandboxUsers: 3 });

test.beforeAll(async () => {
  tenant = await startSandbox({ users: USERS, port: 0, vendor: 'rfc', auth: { scheme: 'oauth2', clientId: 'e2e-client', clientSecret: CLIENT_SECRET, tokenTtlSeconds: 600, scopes: ['scim', 'scim.read'] } });
});
test.afterAll(async () => {
  await tenant?.close();
});

test('create an OAuth 2.0 profile, store its client secret, test it, browse its users', async ({ page }, testInfo) => {
  const pageText = apiAnswers(page);
  await page.goto(own.host().url);
  const p = profilesPanel(page);
  const { list, details } = p;
  await createProfile(p, 'e2e-oauth', tenant.url, async (editor) => {
    await editor.getByLabel('Vendor hint').selectOption('rfc');
    await editor.getByLabel('Scheme').selectOption('oauth2');
    await editor.getByLabel('Token URL').fill(tenant.tokenUrl);
    await editor.getByLabel('Client id').fill('e2e-client');
    await editor.getByLabel(/^Scope/).fill('scim scim.read');
    await editor.getByLabel('Client authentication').selectOption('post');
  });
  await expect(details.getByTestId('auth-scheme')).toContainText('OAuth 2.0 client credentials (client e2e-client');
  await expect(details.getByText('Token missing')).toBeVisible();
  await expect(details.getByTestId('secret-state-client-secret')).toHaveText('not stored yet');
  // No bearer token field for an OAuth profile.
  await expect(details.getByLabel('Bearer token')).toHaveCount(0);

  await storeSecret(p, 'OAuth client secret', CLIENT_SECRET);

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

  const files = readdirSync(own.home()).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(own.home(), f), 'utf8')).join('\n');
  expect(files).toContain('e2e-client');
  expect(files).not.toContain(CLIENT_SECRET);
  const seen = pageText.join('\n');
  expect(seen).not.toContain(CLIENT_SECRET);
  for (const token of tenant.issuedTokens()) expect(seen).not.toContain(token);

  await deleteProfile(p, 'e2e-oauth');
});

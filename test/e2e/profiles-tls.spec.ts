// Mutual TLS set up in the app (issue 18), in real chromium against browser mode with the REAL
// keychain: a tenant behind a private CA that wants a client certificate. The first test fails on
// the unknown CA and names it; the CA, client certificate and encrypted key are picked with the
// page's file inputs (main keeps owner-only copies), the key passphrase goes to the keychain, and
// "Test connection" says which CA and client certificate it used before the users are browsed.
// The passphrase and the key never come back to the page. Certificates are made with openssl for
// this run; host, data folder, tenant and certificates are removed at the end.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox/index';
import { makeTestPki, type TestPki } from '../support/tls-certs';
import { ownHost } from './own-host';
import { apiAnswers, createProfile, deleteProfile, profilesPanel, storeSecret } from './profile-steps';

const TOKEN = `e2e-tls-${randomBytes(18).toString('hex')}`;
const USERS = 14;
let pki: TestPki;
let tenant: SandboxHandle;
const own = ownHost('mtls', { savedProfiles: true, sandboxUsers: 3 });

test.beforeAll(async () => {
  pki = makeTestPki();
  tenant = await startSandbox({ users: USERS, port: 0, vendor: 'rfc', token: TOKEN, tls: { key: pki.read(pki.serverKey), cert: pki.read(pki.serverCert), ca: pki.read(pki.clientCaCert), requestCert: true, rejectUnauthorized: true } });
});
test.afterAll(async () => {
  await tenant?.close();
  pki?.remove();
});

test('a profile behind a private CA with a client certificate: files picked in the page, passphrase in the keychain', async ({ page }, testInfo) => {
  const pageText = apiAnswers(page);
  await page.goto(own.host().url);
  const p = profilesPanel(page);
  const { list, details } = p;
  await createProfile(p, 'e2e-mtls', tenant.url, (editor) => editor.getByLabel('Proxy', { exact: true }).selectOption('none').then(() => undefined));
  await details.getByLabel('Bearer token').fill(TOKEN);
  await details.getByRole('button', { name: 'Save token' }).click();
  const result = details.getByTestId('connection-test');
  // The unknown CA is refused and named.
  await expect(result).toContainText('Discovery failed', { timeout: 45_000 });
  await expect(result.getByRole('alert')).toContainText('Inspector Test Private CA');

  await details.getByLabel('Private CA file').setInputFiles(pki.caCert);
  await expect(details.getByTestId('tls-ca')).toContainText('Inspector Test Private CA');
  await details.getByLabel('Client certificate file').setInputFiles(pki.clientCert);
  await expect(details.getByTestId('tls-clientCert')).toContainText('issued by');
  await details.getByLabel('Client key file').setInputFiles(pki.clientKeyEncrypted);
  await expect(details.getByTestId('secret-state-key-passphrase')).toHaveText('not stored yet');

  await storeSecret(p, 'Client key passphrase', pki.clientKeyPassphrase);
  await expect(result).toContainText('Discovery succeeded', { timeout: 45_000 });
  const used = result.getByTestId('connection-used');
  await expect(used).toContainText('system + ');
  await expect(used).toContainText('Inspector Test Private CA');
  await expect(used).toContainText('Client certificate');
  await testInfo.attach('mtls-test-connection', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  await list.getByRole('button', { name: /Sandbox tenant/ }).click();
  await list.getByRole('button', { name: /e2e-mtls/ }).click();
  await expect(page.getByTestId('row-count')).toHaveText(new RegExp(`^${USERS} users`), { timeout: 20_000 });

  const seen = pageText.join('\n');
  expect(seen).not.toContain(TOKEN);
  expect(seen).not.toContain(pki.clientKeyPassphrase);
  expect(seen).not.toContain('ENCRYPTED PRIVATE KEY');
  const copies = join(own.home(), 'tls');
  expect(seen).not.toContain(copies);
  expect(readdirSync(copies).length).toBe(3);

  await deleteProfile(p, 'e2e-mtls');
  expect(existsSync(copies) ? readdirSync(copies) : []).toEqual([]);
});

// Mutual TLS set up in the app (issue 18), in real chromium against browser mode with the REAL
// keychain: a tenant behind a private CA that wants a client certificate. The first test fails on
// the unknown CA and names it; the CA, client certificate and encrypted key are picked with the
// page's file inputs (main keeps owner-only copies), the key passphrase goes to the keychain, and
// "Test connection" says which CA and client certificate it used before the users are browsed.
// The passphrase and the key never come back to the page. Certificates are made with openssl for
// this run; host, data folder, tenant and certificates are removed at the end.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox/index';
import { startWebHost, type WebHost } from '../../electron/host/web';
import { makeTestPki, type TestPki } from '../support/tls-certs';

const root = join(import.meta.dirname, '../..');
const TOKEN = `e2e-tls-${randomBytes(18).toString('hex')}`;
const USERS = 14;
let pki: TestPki;
let tenant: SandboxHandle;
let host: WebHost;
let dataDir: string;

test.beforeAll(async () => {
  pki = makeTestPki();
  dataDir = mkdtempSync(join(tmpdir(), 'scim-inspector-e2e-tls-'));
  tenant = await startSandbox({ users: USERS, port: 0, vendor: 'rfc', token: TOKEN, tls: { key: pki.read(pki.serverKey), cert: pki.read(pki.serverCert), ca: pki.read(pki.clientCaCert), requestCert: true, rejectUnauthorized: true } });
  host = await startWebHost({ rendererDir: join(root, 'dist'), dataDir, sandboxUsers: 3, open: false, exportDir: join(dataDir, 'exports') });
});

test.afterAll(async () => {
  await host?.close();
  await tenant?.close();
  pki?.remove();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a profile behind a private CA with a client certificate: files picked in the page, passphrase in the keychain', async ({ page }, testInfo) => {
  const pageText: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/')) void r.text().then((t) => pageText.push(t), () => undefined);
  });
  await page.goto(host.url);
  const panel = page.getByRole('region', { name: 'Connection profiles' });
  const list = panel.getByRole('list', { name: 'Saved profiles' });
  await panel.getByRole('button', { name: 'New profile' }).click();
  const editor = panel.getByRole('form', { name: 'New profile' });
  await editor.getByLabel('Name', { exact: true }).fill('e2e-mtls');
  await editor.getByLabel('Base URL').fill(tenant.url);
  await editor.getByLabel('Proxy', { exact: true }).selectOption('none');
  await editor.getByRole('button', { name: 'Create profile' }).click();

  const details = panel.getByTestId('profile-details');
  await expect(details.getByRole('heading', { name: /e2e-mtls/ })).toBeVisible();
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

  await details.getByRole('textbox', { name: 'Client key passphrase' }).fill(pki.clientKeyPassphrase);
  await details.getByRole('form', { name: 'Client key passphrase' }).getByRole('button', { name: 'Save' }).click();
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
  expect(seen).not.toContain(join(dataDir, 'tls'));
  expect(readdirSync(join(dataDir, 'tls')).length).toBe(3);

  await panel.getByRole('button', { name: 'Edit profile' }).click();
  await panel.getByRole('button', { name: 'Delete…' }).click();
  await panel.getByRole('alertdialog', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete profile' }).click();
  await expect(list.getByRole('button', { name: /e2e-mtls/ })).toHaveCount(0);
  expect(existsSync(join(dataDir, 'tls')) ? readdirSync(join(dataDir, 'tls')) : []).toEqual([]);
});

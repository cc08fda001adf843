// The audit in real chromium (browser mode) on its own sandbox tenant and data folder: run it on
// the live tenant, see the checklist counts and charts, export the findings CSV through the host
// (written in the export folder, never at a path the page names), click through to a resource.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHost, type WebHost } from '../../electron/host/web';

const USERS = 300;
let host: WebHost;
let home: string;

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'scim-audit-e2e-'));
  host = await startWebHost({ rendererDir: join(import.meta.dirname, '../../dist'), sandboxUsers: USERS, open: false, savedProfiles: false, dataDir: home, exportDir: join(home, 'exports') });
});

test.afterAll(async () => {
  await host?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

test('run the audit → see counts → export findings CSV → open a finding', async ({ page }, testInfo) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Audit' }).click();
  const audit = page.getByRole('region', { name: 'Audit' }).last();
  await audit.getByRole('button', { name: 'Run audit' }).click();
  await expect(page.getByTestId('count-users')).toHaveText(String(USERS), { timeout: 30_000 });
  await expect(page.getByTestId('audit-counts').locator('li[data-check="inactive"]')).toContainText(/Inactive users: \d+/);
  await expect(page.getByRole('img', { name: /^Active vs inactive users: active \d+, inactive \d+/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Findings by code:/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Users by last modification:/ })).toBeVisible();
  const firstGroup = page.getByTestId('findings').locator('details').first();
  const code = (await firstGroup.getAttribute('data-code')) ?? '';
  const count = Number(await firstGroup.locator('summary strong').textContent());
  expect(count).toBeGreaterThan(0);
  await testInfo.attach('audit', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  await audit.getByRole('button', { name: 'Export findings CSV' }).click();
  await expect(page.getByTestId('audit-exported')).toContainText(/\d+ findings rows saved to .*exports\/scim-findings-.*\.csv/);
  const files = readdirSync(join(home, 'exports')).filter((n) => n.startsWith('scim-findings-'));
  expect(files).toHaveLength(1);
  const csv = readFileSync(join(home, 'exports', files[0] ?? ''), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^code,/);
  expect(lines.filter((l) => l.startsWith(`${code},`)).length).toBe(count);

  // A second export of the same audit is a new file next to the first, never an overwrite.
  await audit.getByRole('button', { name: 'Export findings CSV' }).click();
  await expect(page.getByTestId('audit-exported')).toContainText(/scim-findings-.*-1\.csv/);
  expect(readdirSync(join(home, 'exports')).filter((n) => n.startsWith('scim-findings-'))).toHaveLength(2);

  // Click-through: a finding opens its resource in the detail pane.
  await firstGroup.locator('summary').click();
  await firstGroup.getByRole('button').first().click();
  await expect(page.getByTestId('detail')).toBeVisible();
});

test('save two snapshots, audit one offline and diff them', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Audit' }).click();
  const audit = page.getByRole('region', { name: 'Audit' }).last();
  for (let i = 0; i < 2; i += 1) {
    await audit.getByRole('button', { name: 'Run audit' }).click();
    await expect(page.getByTestId('audit-source')).toContainText('Live tenant');
    await audit.getByRole('button', { name: 'Save snapshot' }).click();
    await expect(audit.getByRole('combobox', { name: 'Source' }).locator('option')).toHaveCount(i + 2);
  }
  const source = audit.getByRole('combobox', { name: 'Source' });
  const name = (await source.locator('option').nth(1).getAttribute('value')) ?? '';
  await source.selectOption(name);
  await audit.getByRole('button', { name: 'Run audit' }).click();
  await expect(page.getByTestId('audit-source')).toContainText(`Snapshot ${name}`);
  await expect(page.getByTestId('count-users')).toHaveText(String(USERS));
  await page.getByRole('button', { name: 'Diff', exact: true }).click();
  await expect(page.getByTestId('diff-summary')).toHaveText(/^\d+ added, \d+ removed, \d+ changed$/);
});

test('compare the tenant with an IdP export', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Audit' }).click();
  const audit = page.getByRole('region', { name: 'Audit' }).last();
  const csv = 'mail,department\nnobody-here@idp.example,Ops\n';
  await audit.getByLabel('IdP export (CSV)').setInputFiles({ name: 'idp.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(audit.getByRole('button', { name: 'Run audit' })).toBeDisabled();
  await audit.getByLabel('Key column').fill('mail');
  await audit.getByRole('button', { name: 'Run audit' }).click();
  await expect(page.getByTestId('audit-counts').locator('li[data-check="notInTenant"]')).toContainText('Not in the tenant: 1');
  await expect(page.getByTestId('audit-counts').locator('li[data-check="notInIdp"]')).toContainText(`Not in the IdP: ${USERS}`);
});

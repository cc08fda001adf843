// The audit in real chromium (browser mode) on its own sandbox tenant and data folder: run it on
// the live tenant, see the checklist counts and charts, export the findings CSV through the host
// (written in the export folder, never at a path the page names), click through to a resource.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_TOKEN } from '../../electron/core/sandbox';
import { startWebHost, type WebHost } from '../../electron/host/web';
import { callHost } from './host-api';

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
  expect(lines[0]).toBe('code,severity,resourceType,id,userName,email,detail');
  expect(csv.charCodeAt(0)).not.toBe(0xfeff);
  expect(lines.filter((l) => l.startsWith(`${code},`)).length).toBe(count);

  // A second export of the same audit is a new file next to the first, never an overwrite; with
  // "For Excel" on it starts with the UTF-8 byte order mark.
  await audit.getByRole('checkbox', { name: 'For Excel (UTF-8 BOM)' }).check();
  await audit.getByRole('button', { name: 'Export findings CSV' }).click();
  await expect(page.getByTestId('audit-exported')).toContainText(/scim-findings-.*-1\.csv/);
  const both = readdirSync(join(home, 'exports')).filter((n) => n.startsWith('scim-findings-'));
  expect(both).toHaveLength(2);
  const excel = readFileSync(join(home, 'exports', both.find((n) => n.endsWith('-1.csv')) ?? ''));
  expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  // Click-through: a finding opens its resource in the detail pane.
  await firstGroup.locator('summary').click();
  // (The group's first button may be its bulk action, "Deactivate these N users".)
  await firstGroup.getByRole('button', { name: /^(User|Group) / }).first().click();
  await expect(page.getByTestId('detail')).toBeVisible();
});

test('save two snapshots around a change, audit one offline and diff them', async ({ page, request }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Audit' }).click();
  const audit = page.getByRole('region', { name: 'Audit' }).last();
  const source = audit.getByRole('combobox', { name: 'Source' });
  const snapshotNames = async (): Promise<string[]> => (await source.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).filter((v) => v !== 'live');
  const saveLiveSnapshot = async (count: number): Promise<string> => {
    const known = await snapshotNames();
    await source.selectOption('live');
    await audit.getByRole('button', { name: 'Run audit' }).click();
    await expect(page.getByTestId('audit-source')).toContainText('Live tenant');
    await audit.getByRole('button', { name: 'Save snapshot' }).click();
    await expect(source.locator('option')).toHaveCount(count + 1);
    const added = (await snapshotNames()).filter((n) => !known.includes(n));
    expect(added).toHaveLength(1);
    return added[0] ?? '';
  };

  const first = await saveLiveSnapshot(1);
  // Another admin changes the tenant through its SCIM API: one user deactivated, one created,
  // one deleted (its groups lose a member, so they change too).
  const tenant = await callHost<{ url: string }>(request, host.url, 'sandbox.status');
  const scim = async (method: string, path: string, data?: unknown) => {
    const res = await request.fetch(`${tenant.value?.url}${path}`, { method, headers: { Authorization: `Bearer ${DEMO_TOKEN}`, 'Content-Type': 'application/scim+json' }, ...(data === undefined ? {} : { data }) });
    expect(res.status(), `${method} ${path}`).toBeLessThan(300);
    return method === 'DELETE' ? null : ((await res.json()) as { id: string; userName: string; active?: boolean; groups?: unknown[]; Resources?: { id: string; userName: string; active?: boolean; groups?: unknown[] }[] });
  };
  try {
    const page1 = await scim('GET', '/Users?count=10');
    const [changed, removed] = (page1?.Resources ?? []).filter((u) => u.active === true);
    if (!changed || !removed) throw new Error('the tenant has too few active users');
    await scim('PATCH', `/Users/${changed.id}`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] });
    const created = await scim('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'diff.newcomer@example.test', active: true });
    await scim('DELETE', `/Users/${removed.id}`);
    const second = await saveLiveSnapshot(2);

    // One of them audited offline gives the tenant as it was then.
    // Named by label, tenant and time, not by its file name.
    const label = (await source.locator(`option[value="${second}"]`).textContent()) ?? '';
    expect(label).toMatch(/^snapshot · Sandbox tenant \(demo, rfc\) · taken /);
    await source.selectOption(second);
    await audit.getByRole('button', { name: 'Run audit' }).click();
    await expect(page.getByTestId('audit-source')).toContainText(`Snapshot ${label}`);
    await expect(page.getByTestId('count-users')).toHaveText(String(USERS));

    const diff = page.getByRole('region', { name: 'Snapshot diff' });
    await diff.getByRole('combobox', { name: 'From' }).selectOption(first);
    await diff.getByRole('combobox', { name: 'To' }).selectOption(second);
    await diff.getByRole('button', { name: 'Diff', exact: true }).click();
    const groupsLosingAMember = removed.groups?.length ?? 0;
    await expect(page.getByTestId('diff-summary')).toHaveText(`1 added, 1 removed, ${1 + groupsLosingAMember} changed`);
    await expect(diff.getByRole('listitem').filter({ hasText: `+ User ${created?.userName}` })).toHaveCount(1);
    await expect(diff.getByRole('listitem').filter({ hasText: `− User ${removed.userName}` })).toHaveCount(1);
    // Each changed field with its old and new value, and the whole diff as CSV.
    await expect(diff.getByRole('listitem').filter({ hasText: `~ User ${changed.userName}: active true → false` })).toHaveCount(1);
    await diff.getByRole('button', { name: 'Export diff CSV' }).click();
    await expect(page.getByTestId('diff-exported')).toContainText(/rows saved to .*exports\/scim-diff-.*\.csv/);
    const diffFile = readdirSync(join(home, 'exports')).find((n) => n.startsWith('scim-diff-')) ?? '';
    const diffRows = readFileSync(join(home, 'exports', diffFile), 'utf8').trimEnd().split('\r\n');
    expect(diffRows[0]).toBe('change,resourceType,id,name,field,before,after');
    expect(diffRows).toContain(`changed,User,${changed.id},${changed.userName},active,true,false`);
    expect(diffRows).toContain(`added,User,${created?.id},${created?.userName},,,`);
  } finally {
    // The other tests of this worker share the tenant: back to the seeded data.
    const reset = await request.post(`${new URL(tenant.value?.url ?? '').origin}/__sandbox/reset`, { headers: { Authorization: `Bearer ${DEMO_TOKEN}` } });
    expect(reset.status()).toBe(200);
  }
});

test('compare the tenant with an IdP export', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Audit' }).click();
  const audit = page.getByRole('region', { name: 'Audit' }).last();
  const csv = 'mail,department\nnobody-here@idp.example,Ops\n';
  await audit.getByLabel('IdP export (CSV)').setInputFiles({ name: 'idp.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(audit.getByRole('combobox', { name: 'Key column' })).toHaveValue('mail');
  await audit.getByRole('button', { name: 'Run audit' }).click();
  await expect(page.getByTestId('audit-counts').locator('li[data-check="notInTenant"]')).toContainText('Not in the tenant: 1');
  await expect(page.getByTestId('audit-counts').locator('li[data-check="notInIdp"]')).toContainText(`Not in the IdP: ${USERS}`);
});

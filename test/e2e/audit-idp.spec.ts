// The IdP comparison in real chromium (issue 17): the key column and the tenant attribute are
// picked from the file's own header row (preset with a guess), the first rows are shown, and after
// the run the page says what was compared with what, with sample rows and a hint. The issue's
// case: a CSV of userNames in a `mail` column compared with emails said "not in the IdP" for every
// user and never why. A file without a header row is refused with a clear error.
import { expect, test } from '@playwright/test';
import { DEMO_TOKEN } from '../../electron/core/sandbox';
import { callHost } from './host-api';
import { expectNoSeriousViolations } from './axe-check';
import { ownHost } from './own-host';

const USERS = 120;
const own = ownHost('audit-idp', { sandboxUsers: USERS });

interface User {
  id: string;
  userName: string;
  emails?: { value: string }[];
}

test('userNames in a mail column: the page shows why none matched and matches them on userName', async ({ page, request }) => {
  await page.goto(own.host().url);
  await expect(page.getByTestId('summary-Users')).toContainText('complete', { timeout: 30_000 });
  // The tenant's users whose userName is nobody's email: the file an admin exported wrongly.
  const tenant = await callHost<{ url: string }>(request, own.host().url, 'sandbox.status');
  const res = await request.get(`${tenant.value?.url}/Users?count=${USERS}`, { headers: { Authorization: `Bearer ${DEMO_TOKEN}` } });
  const users = ((await res.json()) as { Resources: User[] }).Resources;
  const lower = (v: string): string => v.toLowerCase();
  const emails = new Set(users.flatMap((u) => (u.emails ?? []).map((e) => lower(e.value))));
  const differ = users.filter((u) => !emails.has(lower(u.userName)) && users.filter((o) => lower(o.userName) === lower(u.userName)).length === 1);
  expect(differ.length).toBeGreaterThan(1);
  const csv = ['department,mail', ...differ.map((u) => `Ops,${u.userName}`)].join('\n');

  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Audit' }).click();
  const audit = page.getByRole('region', { name: 'Audit' }).last();
  await audit.getByLabel('IdP export (CSV)').setInputFiles({ name: 'idp.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(audit.getByTestId('idp-file')).toHaveText(`Using idp.csv (${differ.length} rows)`);
  // Picked from the file's header row, preset with the guess from the column names.
  const key = audit.getByRole('combobox', { name: 'Key column' });
  await expect(key.locator('option')).toHaveText(['department', 'mail']);
  await expect(key).toHaveValue('mail');
  const attribute = audit.getByRole('combobox', { name: 'Tenant attribute' });
  await expect(attribute.locator('option')).toHaveText(['userName', 'primary email', 'any email', 'externalId']);
  await expect(attribute).toHaveValue('email');
  await expect(audit.getByRole('table', { name: 'First rows of the IdP export' }).getByRole('cell', { name: differ[0]?.userName ?? '', exact: true })).toBeVisible();

  await audit.getByRole('button', { name: 'Run audit' }).click();
  await expect(page.getByTestId('audit-counts').locator('li[data-check="notInIdp"]')).toContainText(`Not in the IdP: ${USERS}`, { timeout: 30_000 });
  const evidence = page.getByRole('region', { name: 'IdP comparison' });
  await expect(evidence.getByTestId('idp-hint')).toHaveText(`0 of ${USERS} tenant users matched mail of the IdP export on any email; ${differ.length} would match on userName. Choose "userName" as the tenant attribute and run again.`);
  const byAttribute = evidence.getByRole('table', { name: 'Users matched by each tenant attribute' });
  await expect(byAttribute.locator('tr[data-match="email"]')).toContainText(`any email (used)0 of ${USERS}`);
  await expect(byAttribute.locator('tr[data-match="userName"]')).toContainText(`userName${differ.length} of ${USERS}`);
  // Why, row by row: the users with the emails that were looked for, the IdP rows with the user
  // each would match on another attribute.
  const unmatchedRows = evidence.getByRole('table', { name: 'IdP rows not matched (sample)' });
  await expect(unmatchedRows.getByRole('row').nth(1)).toHaveText(`2${differ[0]?.userName}${differ[0]?.userName} on userName`);
  await expect(evidence.getByRole('table', { name: 'Users not matched (sample)' }).getByRole('row')).toHaveCount(6);
  await expectNoSeriousViolations(page, 'Audit with the IdP comparison');

  await attribute.selectOption('userName');
  await audit.getByRole('button', { name: 'Run audit' }).click();
  await expect(page.getByTestId('audit-counts').locator('li[data-check="notInIdp"]')).toContainText(`Not in the IdP: ${USERS - differ.length}`);
  await expect(evidence.getByTestId('idp-hint')).toHaveCount(0);
  const matched = evidence.getByRole('table', { name: 'Matched rows (sample)' });
  await expect(matched.getByRole('row').nth(1)).toHaveText(`2${differ[0]?.userName}${differ[0]?.userName}${differ[0]?.userName}`);
});

test('an IdP file without a header row is refused, saying what to do', async ({ page }) => {
  await page.goto(own.host().url);
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Audit' }).click();
  const audit = page.getByRole('region', { name: 'Audit' }).last();
  await audit.getByLabel('IdP export (CSV)').setInputFiles({ name: 'idp.csv', mimeType: 'text/csv', buffer: Buffer.from('ana@x.test,Ops\nbo@x.test,HR\n') });
  await expect(audit.getByTestId('feature-error')).toContainText('the IdP export has no header row: line 1 ("ana@x.test", "Ops") holds values, not column names. Add a first line naming the columns');
  await expect(audit.getByRole('combobox', { name: 'Key column' })).toHaveCount(0);
});

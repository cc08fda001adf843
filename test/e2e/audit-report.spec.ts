// The printable audit report from the Audit page in real chromium (issue 17): main writes it to
// the export folder (the page never names a path); it is one self-contained HTML file with the
// tenant, the time, counts, charts and the findings, and opens with no script and no network.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ownHost } from './own-host';

const USERS = 80;
const own = ownHost('audit-report', { sandboxUsers: USERS });

test('save the audit report (HTML) and open it offline', async ({ page, context }) => {
  await page.goto(own.host().url);
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Audit' }).click();
  const audit = page.getByRole('region', { name: 'Audit' }).last();
  await audit.getByRole('button', { name: 'Run audit' }).click();
  await expect(page.getByTestId('count-users')).toHaveText(String(USERS), { timeout: 30_000 });
  const total = (await page.getByTestId('findings').locator('summary strong').allTextContents()).map(Number).reduce((a, b) => a + b, 0);
  await audit.getByRole('button', { name: 'Save audit report (HTML)' }).click();
  await expect(page.getByTestId('audit-report-saved')).toHaveText(new RegExp(`^Audit report with all ${total} findings saved to .*exports/scim-audit-report-.*\\.html$`));
  const name = readdirSync(join(own.home(), 'exports')).find((n) => n.startsWith('scim-audit-report-')) ?? '';
  const html = readFileSync(join(own.home(), 'exports', name), 'utf8');
  expect(html).not.toMatch(/<script/i);

  // Opened as a file with the network cut: everything shows, nothing is fetched.
  const requests: string[] = [];
  const offline = await context.newPage();
  offline.on('request', (r) => void (r.url().startsWith('data:') || requests.push(r.url())));
  await offline.setContent(html);
  await expect(offline.getByRole('heading', { level: 1 })).toHaveText(/^SCIM audit report: Sandbox tenant/);
  await expect(offline.getByRole('img', { name: /^Active vs inactive users: active \d+, inactive \d+$/ })).toBeVisible();
  await expect(offline.getByRole('img', { name: /^Findings by severity: high \d+, medium \d+, low \d+, info \d+$/ })).toBeVisible();
  await expect(offline.locator('table.findings tbody tr')).toHaveCount(total);
  await expect(offline.getByText(/UTC · /).first()).toBeVisible();
  expect(requests).toEqual([]);
  await offline.close();
});

// On a server that lies by omission (the sandbox's omission dialect): the Capabilities page shows
// what the probe saw ("emails.value eq: under-matches (empty for a known email)", the unsaid page
// cap), and a leaver named by an email other than the userName, or by the upper-cased userName, is
// found for deactivation — proven by a complete listing, and the plan says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHost, type WebHost } from '../../electron/host/web';
import { startSandbox } from '../../electron/core/sandbox';
import type { ScimUser } from '../../shared/scim';

const USERS = 120;
let host: WebHost;
let home: string;
let leaver: { email: string; userName: string };

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'scim-observed-e2e-'));
  host = await startWebHost({ rendererDir: join(import.meta.dirname, '../../dist'), sandboxVendor: 'omission', sandboxUsers: USERS, open: false, savedProfiles: false, dataDir: home, exportDir: join(home, 'exports') });
  // The demo tenant is seeded deterministically; a twin with the same options tells us its users.
  const twin = await startSandbox({ vendor: 'omission', users: USERS });
  const colliding = new Set(twin.store.planted.caseCollidingUserNames.flat().map((n) => n.toLowerCase()));
  const user = twin.store
    .ids('Users')
    .map((id) => twin.store.get('Users', id)?.res as ScimUser)
    .find((u) => u.active === true && !colliding.has(u.userName.toLowerCase()) && (u.emails?.[0]?.value ?? '').toLowerCase() !== u.userName.toLowerCase()) as ScimUser;
  leaver = { email: user.emails?.[0]?.value ?? '', userName: user.userName };
  await twin.close();
});

test.afterAll(async () => {
  await host?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

test('the Capabilities page shows what the probe saw the server do', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Capabilities' }).click();
  const facts = page.getByTestId('observed-facts');
  await expect(facts).toContainText('Not probed yet');
  await facts.getByRole('button', { name: 'Probe now' }).click();
  await expect(facts.locator('tr[data-fact="Users.emails.value"]')).toContainText('under-matches');
  await expect(facts.locator('tr[data-fact="Users.emails.value"]')).toContainText('empty for a known email');
  await expect(facts.locator('tr[data-fact="Users.userName.otherCase"]')).toContainText(/under-matches.*case-sensitive/);
  await expect(facts.locator('tr[data-fact="Users.active"]')).toContainText('rejected');
  await expect(facts.locator('tr[data-fact="pageCap"]')).toContainText('50');
  await expect(facts.getByRole('button', { name: 'Probe again' })).toBeVisible();
  // The server's own claim stays next to what was seen: it says it filters.
  await expect(page.getByTestId('discovery').locator('tr').filter({ has: page.locator('th', { hasText: /^Filter$/ }) })).toContainText('yes');
});

test('a leaver named by email, or by the upper-cased userName, is found: proven by a complete listing', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name: 'Deactivate' }).click();
  const region = page.getByRole('region', { name: 'Deactivate users' });
  await region.getByLabel('Header row').selectOption('no');
  await region.getByLabel('List').fill(`${leaver.email}\n${leaver.userName.toUpperCase()}\n`);
  await region.getByRole('button', { name: 'Read list' }).click();
  await expect(page.getByTestId('list-count')).toContainText('2 value(s)');
  await region.getByRole('button', { name: 'Dry run (2)' }).click();
  // Both values name the same user: one target, never "not found".
  await expect(page.getByTestId('plan-summary')).toContainText('1 to deactivate');
  await expect(page.getByTestId('plan-summary')).toContainText('0 unresolved');
  const target = page.getByTestId('plan').locator('tr[data-status="target"]');
  await expect(target).toContainText(leaver.userName);
  await expect(target.getByTestId('resolved-by')).toContainText(`only match in a complete listing of ${USERS} users`);
  // The session's listing, its age, and a refresh that plans again over a new one.
  const held = page.getByTestId('held-listing');
  await expect(held).toContainText(`a complete listing of ${USERS} users taken`);
  await expect(held).toContainText('less than a minute old');
  await held.getByRole('button', { name: 'Refresh the listing and plan again' }).click();
  await expect(held.getByRole('button', { name: 'Refresh the listing and plan again' })).toBeEnabled();
  await expect(page.getByTestId('plan-summary')).toContainText('1 to deactivate');
});

test('a member removal answered 501 offers the value-array form, and that form is applied', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Groups' }).click();
  await expect(page.getByTestId('summary-Groups')).toContainText('complete', { timeout: 30_000 });
  // "All Staff" (group 0) has members.
  await page.locator('.grid-body [role="row"]').first().click();
  const detail = page.getByTestId('detail');
  await detail.getByRole('button', { name: 'Edit', exact: true }).click();
  const panel = detail.getByRole('region', { name: 'Edit group' });
  const members = panel.getByRole('group', { name: 'Members' });
  await members.getByRole('button', { name: /^Remove member / }).first().click();
  await panel.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(panel.getByTestId('preview').getByTestId('request')).toContainText('members[value eq');
  await panel.getByRole('button', { name: 'Confirm and send PATCH' }).click();
  const refusal = panel.getByRole('alert').filter({ hasText: 'does not implement this PATCH' });
  await expect(refusal).toContainText('501 Not Implemented');
  await expect(refusal).not.toContainText(/try again later/i);
  await panel.getByRole('group', { name: 'Other forms of this change' }).getByRole('button', { name: /value array/ }).click();
  await expect(panel.getByTestId('preview').getByTestId('request')).toContainText('"path": "members"');
  await panel.getByRole('button', { name: 'Confirm and send PATCH' }).click();
  await expect(panel.getByTestId('verified')).toContainText('verified');
});

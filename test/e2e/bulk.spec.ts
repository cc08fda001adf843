// Bulk selection and actions from findings, in real chromium (browser mode) on its own sandbox
// tenant: the header checkbox, "select all N matching", shift-click ranges, Space and Ctrl+A; CSV
// of the view and of the selection written by the host; "Deactivate these N users" from a finding
// goes to a plan of the same N; "Remove dangling members" is a previewed group edit that ends
// verified; bulk "Add to group" is one previewed group edit whose result shows in the grid.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startWebHost, type WebHost } from '../../electron/host/web';

const USERS = 80;
let host: WebHost;
let home: string;

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'scim-bulk-e2e-'));
  host = await startWebHost({ rendererDir: join(import.meta.dirname, '../../dist'), sandboxUsers: USERS, open: false, savedProfiles: false, dataDir: home, exportDir: join(home, 'exports') });
});

test.afterAll(async () => {
  await host?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Explorer' }).getByRole('button', { name, exact: true });
const rows = (page: Page) => page.locator('.grid-body [role="row"]');

async function open(page: Page): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByTestId('summary-Users')).toHaveText(new RegExp(`^${USERS} users · complete`), { timeout: 30_000 });
}

function exported(prefix: string): string[] {
  const dir = join(home, 'exports');
  const name = readdirSync(dir).find((n) => n.startsWith(prefix)) ?? '';
  return readFileSync(join(dir, name), 'utf8').trimEnd().split('\r\n');
}

test('header checkbox, select all matching, shift-click, Space, Ctrl+A; the selection and the view export as CSV', async ({ page }) => {
  await open(page);
  const count = page.getByTestId('selected-count');
  // Header checkbox: every row of the view (a quick search narrows it).
  await page.getByRole('searchbox', { name: 'Quick search' }).fill('.example');
  // The rows come from main's index: the count is read once the grid shows this search's rows.
  await expect(page.getByTestId('grid-Users')).toHaveAttribute('data-shown-search', '.example');
  await expect(page.getByTestId('grid-Users')).toHaveAttribute('data-exact', 'true');
  const inView = Number(/^(\d+)/.exec((await page.getByTestId('row-count').textContent()) ?? '')?.[1]);
  // The view's ids come from main: the box shows checked once they are in the selection.
  await page.getByRole('checkbox', { name: `Select all ${inView} users in view` }).click();
  await expect(page.getByRole('checkbox', { name: `Select all ${inView} users in view` })).toBeChecked();
  await expect(count).toHaveText(`${inView} selected — all ${inView} users matching “.example”`);
  await page.getByRole('button', { name: 'Clear selection' }).click();

  // Shift-click: from the last single toggle to here.
  await page.getByRole('searchbox', { name: 'Quick search' }).fill('');
  await rows(page).nth(1).getByRole('checkbox').click();
  await rows(page).nth(4).getByRole('checkbox').click({ modifiers: ['Shift'] });
  await expect(count).toHaveText('4 selected');
  for (const i of [1, 2, 3, 4]) await expect(rows(page).nth(i).getByRole('checkbox')).toBeChecked();
  // Select all N matching, from a partial selection.
  await page.getByRole('button', { name: `Select all ${USERS} users in the tenant` }).click();
  await expect(count).toHaveText(`${USERS} selected — all ${USERS} users in the tenant`);
  await page.getByRole('button', { name: 'Clear selection' }).click();

  // Space toggles the cursor row; Ctrl+A selects the view.
  await page.locator('.grid-body').click({ position: { x: 300, y: 5 } });
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(count).toHaveText('1 selected');
  await expect(rows(page).nth(1).getByRole('checkbox')).toBeChecked();
  await page.keyboard.press('Control+a');
  await expect(count).toHaveText(`${USERS} selected — all ${USERS} users in the tenant`);
  await page.keyboard.press('Space');
  await expect(count).toHaveText(`${USERS - 1} selected`);

  await page.getByRole('button', { name: 'Export selection (CSV)' }).click();
  await expect(page.getByTestId('export-selection')).toContainText(`${USERS - 1} rows saved to`);
  const selection = exported('scim-users-selection-');
  expect(selection).toHaveLength(USERS);
  expect(selection[0]).toBe('id,User name,Display name,Emails,Active,External id,Groups,Title,Last modified');

  await page.getByRole('searchbox', { name: 'Quick search' }).fill('.example');
  await page.getByRole('button', { name: 'Export view (CSV)' }).click();
  await expect(page.getByTestId('export-view')).toContainText(`${inView} rows saved to`);
  expect(exported('scim-users-view-')).toHaveLength(inView + 1);
});

test('"Deactivate these N users" goes from a finding to a plan of the same N', async ({ page }) => {
  await open(page);
  await nav(page, 'Audit').click();
  const audit = page.getByRole('region', { name: 'Audit' }).last();
  await audit.getByRole('button', { name: 'Run audit' }).click();
  await expect(page.getByTestId('count-users')).toHaveText(String(USERS), { timeout: 30_000 });
  // The first user finding with more than one user (the seeded tenant has several).
  const codes = await page.getByTestId('findings').locator('details').evaluateAll((ds) => ds.filter((d) => d.querySelector('button')?.textContent?.startsWith('Deactivate these') && Number(d.querySelector('summary strong')?.textContent) > 1).map((d) => d.getAttribute('data-code') ?? ''));
  const code = codes[0] ?? '';
  const group = page.getByTestId('findings').locator(`details[data-code="${code}"]`);
  const n = Number(await group.locator('summary strong').textContent());
  await group.locator('summary').click();
  await group.getByRole('button', { name: `Deactivate these ${n} users` }).click();

  await expect(page.getByRole('navigation', { name: 'Explorer' }).locator('[aria-current="page"]')).toHaveText('Deactivate');
  await expect(page.getByTestId('finding-source')).toContainText(`${n} user(s) of the audit finding “${code}”`);
  const plan = page.getByTestId('plan');
  await expect(page.getByTestId('plan-summary')).toContainText('Nothing has been written');
  await expect(plan.locator('tbody tr')).toHaveCount(n);
  const summary = (await page.getByTestId('plan-summary').textContent()) ?? '';
  const [, targets, skipped, unresolved] = /(\d+) to deactivate .*?, (\d+) skipped, (\d+) unresolved/.exec(summary) ?? [];
  expect(Number(targets) + Number(skipped) + Number(unresolved)).toBe(n);
});

test('"Remove dangling members" from a finding is a previewed group edit that ends verified', async ({ page }) => {
  await open(page);
  await nav(page, 'Audit').click();
  await page.getByRole('region', { name: 'Audit' }).last().getByRole('button', { name: 'Run audit' }).click();
  const group = page.getByTestId('findings').locator('details[data-code="dangling-member"]');
  await group.locator('summary').click();
  await group.getByRole('button', { name: 'Remove dangling members' }).first().click();

  const panel = page.getByRole('region', { name: 'Remove dangling members' });
  await expect(panel.getByTestId('dangling-check')).toHaveText(/^1 of \d+ members resolve to no user or group/);
  await panel.getByRole('button', { name: 'Preview removing 1 dangling member(s)' }).click();
  const preview = panel.getByTestId('preview');
  await expect(preview.locator('tr[data-changed="true"] th')).toHaveText([/^members/]);
  await expect(preview.getByTestId('request')).toContainText('"op": "remove"');
  await panel.getByRole('button', { name: /^Confirm and send/ }).click();
  await expect(panel.getByTestId('verified')).toContainText('verified');
  // The group's members as the pane shows them now: nothing dangling.
  await expect(page.getByTestId('group-members')).not.toContainText('dangling');
  // The open audit finding follows: no dangling member is left.
  await expect(page.getByTestId('audit-writes')).toContainText('1 resource(s) written and verified');
  await expect(page.getByTestId('findings').locator('details[data-code="dangling-member"]')).toHaveCount(0);
});

test('bulk "Add to group" is one previewed group edit; the grid shows the new membership', async ({ page }) => {
  await open(page);
  await nav(page, 'Groups').click();
  await expect(page.getByTestId('summary-Groups')).toContainText('complete');
  await nav(page, 'Users').click();
  // Two users not yet in the Finance group.
  const outside = rows(page).filter({ hasNotText: 'Finance Admins' });
  const names: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    names.push((await outside.nth(i).locator('[role="gridcell"]').nth(1).textContent()) ?? '');
  }
  for (const name of names) await rows(page).filter({ has: page.locator('[role="gridcell"]', { hasText: new RegExp(`^${name.replace(/[.+]/g, '\\$&')}$`) }) }).getByRole('checkbox').check();
  const toolbar = page.getByRole('toolbar', { name: 'Selected users' });
  await toolbar.getByRole('button', { name: 'Add to group' }).click();
  const panel = page.getByRole('region', { name: 'Add the 2 users to a group' });
  await panel.getByLabel('Find group').fill('Finance');
  const group = panel.getByRole('listbox');
  const first = (await group.locator('option').first().textContent()) ?? '';
  const groupName = first.replace(/ \(\d+ members\)$/, '');
  await group.selectOption({ index: 0 });
  await panel.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(panel.getByTestId('preview').getByTestId('request')).toContainText('PATCH');
  await panel.getByRole('button', { name: /^Confirm and send/ }).click();
  await expect(panel.getByTestId('verified')).toContainText('verified');
  for (const name of names) {
    const row = rows(page).filter({ has: page.locator('[role="gridcell"]', { hasText: new RegExp(`^${name.replace(/[.+]/g, '\\$&')}$`) }) });
    await expect(row).toContainText(groupName);
  }
});

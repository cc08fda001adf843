// The renderer in real chromium against browser mode: it loads, calls round-trip through the HTTP
// twin, and pushed progress/pages arrive while a listing runs.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectUsersListed } from './app-checks';
import { E2E_EXPORTS_ENV } from './global-setup';
import { hostOf } from './host-api';
import { recordUsersProgress } from './progress-recorder';

const appUrl = (): string => {
  const url = process.env.SCIM_INSPECTOR_E2E_URL;
  if (!url) throw new Error('global-setup did not start the web host');
  return url;
};

test('the app loads in browser mode and drops the secret from the address bar', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(appUrl());
  await expect(page.getByRole('heading', { name: 'SCIM Inspector' })).toBeVisible();
  await expect(page.getByTestId('mode')).toContainText('browser');
  await expect(page.getByRole('region', { name: 'Connection profiles' })).toContainText('Sandbox');
  expect(page.url()).not.toContain('secret');
  // The secret lives on in sessionStorage: a reload keeps working.
  await page.reload();
  await expect(page.getByTestId('mode')).toContainText('browser');
  expect(errors).toEqual([]);
});

test('discovery round-trips through the channel map', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByRole('navigation').getByRole('button', { name: 'Capabilities' }).click();
  await expect(page.getByTestId('discovery')).toContainText('paging index');
  await expect(page.getByTestId('discovery')).toContainText('User, Group');
  await expect(page.getByTestId('log-count')).not.toHaveText(/^0 requests/);
});

test('a streamed listing shows progress events and the verified count', async ({ page }) => {
  await page.goto(appUrl());
  const seen = await recordUsersProgress(page);
  // The users page loads on open; a reload after the observer is in place shows every state.
  await page.getByRole('button', { name: 'Reload' }).click();
  await expectUsersListed(page, 3000);
  // More than one progress state was rendered: pages arrived as events, not in one answer.
  expect(new Set(seen.filter((t) => t.includes('Pages '))).size).toBeGreaterThan(1);
});

test('a page opened without its secret says what to do', async ({ page }) => {
  await page.goto(new URL(appUrl()).origin + '/');
  await expect(page.getByRole('alert')).toContainText('without its secret');
});

test('HAR export is written by the host, never at a path the page names', async ({ page }) => {
  const exports = process.env[E2E_EXPORTS_ENV];
  if (!exports) throw new Error('global-setup did not set the export folder');
  await page.goto(appUrl());
  await page.getByRole('navigation').getByRole('button', { name: 'Capabilities' }).click();
  await expect(page.getByTestId('discovery')).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Request log' }).click();
  await page.getByRole('button', { name: 'Export HAR' }).click();
  await page.getByRole('alertdialog', { name: 'Export HAR?' }).getByRole('button', { name: 'Save HAR' }).click();
  await expect(page.getByTestId('saved')).toContainText('HAR saved to ');
  const savedTo = ((await page.getByTestId('saved').textContent()) ?? '').replace(/^.*HAR saved to /, '').trim();
  expect(dirname(savedTo)).toBe(exports);
  expect(basename(savedTo)).toMatch(/^scim-inspector-sandbox-.*\.har$/);
  expect(JSON.parse(readFileSync(savedTo, 'utf8'))).toMatchObject({ log: { entries: expect.any(Array) } });

  // The page itself asks for a file at a path of its choosing, every way a request could name one.
  const chosen = mkdtempSync(join(tmpdir(), 'scim-inspector-page-path-'));
  try {
    const named = join(chosen, 'chosen-by-page.har');
    const { secret } = hostOf(appUrl());
    const answers = await page.evaluate(
      async ({ secret, named, folder }) => {
        const call = async (input: unknown) => {
          const res = await fetch('/api/requestLog.exportHar', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Inspector-Secret': secret }, body: JSON.stringify(input) });
          return (await res.json()) as { ok: boolean; value?: { path: string | null } };
        };
        return [
          await call({ profileId: 'sandbox', path: named, file: named, filePath: named, suggestedName: named, defaultPath: named, dir: folder, directory: folder }),
          await call({ profileId: `../../../../../..${named}` }),
        ];
      },
      { secret, named, folder: chosen },
    );
    expect(answers[0]?.ok).toBe(true);
    for (const answer of answers) if (answer.ok) expect(dirname(answer.value?.path ?? '')).toBe(exports);
    expect(readdirSync(chosen)).toEqual([]);
  } finally {
    rmSync(chosen, { recursive: true, force: true });
  }
});

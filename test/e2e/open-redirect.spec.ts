// The redirect file `serve` opens (so the secret stays out of the opener's command line) takes real
// chromium from file:// to browser mode with its secret, and the app starts signed in.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { redirectPage } from '../../electron/host/open-browser';
import { ownHost } from './own-host';

const spec = ownHost('open-redirect', { sandboxUsers: 5 });

test('the redirect file opens the app with its secret', async ({ page }) => {
  const host = spec.host();
  const file = join(spec.home(), 'open.html');
  writeFileSync(file, redirectPage(host.url), { mode: 0o600 });
  await page.goto(pathToFileURL(file).href);
  await expect(page).toHaveURL(`${host.origin}/`);
  await expect(page.getByTestId('row-count')).toHaveText(/^5 users/, { timeout: 20_000 });
});

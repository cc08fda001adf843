// A read-only profile in real chromium against browser mode (real keychain, as `npm test` runs it):
// the Deactivate page refuses up front, and turning read-only off asks first — "Keep read-only"
// leaves the profile as it was, only the confirmation saves it writable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { startSandbox, type SandboxHandle } from '../../electron/core/sandbox/index';
import { startWebHost, type WebHost } from '../../electron/host/web';

const root = join(import.meta.dirname, '../..');
let tenant: SandboxHandle;
let host: WebHost;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'scim-inspector-e2e-read-only-'));
  tenant = await startSandbox({ users: 12, port: 0, vendor: 'rfc' });
  host = await startWebHost({ rendererDir: join(root, 'dist'), dataDir, sandboxUsers: 3, open: false, exportDir: join(dataDir, 'exports') });
});

test.afterAll(async () => {
  await host?.close();
  await tenant?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const secret = (): string => /#secret=([A-Za-z0-9_-]+)$/.exec(host.url)?.[1] ?? '';

async function api<T>(request: APIRequestContext, channel: string, input: unknown): Promise<T> {
  const res = await request.post(`${host.origin}/api/${channel}`, { data: input, headers: { Origin: host.origin, 'X-Inspector-Secret': secret() } });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message ?? '?'}`);
  return body.value as T;
}

const readOnlyOf = async (request: APIRequestContext, id: string): Promise<boolean | undefined> =>
  (await api<{ profiles: { id: string; readOnly: boolean }[] }>(request, 'profiles.list', null)).profiles.find((p) => p.id === id)?.readOnly;

test('turning read-only off needs a confirmation, and a read-only profile cannot even plan a deactivation', async ({ page, request }) => {
  const profile = await api<{ id: string }>(request, 'profiles.add', { name: 'ro-e2e', baseUrl: tenant.url, vendor: 'rfc', readOnly: true });
  await api(request, 'profiles.setToken', { profileId: profile.id, token: tenant.token });

  await page.goto(host.url);
  const panel = page.getByRole('region', { name: 'Connection profiles' });
  const list = panel.getByRole('list', { name: 'Saved profiles' });
  await list.getByRole('button', { name: /ro-e2e/ }).click();

  // Deactivate page: refused before any dry run.
  await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
  const deactivate = page.getByRole('region', { name: 'Deactivate users' });
  await deactivate.getByLabel('List').fill(`${tenant.store.ids('Users')[0] ?? ''}\n`);
  await deactivate.getByRole('button', { name: 'Read list' }).click();
  await expect(deactivate.getByText(/This profile is read-only/)).toBeVisible();
  await expect(deactivate.getByRole('button', { name: /Dry run/ })).toBeDisabled();

  // Unticking read-only and saving asks first; "Keep read-only" keeps it.
  await panel.getByRole('button', { name: 'Edit profile' }).click();
  const editor = panel.getByRole('form', { name: 'Edit profile ro-e2e' });
  await editor.getByLabel(/Read-only/).uncheck();
  await editor.getByRole('button', { name: 'Save changes' }).click();
  const confirm = panel.getByRole('alertdialog', { name: 'Confirm turning off read-only' });
  await expect(confirm).toContainText(tenant.url);
  expect(await readOnlyOf(request, profile.id)).toBe(true);
  await confirm.getByRole('button', { name: 'Keep read-only' }).click();
  await expect(editor.getByLabel(/Read-only/)).toBeChecked();
  expect(await readOnlyOf(request, profile.id)).toBe(true);

  await editor.getByLabel(/Read-only/).uncheck();
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await confirm.getByRole('button', { name: 'Turn off read-only and save' }).click();
  await expect.poll(() => readOnlyOf(request, profile.id)).toBe(false);
});

// @vitest-environment jsdom
// The ProfilesPanel on the real app API (createApi over dispatch/coreFunctions in this process)
// against a real sandbox tenant on 127.0.0.1 and an in-memory vault: the admin's first screen —
// new profile, token, test connection with the capability table — and delete with confirmation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createApi } from '../../../../shared/api';
import type { InspectorApi } from '../../../../shared/channels';
import { coreFunctions, createAppContext, dispatch, savedProfiles } from '../../../../electron/core/app/index';
import { createProfileStore } from '../../../../electron/core/profiles/index';
import { startSandbox, type SandboxHandle } from '../../../../electron/core/sandbox/index';
import { createKeytarVault, createMemoryVault } from '../../../../electron/core/vault/index';
import { ProfilesPanel } from '../../../../renderer/src/profiles/index';
import { fileDir } from '../../../support/temp-dir';

const TOKEN = 'panel-token-0123456789abcdefXYZ';
let tenant: SandboxHandle;
const dir = fileDir('profiles-panel-');
const ctx = createAppContext({
  mode: 'browser',
  version: '1',
  emit: () => undefined,
  saveFile: async () => ({ saved: false, path: null }),
  profiles: savedProfiles(createProfileStore({ dir }), createMemoryVault()),
  dataDir: dir,
  sandbox: { users: 3 },
});
const payloads: string[] = [];
const api: InspectorApi = createApi({
  invoke: async (channel, request) => {
    const result = await dispatch(coreFunctions, ctx, channel, request, () => undefined);
    payloads.push(JSON.stringify(result));
    return result;
  },
  subscribe: () => () => undefined,
});

beforeAll(async () => {
  tenant = await startSandbox({ users: 6, port: 0, token: TOKEN, vendor: 'lettermint' });
});
afterAll(async () => {
  await ctx.close();
  await tenant.close();
});
afterEach(cleanup);

function Harness() {
  const [selected, setSelected] = useState('sandbox');
  const [changed, setChanged] = useState<string[]>([]);
  return (
    <>
      <p data-testid="selected">{selected}</p>
      <p data-testid="changed">{changed.join(',')}</p>
      <ProfilesPanel api={api} selectedProfileId={selected} onSelect={setSelected} onChanged={(id) => setChanged((c) => [...c, id])} />
    </>
  );
}

const change = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

it('adds a profile, stores a pasted "Bearer" token once, tests it and shows the capability table', async () => {
  render(<Harness />);
  const list = await screen.findByRole('list', { name: 'Saved profiles' });
  await within(list).findByText('Sandbox tenant (demo)');
  fireEvent.click(screen.getByRole('button', { name: 'New profile' }));
  change('Name', 'lettermint-team');
  change('Base URL', tenant.url);
  fireEvent.change(screen.getByLabelText('Vendor hint'), { target: { value: 'lettermint' } });
  change('Protected users (userName or id, one per line; never deactivated)', 'breakglass@example.com');
  fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));

  const details = await screen.findByTestId('profile-details');
  expect(within(details).getByText('Token missing')).toBeTruthy();
  expect(screen.getByTestId('selected').textContent).not.toBe('sandbox');
  const field = within(details).getByLabelText('Bearer token') as HTMLInputElement;
  fireEvent.paste(field, { clipboardData: { getData: () => `Bearer ${TOKEN}` } });
  expect(field.value).toBe(TOKEN);
  expect(within(details).getByText(/Removed a leading "Bearer "/)).toBeTruthy();
  fireEvent.click(within(details).getByRole('button', { name: 'Save token' }));
  expect(field.value).toBe('');

  // Saving a token runs the connection test straight away.
  const result = await screen.findByTestId('connection-test', {}, { timeout: 10_000 });
  const table = within(result).getByRole('table');
  expect(within(table).getByText('Groups')).toBeTruthy();
  expect(within(table).getByText('Max page size')).toBeTruthy();
  expect(within(result).getByTestId('round-trip').textContent).toMatch(/^\d+ ms$/);
  await waitFor(() => expect(within(list).getByText('Connected')).toBeTruthy());
  expect(screen.getByTestId('token-state').textContent).toContain(`ends …${TOKEN.slice(-4)}`);
  // The frame is told, so a listing that failed before the token existed can reload.
  expect(screen.getByTestId('changed').textContent).toBe(screen.getByTestId('selected').textContent);
  expect(payloads.join('\n')).not.toContain(TOKEN);
});

it('shows 401 on the chip for a wrong token and deletes the profile only after confirmation', async () => {
  render(<Harness />);
  const list = await screen.findByRole('list', { name: 'Saved profiles' });
  fireEvent.click(await within(list).findByText('lettermint-team'));
  const details = await screen.findByTestId('profile-details');
  fireEvent.change(within(details).getByLabelText('Bearer token'), { target: { value: 'a-wrong-token-for-this-tenant' } });
  fireEvent.click(within(details).getByRole('button', { name: 'Replace token' }));
  await waitFor(() => expect(within(list).getByText('401 Unauthorized')).toBeTruthy(), { timeout: 10_000 });

  fireEvent.click(screen.getByRole('button', { name: 'Edit profile' }));
  fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
  const confirm = screen.getByRole('alertdialog', { name: 'Confirm delete' });
  expect(within(list).getByText('lettermint-team')).toBeTruthy();
  fireEvent.click(within(confirm).getByRole('button', { name: 'Delete profile' }));
  await waitFor(() => expect(within(list).queryByText('lettermint-team')).toBeNull());
  expect(screen.getByTestId('selected').textContent).toBe('sandbox');
});

it('says clearly when the OS keychain is unavailable, in the list and when a token is entered', async () => {
  const store = createProfileStore({ dir: mkdtempSync(join(tmpdir(), 'profiles-panel-nokeychain-')) });
  const broken = createKeytarVault({ service: 'scim-inspector-test-panel', load: () => Promise.reject(new Error('keytar.node was not built')) });
  const noKeychain = createAppContext({ mode: 'browser', version: '1', emit: () => undefined, saveFile: async () => ({ saved: false, path: null }), profiles: savedProfiles(store, broken), dataDir: dir });
  const brokenApi = createApi({ invoke: (channel, request) => dispatch(coreFunctions, noKeychain, channel, request, () => undefined), subscribe: () => () => undefined });
  const { id } = store.add({ name: 'needs-keychain', baseUrl: tenant.url });
  try {
    render(<ProfilesPanel api={brokenApi} selectedProfileId={id} onSelect={() => undefined} />);
    const keychainError = await screen.findByTestId('keychain-error');
    // The plain sentence first; the code and the technical cause (keytar) inside Details.
    expect(keychainError.querySelector('.error-sentence')?.textContent).toMatch(/^The system keychain is not available/);
    expect(within(keychainError).getByTestId('error-details').textContent).toMatch(/keychain-unavailable.*OS keychain cannot be used.*keytar/s);
    const details = await screen.findByTestId('profile-details');
    expect(within(details).getByTestId('token-state').textContent).toMatch(/keychain could not be read/);
    fireEvent.change(within(details).getByLabelText('Bearer token'), { target: { value: 'some-token-0123456789' } });
    fireEvent.click(within(details).getByRole('button', { name: 'Save token' }));
    expect((await screen.findByTestId('profiles-error')).textContent).toMatch(/keychain-unavailable/);
  } finally {
    await noKeychain.close();
    rmSync(store.path.replace(/\/profiles\.json$/, ''), { recursive: true, force: true });
  }
});

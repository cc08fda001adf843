// @vitest-environment jsdom
// Group membership through the edit form on a real sandbox core: remove a member, add another by
// userName through the member picker (an unknown email is refused), rename — the preview shows
// the member and name changes, and the sent write ends verified.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, configure, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { createApi } from '../../../../shared/api';
import type { ScimGroup, ScimResource } from '../../../../shared/scim';
import { coreFunctions, createAppContext, dispatch } from '../../../../electron/core/app/index';
import { EditPanel } from '../../../../renderer/src/features/edit/EditPanel';


// A safety net for a loaded machine (the calls go to a real server), not a speed claim.
configure({ asyncUtilTimeout: 10_000 });
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  cleanup();
  await close?.();
  close = null;
});

it('removes and adds members and renames a group through preview and send', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'scim-group-edit-'));
  const ctx = createAppContext({ mode: 'browser', version: '0', dataDir, emit: () => undefined, saveFile: async () => ({ saved: false, path: null }), sandbox: { users: 30 } });
  close = async () => {
    await ctx.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  const api = createApi({ invoke: (channel, request) => dispatch(coreFunctions, ctx, channel, request), subscribe: () => () => undefined });
  const { client } = await ctx.sessions.session('sandbox');
  const groups = (await client.list<ScimGroup>('Groups', { attributes: ['displayName', 'members', 'meta'] })).Resources;
  const users = (await client.list('Users')).Resources;
  // A group with members to remove and a user outside it to add (not the all-staff group).
  const group = groups.find((g) => (g.members?.length ?? 0) >= 2 && (g.members?.length ?? 0) < users.length) as ScimGroup;
  const outsider = users.find((u) => !group.members?.some((m) => m.value === u.id)) as ScimResource;
  const removed = group.members?.[0]?.value as string;

  render(<EditPanel api={api} profileId="sandbox" readOnly={false} openResource={() => undefined} kind="Groups" resource={group} onClose={() => undefined} />);
  fireEvent.change(screen.getByLabelText('Display name'), { target: { value: 'Renamed in test' } });
  fireEvent.click(screen.getAllByRole('button', { name: /^Remove member/ })[0] as HTMLElement);
  // Added by who they are: the picker resolves the userName to the user's id.
  fireEvent.change(screen.getByLabelText('Add member (userName, email or display name)'), { target: { value: String(outsider.userName).toUpperCase() } });
  fireEvent.click(screen.getByRole('button', { name: 'Add member' }));
  await screen.findByRole('button', { name: `Remove member ${String(outsider.userName)}` });
  // An email nobody has is refused, and said so; nothing is added.
  fireEvent.change(screen.getByLabelText('Add member (userName, email or display name)'), { target: { value: 'nobody.here@example.test' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add member' }));
  expect((await screen.findByTestId('member-refused')).textContent).toMatch(/Not added/);
  expect(screen.queryByRole('button', { name: 'Remove member nobody.here@example.test' })).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
  const preview = await screen.findByTestId('preview');
  const changed = [...preview.querySelectorAll('tr[data-changed="true"] th')].map((th) => th.textContent ?? '');
  expect(changed).toContain('displayName');
  expect(changed.some((p) => p.startsWith('members'))).toBe(true);
  fireEvent.click(screen.getByRole('button', { name: 'Confirm and send PATCH' }));
  await screen.findByTestId('verified');
  const after = await client.get<ScimGroup>('Groups', group.id, { attributes: ['displayName', 'members'] });
  expect(after.displayName).toBe('Renamed in test');
  const ids = after.members?.map((m) => m.value) ?? [];
  expect(ids).toContain(outsider.id);
  expect(ids).not.toContain(removed);
});

// @vitest-environment jsdom
// The edit panel on a real sandbox core: a 409 names the colliding attribute and links to the other
// user; a PATCH the service partly ignores (Mindtickle) shows the warning and a "Use PUT" preview
// that, confirmed, ends verified.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../../shared/api';
import type { SandboxVendor } from '../../../../shared/channels';
import type { ResourceKind, ScimResource } from '../../../../shared/scim';
import { coreFunctions, createAppContext, dispatch } from '../../../../electron/core/app/index';
import { EditPanel } from '../../../../renderer/src/features/edit/EditPanel';


// A safety net for a loaded machine (the calls go to a real server), not a speed claim.
configure({ asyncUtilTimeout: 10_000 });
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  cleanup();
  for (const close of closers) await close();
  closers = [];
});

async function core(vendor: SandboxVendor) {
  const dataDir = await mkdtemp(join(tmpdir(), 'scim-outcomes-'));
  const ctx = createAppContext({ mode: 'browser', version: '0', dataDir, emit: () => undefined, saveFile: async () => ({ saved: false, path: null }), sandbox: { users: 8, vendor } });
  closers.push(async () => {
    await ctx.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const api = createApi({ invoke: (channel, request) => dispatch(coreFunctions, ctx, channel, request), subscribe: () => () => undefined });
  const users = (await (await ctx.sessions.session('sandbox')).client.list('Users', { limit: 2 })).Resources as ScimResource[];
  return { api, users };
}

describe('EditPanel outcomes', () => {
  it('a 409 says which attribute collides and opens the other user', async () => {
    const { api, users } = await core('rfc');
    const [a, b] = users as [ScimResource, ScimResource];
    const opened: [ResourceKind, string][] = [];
    render(<EditPanel api={api} profileId="sandbox" readOnly={false} openResource={(k, id) => opened.push([k, id])} kind="Users" resource={a} onClose={() => undefined} />);
    fireEvent.click(screen.getByLabelText('Expert mode (Operations JSON)'));
    fireEvent.change(screen.getByLabelText('Operations'), { target: { value: JSON.stringify([{ op: 'replace', path: 'userName', value: b.userName }]) } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm and send PATCH' }));
    const collision = await screen.findByTestId('collision');
    expect(collision.textContent).toContain('userName');
    fireEvent.click(within(collision).getByRole('button'));
    expect(opened).toEqual([['Users', b.id]]);
  });

  it('a PATCH the service would ignore predicts no change and offers a PUT preview that ends verified', async () => {
    const { api, users } = await core('mindtickle');
    const user = users[0] as ScimResource;
    render(<EditPanel api={api} profileId="sandbox" readOnly={false} openResource={() => undefined} kind="Users" resource={user} onClose={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Needs PUT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByTestId('preview');
    // Mindtickle's PATCH changes only active: the title is not in the predicted after.
    expect(preview.querySelectorAll('tr[data-changed="true"]')).toHaveLength(0);
    expect(within(screen.getByTestId('preview-ignored')).getByRole('rowheader').textContent).toBe('title');
    expect(screen.getByTestId('all-ignored').textContent).toMatch(/nothing to send/);
    expect((screen.getByRole('button', { name: 'Confirm and send PATCH' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Use PUT (preview)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm and send PUT' }));
    expect((await screen.findByTestId('verified')).textContent).toMatch(/verified/);
  });
});

// @vitest-environment jsdom
// The edit preview highlights exactly the attributes the edit changes, shows the request as it
// will go out (redacted headers, If-Match) — with previews made by the real edit core from the
// form's output — and the edit panel previews before it sends, against a real sandbox core.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../../shared/api';
import type { ResourceChange } from '../../../../shared/channels';
import type { ScimResource } from '../../../../shared/scim';
import { planPreview } from '../../../../electron/core/edit/preview';
import { coreFunctions, createAppContext, dispatch, type Emit } from '../../../../electron/core/app/index';
import { PreviewView } from '../../../../renderer/src/features/edit/PreviewView';
import { EditPanel } from '../../../../renderer/src/features/edit/EditPanel';
import { applyUserFields, userFields } from '../../../../renderer/src/features/edit/form';


// A safety net for a loaded machine (the calls go to a real server), not a speed claim.
configure({ asyncUtilTimeout: 10_000 });
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  cleanup();
  for (const close of closers) await close();
  closers = [];
});

const USER: ScimResource = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  id: 'u1',
  userName: 'ada@example.test',
  displayName: 'Ada Lovelace',
  title: 'Analyst',
  active: true,
  emails: [{ value: 'ada@example.test', type: 'work', primary: true }],
  meta: { resourceType: 'User', version: 'W/"3"' },
};
const TARGET = { baseUrl: 'https://scim.example.test/scim/v2', kind: 'Users' as const, vendor: null, headers: { Authorization: 'Bearer secret-token' } };

describe('PreviewView', () => {
  it('highlights the changed fields only, from the form through the real patch core', () => {
    const edited = applyUserFields(USER, { ...userFields(USER), title: 'Chief Analyst' });
    const preview = planPreview(TARGET, USER, { edited });
    render(<PreviewView preview={preview} />);
    const changed = screen.getAllByRole('row').filter((r) => r.getAttribute('data-changed') === 'true');
    expect(changed.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['title']);
    expect(within(changed[0] as HTMLElement).getByText('Chief Analyst').tagName).toBe('MARK');
    const plain = screen.getAllByRole('row').filter((r) => r.getAttribute('data-changed') === 'false');
    expect(plain.map((r) => within(r).getByRole('rowheader').textContent)).toContain('displayName');
    expect(plain.every((r) => r.querySelector('mark') === null)).toBe(true);
    const request = screen.getByTestId('request');
    expect(request.textContent).toContain('PATCH https://scim.example.test/scim/v2/Users/u1');
    expect(request.textContent).toContain('If-Match: W/"3"');
    expect(request.textContent).not.toContain('secret-token');
  });

  it('shows the service warnings of a PATCH the vendor will partly ignore', () => {
    const edited = applyUserFields(USER, { ...userFields(USER), title: 'Ignored' });
    render(<PreviewView preview={planPreview({ ...TARGET, vendor: 'lettermint' }, USER, { edited })} />);
    expect(screen.getAllByTestId('preview-warning').length).toBeGreaterThan(0);
  });
});

describe('EditPanel on the real core', () => {
  it('previews first, sends only on confirmation, then shows the verified result', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'scim-preview-'));
    const changed: ResourceChange[] = [];
    const emit: Emit = (event, payload) => {
      if (event === 'resource.changed') changed.push(payload as ResourceChange);
    };
    const ctx = createAppContext({ mode: 'browser', version: '0', dataDir, emit, saveFile: async () => ({ saved: false, path: null }), sandbox: { users: 5 } });
    closers.push(async () => {
      await ctx.close();
      await rm(dataDir, { recursive: true, force: true });
    });
    const api = createApi({ invoke: (channel, request) => dispatch(coreFunctions, ctx, channel, request), subscribe: () => () => undefined });
    const listed = await ctx.sessions.session('sandbox').then((s) => s.client.list('Users', { limit: 1 }));
    const user = listed.Resources[0] as ScimResource;
    render(<EditPanel api={api} profileId="sandbox" readOnly={false} openResource={() => undefined} kind="Users" resource={user} onClose={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Verified Title' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByTestId('preview');
    expect(changed).toEqual([]);
    expect((await ctx.sessions.session('sandbox').then((s) => s.client.get('Users', user.id))).title).not.toBe('Verified Title');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and send PATCH' }));
    await waitFor(() => expect(screen.getByTestId('verified')).toBeTruthy());
    // Every view gets the verified read-back at once, as one resource.changed from main.
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ profileId: 'sandbox', kind: 'Users', id: user.id, cause: 'edit' });
    expect(changed[0]?.resource?.title).toBe('Verified Title');
  });

  it('says up front that the profile is read-only', async () => {
    const api = createApi({ invoke: async () => ({ ok: false, error: { code: 'internal', message: 'unused' } }), subscribe: () => () => undefined });
    render(<EditPanel api={api} profileId="p" readOnly openResource={() => undefined} kind="Users" resource={USER} onClose={() => undefined} />);
    expect(screen.getByRole('note').textContent).toMatch(/read-only/);
  });
});

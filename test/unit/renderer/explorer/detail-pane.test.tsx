// @vitest-environment jsdom
// The detail pane over the real core and a real sandbox tenant: a user's structured view
// (core, enterprise extension by URN, meta), the groups it is in resolved from group members,
// raw JSON; a group's members resolved to users with the planted dangling id flagged (both with
// users fully loaded and, without them, by asking the server); DETAIL_ACTIONS for the kind.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { InspectorApi } from '../../../../shared/channels';
import { SCHEMAS, type ScimGroup, type ScimResource } from '../../../../shared/scim';
import { DetailPane } from '../../../../renderer/src/explorer/DetailPane';
import type { DetailAction } from '../../../../renderer/src/features/registry';
import { ScopeContext, type ProfileScope } from '../../../../renderer/src/store/context';
import { createExplorerStore } from '../../../../renderer/src/store/explorer';
import { createUiStore } from '../../../../renderer/src/store/ui';
import type { AppContext } from '../../../../electron/core/app/index';
import { realApi } from './real-api';

let api: InspectorApi;
let ctx: AppContext;
let close: () => Promise<void>;
beforeAll(async () => ({ api, ctx, close } = await realApi(120)));
afterAll(() => close());
afterEach(cleanup);

function scope(): ProfileScope {
  return { api, profileId: 'sandbox', readOnly: false, explorer: createExplorerStore(api, 'sandbox'), ui: createUiStore() };
}

function show(s: ProfileScope, actions: DetailAction[] = []) {
  render(
    <ScopeContext.Provider value={s}>
      <DetailPane actions={actions} />
    </ScopeContext.Provider>,
  );
}

function members(group: ScimResource): string[] {
  return Array.isArray(group.members) ? group.members.map((m) => String((m as Record<string, unknown>).value)) : [];
}

describe('DetailPane', () => {
  it('shows a user: core, enterprise extension, meta, the groups resolved from members, raw JSON', async () => {
    const s = scope();
    await s.explorer.getState().load('Users');
    await s.explorer.getState().load('Groups');
    const groups = s.explorer.getState().tables.Groups.resources;
    const users = s.explorer.getState().tables.Users;
    const user = users.resources.find((u) => u[SCHEMAS.enterpriseUser] && groups.some((g) => members(g).includes(u.id))) as ScimResource;
    const expected = groups.filter((g) => members(g).includes(user.id)).map((g) => String(g.displayName));
    act(() => s.ui.getState().open('Users', user.id));
    show(s);
    const pane = screen.getByRole('complementary', { name: 'User detail' });
    expect(within(pane).getByRole('heading', { level: 2 }).textContent).toBe(user.userName);
    expect(within(pane).getByRole('region', { name: 'Core attributes' }).textContent).toContain(String(user.userName));
    expect(within(pane).getByRole('region', { name: 'Enterprise extension' }).textContent).toContain(SCHEMAS.enterpriseUser);
    // Shown in local time; the exact value is the <time>'s dateTime (date-time.test.tsx pins the text).
    expect(within(pane).getByRole('region', { name: 'Meta' }).querySelector(`time[datetime="${String(user.meta?.lastModified)}"]`)).not.toBeNull();
    const groupsRegion = screen.getByTestId('user-groups');
    expect(groupsRegion.textContent).toContain(`Groups (${expected.length})`);
    for (const name of expected) expect(within(groupsRegion).getByRole('button', { name }).textContent).toBe(name);
    expect(JSON.parse(screen.getByTestId('raw-json').textContent ?? '')).toEqual(user);
    // Clicking a group opens it in the same pane.
    fireEvent.click(within(groupsRegion).getByRole('button', { name: expected[0] as string }));
    expect(await screen.findByRole('complementary', { name: 'Group detail' })).toBeTruthy();
  });

  it('flags the dangling member of a group when every user is loaded, and counts members', async () => {
    const s = scope();
    await s.explorer.getState().load('Users');
    await s.explorer.getState().load('Groups');
    const group = s.explorer.getState().tables.Groups.resources.find((g) => members(g).some((id) => id.startsWith('deleted-'))) as ScimResource;
    act(() => s.ui.getState().open('Groups', group.id));
    show(s);
    const region = screen.getByTestId('group-members');
    // Main says which ids its listings lack; the server's two 404s say that one is dangling.
    await waitFor(() => expect(region.textContent).toContain(`Members (${members(group).length}) · 1 dangling`));
    const flagged = region.querySelectorAll('li.dangling');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.textContent).toContain('dangling: no such user');
    expect(flagged[0]?.textContent).toContain(members(group).find((id) => id.startsWith('deleted-')));
    // Listed first, so it is seen without scrolling through hundreds of members.
    expect(region.querySelector('li')).toBe(flagged[0]);
  });

  it('without the users loaded, asks the server about unknown members: only the 404 one is dangling', async () => {
    const s = scope();
    await s.explorer.getState().load('Groups');
    const group = s.explorer.getState().tables.Groups.resources.find((g) => members(g).some((id) => id.startsWith('deleted-'))) as ScimResource;
    act(() => s.ui.getState().open('Groups', group.id));
    show(s);
    const region = screen.getByTestId('group-members');
    await waitFor(() => expect(region.textContent).toContain('1 dangling'));
    expect(region.querySelectorAll('li.dangling')).toHaveLength(1);
  });

  it('calls dangling only what the server answers 404 for: not a user created after the listing, nor a group member without a type', async () => {
    const s = scope();
    await s.explorer.getState().load('Users');
    await s.explorer.getState().load('Groups');
    expect(s.explorer.getState().listings.Users).toMatchObject({ holdsAll: true, summary: { complete: true } });
    const { client } = await ctx.sessions.session('sandbox');
    const listed = s.explorer.getState().tables.Users.resources[0] as ScimResource;
    const otherGroup = s.explorer.getState().tables.Groups.resources[0] as ScimResource;
    // Created after the users listing: main's listings lack it, the server has it.
    const late = await client.create('Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'late.member@example.test' });
    const group = await client.create<ScimGroup>('Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Checked members',
      members: [{ value: listed.id, type: 'User' }, { value: late.id, type: 'User' }, { value: otherGroup.id }, { value: 'gone-typed', type: 'User' }, { value: 'gone-untyped' }],
    });
    act(() => s.ui.getState().open('Groups', group.id));
    show(s);
    const region = await screen.findByTestId('group-members');
    await waitFor(() => expect(region.textContent).toContain('Members (5) · 2 dangling'));
    const flagged = [...region.querySelectorAll('li.dangling')].map((li) => li.querySelector('code')?.textContent);
    expect(flagged.sort()).toEqual(['gone-typed', 'gone-untyped']);
    // The late user was asked about (main lacks it) and found; it is a member, not a dangling id.
    await waitFor(() => expect(region.textContent).not.toContain('checking…'));
    expect(region.textContent).not.toContain('not loaded yet');
  });

  it('fetches a resource that is not loaded (explorer.get) and explains a missing one', async () => {
    const s = scope();
    act(() => s.ui.getState().open('Users', 'no-such-user-id'));
    show(s);
    expect((await screen.findByRole('alert')).textContent).toContain('The server has no user with this id; it may have been deleted.');
  });

  it('renders the DETAIL_ACTIONS for the kind and opens their panel', async () => {
    const s = scope();
    await s.explorer.getState().load('Groups');
    const group = s.explorer.getState().tables.Groups.resources[0] as ScimResource;
    const actions: DetailAction[] = [
      { id: 'u', label: 'Users only', kinds: ['Users'], Component: () => <p>users panel</p> },
      { id: 'g', label: 'Rename group', kinds: ['Groups'], Component: ({ resource }) => <p>renaming {resource.id}</p> },
    ];
    act(() => s.ui.getState().open('Groups', group.id));
    show(s, actions);
    expect(screen.queryByRole('button', { name: 'Users only' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Rename group' }));
    expect(screen.getByText(`renaming ${group.id}`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close detail (Esc)' }));
    expect(screen.queryByTestId('detail')).toBeNull();
  });
});

// @vitest-environment jsdom
// "Remove dangling members" on a tenant too big for the renderer to hold (issue 15): over the real
// core and a real loopback sandbox of 60k users (past RENDERER_HOLDS_MAX, so only main's index holds
// them), a group of 2,400 members asks the server only about the ids main's listings lack — the
// planted dangling ones and a user created after the listing — counted by the sandbox itself, and
// the removal takes out exactly the ids proven dangling (404 as a user and as a group).
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { InspectorApi } from '../../../../shared/channels';
import type { ScimGroup, ScimResource } from '../../../../shared/scim';
import type { AppContext } from '../../../../electron/core/app/index';
import { RemoveDangling } from '../../../../renderer/src/features/groups/RemoveDangling';
import { ScopeContext, type ProfileScope } from '../../../../renderer/src/store/context';
import { createExplorerStore } from '../../../../renderer/src/store/explorer';
import { createUiStore } from '../../../../renderer/src/store/ui';
import { DEMO_TOKEN } from '../../../../electron/core/sandbox/index';
import { realApi } from '../explorer/real-api';

// A safety net for a loaded machine (every call goes to a real server), not a speed claim.
configure({ asyncUtilTimeout: 120_000 });
let api: InspectorApi;
let ctx: AppContext;
let close: () => Promise<void>;
beforeAll(async () => ({ api, ctx, close } = await realApi(60_000)), 120_000);
afterAll(async () => {
  cleanup();
  await close?.();
});

/** Requests the sandbox has answered, by method (its own counter, read over HTTP). */
async function sandboxGets(): Promise<number> {
  const { url } = ctx.sessions.sandboxStatus();
  const r = await fetch(new URL('/__sandbox/stats', String(url)), { headers: { authorization: `Bearer ${DEMO_TOKEN}` } });
  const stats = (await r.json()) as { byMethod: Record<string, number> };
  return stats.byMethod.GET ?? 0;
}

it('asks the server only about members main lacks, and removes exactly the ones proven dangling', async () => {
  const { client } = await ctx.sessions.session('sandbox');
  const users = (await client.list('Users', { limit: 2_400, attributes: ['userName'] })).Resources;
  const other = (await client.list('Groups', { limit: 1, attributes: ['displayName'] })).Resources[0] as ScimResource;
  // Dangling ids with and without a `type`, one that claims to be a group; a live group member too.
  const gone = ['gone-user-1', 'gone-user-2', 'gone-user-3', 'gone-untyped-1', 'gone-untyped-2', 'gone-group-1'];
  const members = [
    ...users.map((u) => ({ value: u.id, type: 'User' })),
    { value: other.id, type: 'Group' },
    { value: gone[0] as string, type: 'User' },
    { value: gone[1] as string, type: 'User' },
    { value: gone[2] as string, type: 'User' },
    { value: gone[3] as string },
    { value: gone[4] as string },
    { value: gone[5] as string, type: 'Group' },
  ];
  const big = await client.create<ScimGroup>('Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Big group', members });

  const scope: ProfileScope = { api, profileId: 'sandbox', readOnly: false, explorer: createExplorerStore(api, 'sandbox'), ui: createUiStore() };
  await scope.explorer.getState().load('Users');
  await scope.explorer.getState().load('Groups');
  // The case at hand: the renderer does not hold the users, only main's index does.
  expect(scope.explorer.getState().listings.Users).toMatchObject({ holdsAll: false, running: false, summary: { complete: true, count: 60_000 } });

  // Created after the listing (outside this app: main's index does not know it) and added to the
  // group: its absence from the listing proves nothing, and the GET finds it.
  const late = await client.create('Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'late.joiner@example.test' });
  await client.patch('Groups', big.id, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'add', path: 'members', value: [{ value: late.id, type: 'User' }] }] });
  const group = await client.get<ScimGroup>('Groups', big.id);
  const total = members.length + 1;
  expect(group.members).toHaveLength(total);

  const before = await sandboxGets();
  act(() => {
    render(
      <ScopeContext.Provider value={scope}>
        <RemoveDangling api={api} profileId="sandbox" readOnly={false} kind="Groups" openResource={() => undefined} resource={group} onClose={() => undefined} />
      </ScopeContext.Provider>,
    );
  });
  await waitFor(() => expect(screen.getByTestId('dangling-check').textContent).toBe(`6 of ${total} members resolve to no user or group (the server answered 404 for each).`));
  // Two GETs (as a user, as a group) per dangling id, one for the late user: 13, not 2,400+.
  expect((await sandboxGets()) - before).toBe(6 * 2 + 1);
  expect(screen.getByTestId('dangling-checked').textContent).toBe(`7 of ${total} member id(s) checked with the server; ${total - 7} found in the loaded users and groups listings, not asked again.`);
  expect([...document.querySelectorAll('li.dangling')].map((li) => li.textContent).sort()).toEqual([...gone].sort());

  fireEvent.click(screen.getByRole('button', { name: 'Preview removing 6 dangling member(s)' }));
  fireEvent.click(await screen.findByRole('button', { name: /^Confirm and send/ }));
  await screen.findByTestId('verified');
  const after = await client.get<ScimGroup>('Groups', big.id);
  const left = (after.members ?? []).map((m) => m.value).sort();
  expect(left).toEqual([...users.map((u) => u.id), other.id, late.id].sort());
}, 300_000);

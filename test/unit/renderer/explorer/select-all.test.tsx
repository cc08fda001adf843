// @vitest-environment jsdom
// Select all of a large table keeps the ids in main (issue 15, the explorer at 1M): Ctrl+A and the
// header box add one part read from main's index; unchecking rows adds exceptions; the renderer's
// selection holds O(exceptions) ids, never the view's, and the count shown is main's. A write since
// the rows were selected makes the bar say so instead of offering actions on other rows. Over the
// real core and sandbox.
import { describe, expect, it } from 'vitest';
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { InspectorApi } from '../../../../shared/channels';
import type { EditPreview } from '../../../../shared/edit';
import { TableView } from '../../../../renderer/src/explorer/TableView';
import { ScopeContext, type ProfileScope } from '../../../../renderer/src/store/context';
import { createExplorerStore } from '../../../../renderer/src/store/explorer';
import { createUiStore } from '../../../../renderer/src/store/ui';
import { SELECTION_ACTIONS } from '../../../../renderer/src/features';
import { columnsOf } from '../../../../shared/columns';
import { realScopes } from './real-scopes';

// A safety net for a loaded machine (the calls go to a real server), not a speed claim.
configure({ asyncUtilTimeout: 20_000 });

const USERS = 3000;
let api: InspectorApi;
const scopes = realScopes(USERS, (real) => ({ api } = real));

/** Strings a value holds, however deep (Sets and Maps included): the ids a store keeps. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value instanceof Set || value instanceof Map || Array.isArray(value)) for (const v of value instanceof Map ? value.entries() : value) strings(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) strings(v, out);
  return out;
}

async function shownGrid(): Promise<ProfileScope> {
  const s: ProfileScope = { api, profileId: 'sandbox', readOnly: false, explorer: createExplorerStore(api, 'sandbox'), ui: createUiStore() };
  scopes.push(s);
  render(
    <ScopeContext.Provider value={s}>
      <TableView kind="Users" selectionActions={SELECTION_ACTIONS} />
    </ScopeContext.Provider>,
  );
  await waitFor(() => expect(screen.getByTestId('grid-Users').getAttribute('data-total')).toBe(String(USERS)));
  return s;
}

describe('select all of a large table', () => {
  it('holds the exceptions, not the view: all minus 2 is one part and two ids, counted by main', async () => {
    const s = await shownGrid();
    fireEvent.keyDown(window, { key: 'a', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('selected-count').textContent).toBe(`${USERS} selected — all ${USERS} users in the tenant`));
    // The rows come back saying the select-all part covers them (jsdom lays out no rows: Space
    // toggles the cursor's row, as in the grid).
    const source = s.explorer.getState().views.Users;
    await waitFor(() => expect(source.row(1)?.part).toBe(0));
    fireEvent.keyDown(window, { key: ' ' });
    fireEvent.keyDown(window, { key: 'ArrowDown' });
    fireEvent.keyDown(window, { key: ' ' });
    await waitFor(() => expect(screen.getByTestId('selected-count').textContent).toBe(`${USERS - 2} selected`));

    const held = s.ui.getState().selection.Users;
    expect(held.parts).toHaveLength(1);
    expect(held.overrides.map((o) => o.value)).toEqual([false, false]);
    // Every string the selection holds: two ids, a stamp and the part's empty search — not 2998 ids.
    expect(strings(held).length).toBeLessThan(10);

    // The bulk action is planned by main from the description: N-2 users.
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate' }));
    await screen.findByRole('heading', { name: `Deactivate ${USERS - 2} selected user(s)` });
    expect(screen.getByRole('button', { name: `Dry run (${USERS - 2})` })).toBeTruthy();
  });

  it('a write since select all: the bar says the selection is stale and offers no action', async () => {
    await shownGrid();
    fireEvent.click(screen.getByRole('checkbox', { name: `Select all ${USERS} users in view` }));
    await waitFor(() => expect(screen.getByTestId('selected-count').textContent).toBe(`${USERS} selected — all ${USERS} users in the tenant`));
    const first = await api.table.window({ profileId: 'sandbox', kind: 'Users', listId: (await firstListId()) ?? '', search: '', sort: null, from: 0, count: 1, exact: false, attributes: [] });
    const id = first.ok ? (first.value.rows[0]?.id ?? '') : '';
    const user = await api.explorer.get({ profileId: 'sandbox', kind: 'Users', id });
    if (!user.ok) throw new Error(user.error.message);
    const preview = await api.edit.preview({ profileId: 'sandbox', kind: 'Users', id, change: { edited: { ...user.value, title: 'Changed since' } }, before: user.value });
    if (!preview.ok) throw new Error(preview.error.message);
    await api.edit.send({ profileId: 'sandbox', preview: preview.value as EditPreview });
    const stale = await screen.findByTestId('selection-stale');
    expect(stale.textContent).toContain('changed since the rows were selected');
    expect(screen.queryByRole('button', { name: 'Deactivate' })).toBeNull();
  });
});

describe('a bulk action on select all', () => {
  it('a run from select all stays on screen when its own writes make the selection stale; select all then starts anew', async () => {
    const s = await shownGrid();
    const listId = (await firstListId()) ?? '';
    const w = await api.table.window({ profileId: 'sandbox', kind: 'Users', listId, search: '', sort: null, from: 0, count: 50, exact: false, attributes: [] });
    if (!w.ok) throw new Error(w.error.message);
    const active = columnsOf('Users').indexOf('active');
    const user = w.value.rows.find((r) => r.cells[active] === 'yes');
    const userName = user?.cells[columnsOf('Users').indexOf('userName')] ?? '';
    expect(userName).toContain('@');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Quick search' }), { target: { value: userName } });
    await waitFor(() => expect(screen.getByTestId('grid-Users').getAttribute('data-shown-search')).toBe(userName));
    await waitFor(() => expect(screen.getByTestId('grid-Users').getAttribute('data-exact')).toBe('true'));
    const matching = Number(screen.getByTestId('grid-Users').getAttribute('data-total'));
    fireEvent.keyDown(window, { key: 'a', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('selected-count').textContent).toBe(`${matching} selected — all ${matching} users matching “${userName}”`));

    fireEvent.click(screen.getByRole('button', { name: 'Deactivate' }));
    fireEvent.click(await screen.findByRole('button', { name: `Dry run (${matching})` }));
    const confirm = await screen.findByRole('button', { name: /^Deactivate \d+ users?$/ });
    const planned = Number(/\d+/.exec(confirm.textContent ?? '')?.[0]);
    if (planned > 1) fireEvent.change(screen.getByRole('textbox'), { target: { value: String(planned) } });
    fireEvent.click(confirm);
    // The run's verified writes change main's index: the selection is stale, and the run's results stay.
    await waitFor(() => expect(screen.getByTestId('run-summary').textContent).toContain(`${planned} deactivated`));
    expect((await screen.findByTestId('selection-stale')).textContent).toContain('a write changed or removed some of them');
    expect(screen.getByTestId('run-result')).toBeTruthy();

    fireEvent.keyDown(window, { key: 'a', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('selected-count').textContent).toBe(`${matching} selected — all ${matching} users matching “${userName}”`));
    expect(screen.queryByTestId('selection-stale')).toBeNull();
    expect(s.ui.getState().selection.Users.parts).toHaveLength(1);
  });
});

/** The listing the grid shows (its id is the explorer's). */
async function firstListId(): Promise<string | undefined> {
  return scopes.at(-1)?.explorer.getState().listings.Users?.listId;
}

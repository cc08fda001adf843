// @vitest-environment jsdom
// Selecting from main (select all, Ctrl+A, a shift-click range) reads a part of the selection
// from main's index (table.selectPart). When that call fails, the page says so in an alert; before, the rejection was left
// unhandled and the admin saw nothing happen. Over the real core and sandbox, with only table.selectPart
// made to fail (as a replaced listing or a lost browser-mode connection would).
import { describe, expect, it } from 'vitest';
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { InspectorApi } from '../../../../shared/channels';
import { TableView } from '../../../../renderer/src/explorer/TableView';
import { ScopeContext, type ProfileScope } from '../../../../renderer/src/store/context';
import { createExplorerStore } from '../../../../renderer/src/store/explorer';
import { createUiStore } from '../../../../renderer/src/store/ui';
import { realScopes } from './real-scopes';

// A safety net for a loaded machine (the calls go to a real server), not a speed claim.
configure({ asyncUtilTimeout: 10_000 });

let api: InspectorApi;
const scopes = realScopes(40, (real) => ({ api } = real));

/** The real api with table.selectPart failing: answering an error, or rejecting like a dropped connection. */
function failingIds(how: 'error' | 'reject'): InspectorApi {
  const selectPart = (): ReturnType<InspectorApi['table']['selectPart']> =>
    how === 'error'
      ? Promise.resolve({ ok: false, error: { code: 'not-found', message: 'That listing was replaced by a newer one; reload the page.' } })
      : Promise.reject(new TypeError('Failed to fetch'));
  return { ...api, table: { ...api.table, selectPart } };
}

async function shownGrid(how: 'error' | 'reject'): Promise<ProfileScope> {
  const failing = failingIds(how);
  const s: ProfileScope = { api: failing, profileId: 'sandbox', readOnly: false, explorer: createExplorerStore(failing, 'sandbox'), ui: createUiStore() };
  scopes.push(s);
  render(
    <ScopeContext.Provider value={s}>
      <TableView kind="Users" selectionActions={[]} />
    </ScopeContext.Provider>,
  );
  await waitFor(() => expect(screen.getByTestId('grid-Users').getAttribute('data-total')).toBe('40'));
  return s;
}

describe('selecting from main when table.selectPart fails', () => {
  it('an error answer to "select all" shows as an alert and selects nothing', async () => {
    const s = await shownGrid('error');
    fireEvent.click(screen.getByRole('checkbox', { name: /Select all 40 users in view/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not select the rows');
    expect(alert.textContent).toContain('That listing was replaced by a newer one');
    expect(s.ui.getState().selection.Users.parts).toEqual([]);
  });

  it('a rejected call (Ctrl+A) shows as an alert too, not an unhandled rejection', async () => {
    const s = await shownGrid('reject');
    fireEvent.keyDown(window, { key: 'a', ctrlKey: true });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not select the rows');
    expect(alert.textContent).toContain('Failed to fetch');
    expect(s.ui.getState().selection.Users.parts).toEqual([]);
  });
});

// @vitest-environment jsdom
// The grid's rows come from main's index (table.window). When that call fails, the page says so in
// an alert with Retry; before, the rows stayed placeholders and the admin saw nothing wrong. The
// previous query's rows stay on screen, never shown as the new query's answer. Over the real core
// and sandbox, with only table.window made to fail (as a replaced listing or a lost browser-mode
// connection would).
import { describe, expect, it } from 'vitest';
import { act, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import type { InspectorApi } from '../../../../shared/channels';
import type { ProfileScope } from '../../../../renderer/src/store/context';
import { realScopes, renderUsersTable } from './real-scopes';

// A safety net for a loaded machine (the calls go to a real server), not a speed claim.
configure({ asyncUtilTimeout: 10_000 });

let api: InspectorApi;
const scopes = realScopes(40, (real) => ({ api } = real));

/** The real api, with table.window failing while `failing.how` is set. */
function switchableWindow(failing: { how: 'error' | 'reject' | null }): InspectorApi {
  const window: InspectorApi['table']['window'] = (request) =>
    failing.how === 'error'
      ? Promise.resolve({ ok: false, error: { code: 'not-found', message: 'That listing was replaced by a newer one; reload the page.' } })
      : failing.how === 'reject'
        ? Promise.reject(new TypeError('Failed to fetch'))
        : api.table.window(request);
  return { ...api, table: { ...api.table, window } };
}

async function searchWhileFailing(how: 'error' | 'reject'): Promise<{ s: ProfileScope; failing: { how: 'error' | 'reject' | null } }> {
  const failing: { how: 'error' | 'reject' | null } = { how: null };
  const api = switchableWindow(failing);
  const s = renderUsersTable(api, scopes);
  const grid = screen.getByTestId('grid-Users');
  await waitFor(() => expect(grid.getAttribute('data-total')).toBe('40'));
  await waitFor(() => expect(grid.getAttribute('data-exact')).toBe('true'));
  failing.how = how;
  act(() => s.ui.getState().setSearch('Users', 'a'));
  return { s, failing };
}

describe('reading the grid’s rows when table.window fails', () => {
  for (const how of ['error', 'reject'] as const) {
    it(`${how === 'error' ? 'an error answer' : 'a rejected call'} shows as an alert; the old rows are never shown as the new search's, and Retry reads them`, async () => {
      const { failing } = await searchWhileFailing(how);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('Could not read the rows');
      expect(alert.textContent).toContain(how === 'error' ? 'That listing was replaced by a newer one' : 'Failed to fetch');
      const grid = screen.getByTestId('grid-Users');
      // Still the unsearched view's rows and total, said to be so: not the search's answer.
      expect(grid.getAttribute('data-shown-search')).toBe('');
      expect(grid.getAttribute('data-total')).toBe('40');

      failing.how = null;
      fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
      await waitFor(() => expect(grid.getAttribute('data-shown-search')).toBe('a'));
      await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    });
  }
});

// @vitest-environment jsdom
// A keystroke at 1M users (issue 15): rows arriving from main re-render what shows them (the grid,
// the row count), never the page's toolbar (column chooser, saved views, export, "For Excel"),
// which follows the query alone; and the keystroke itself renders the toolbar, not the grid. Counted over the real core and sandbox: each toolbar part and the
// grid is wrapped in a render counter.
import { createElement, type ComponentType } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import type { InspectorApi } from '../../../../shared/channels';
import { realScopes, renderUsersTable } from './real-scopes';

const renders = vi.hoisted(() => ({ ColumnChooser: 0, ViewsBar: 0, ExportButton: 0, ForExcelCheckbox: 0, ResourceGrid: 0 }));
type Part = keyof typeof renders;

/** The module with `name` wrapped: each render of it is counted. */
function counted<M extends Record<string, unknown>>(mod: M, name: Part): M {
  const Real = mod[name] as ComponentType<object>;
  return { ...mod, [name]: (props: object) => ((renders[name] += 1), createElement(Real, props)) };
}
vi.mock('../../../../renderer/src/explorer/ColumnChooser', async (real) => counted(await real(), 'ColumnChooser'));
vi.mock('../../../../renderer/src/explorer/ViewsBar', async (real) => counted(await real(), 'ViewsBar'));
vi.mock('../../../../renderer/src/explorer/ExportButton', async (real) => counted(await real(), 'ExportButton'));
vi.mock('../../../../renderer/src/explorer/ForExcel', async (real) => counted(await real(), 'ForExcelCheckbox'));
vi.mock('../../../../renderer/src/explorer/ResourceGrid', async (real) => counted(await real(), 'ResourceGrid'));

// A safety net for a loaded machine (the calls go to a real server), not a speed claim.
configure({ asyncUtilTimeout: 20_000 });

const USERS = 3000;
let api: InspectorApi;
const scopes = realScopes(USERS, (real) => ({ api } = real));
const toolbar = (): number[] => [renders.ColumnChooser, renders.ViewsBar, renders.ExportButton, renders.ForExcelCheckbox];

describe('rows arriving from main', () => {
  it('re-render the grid and the count, never the toolbar: a keystroke’s rows, blocks further down, the exact total; the keystroke renders no grid', async () => {
    const s = renderUsersTable(api, scopes);
    const grid = screen.getByTestId('grid-Users');
    await waitFor(() => expect(grid.getAttribute('data-total')).toBe(String(USERS)));
    await waitFor(() => expect(s.explorer.getState().listings.Users?.running).toBe(false));

    // A keystroke renders the page once (the input's value); its rows and its exact total, which
    // come from main after that render, must not render the toolbar again.
    const gridBefore = renders.ResourceGrid;
    fireEvent.change(screen.getByRole('searchbox', { name: 'Quick search' }), { target: { value: 'an' } });
    const atKeystroke = toolbar();
    const gridAtKeystroke = renders.ResourceGrid;
    // The keystroke's own render is the toolbar's: the grid keeps the rows it shows until the
    // query's rows arrive (nothing in it changes before then).
    expect(gridAtKeystroke).toBe(gridBefore);
    expect(grid.getAttribute('data-shown-search')).toBe('');
    await waitFor(() => expect(grid.getAttribute('data-shown-search')).toBe('an'));
    await waitFor(() => expect(grid.getAttribute('data-exact')).toBe('true'));
    expect(screen.getByTestId('row-count').textContent).toMatch(/^\d+ of 3000 users$/);
    expect(renders.ResourceGrid).toBeGreaterThan(gridAtKeystroke);
    expect(toolbar()).toEqual(atKeystroke);

    // Blocks further down (scrolling) arrive: the grid renders, the toolbar does not.
    const source = s.explorer.getState().views.Users;
    const before = renders.ResourceGrid;
    source.need(300, 320);
    await waitFor(() => expect(source.row(300)).toBeDefined());
    await waitFor(() => expect(renders.ResourceGrid).toBeGreaterThan(before));
    expect(toolbar()).toEqual(atKeystroke);
  });
});

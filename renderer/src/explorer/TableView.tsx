// A users or groups page: toolbar (quick search, row count, reload, filter builder, column
// chooser), the selection toolbar with SELECTION_ACTIONS, the virtualised grid, and the empty,
// loading and error states. The listing starts when the page is first shown.

import { useCallback, useEffect } from 'react';
import type { ResourceKind } from '../../../shared/scim';
import type { SelectionAction } from '../features/registry';
import { useExplorer, useScope, useUi } from '../store/context';
import { ColumnChooser } from './ColumnChooser';
import { ViewsBar } from './ViewsBar';
import { FilterBuilder } from './FilterBuilder';
import { ExportButton } from './ExportButton';
import { ForExcelCheckbox } from './ForExcel';
import { useViewQuery } from './view';
import { RowCount, TableBody } from './TableBody';
import { usePageState } from '../store/pages';
import { noGroups, useLimits } from '../store/limits';

export function TableView({ kind, selectionActions }: { kind: ResourceKind; selectionActions: readonly SelectionAction[] }) {
  const { api, profileId, explorer, ui } = useScope();
  const listing = useExplorer((s) => s.listings[kind]);
  const search = useUi((s) => s.search[kind]);
  // The query only: rows arriving re-render TableBody and RowCount, not this toolbar.
  const source = useViewQuery(kind);
  const [showFilter, setShowFilter] = usePageState(`table:${kind}:showFilter`, false);
  const noun = kind === 'Users' ? 'users' : 'groups';

  const limits = useLimits(api, profileId);
  const unavailable = kind === 'Groups' && noGroups(limits);
  useEffect(() => {
    if (!unavailable && !explorer.getState().listings[kind]) void explorer.getState().load(kind);
  }, [explorer, kind, unavailable]);

  // Stable, so a keystroke (which renders this toolbar) leaves the memoised TableBody alone.
  const reload = useCallback(() => void explorer.getState().load(kind, explorer.getState().listings[kind]?.filter), [explorer, kind]);

  if (unavailable) {
    return (
      <section className="table-view" aria-label={kind}>
        <p className="notice" role="status" data-testid="no-groups-page">
          This tenant has no groups: {limits?.groups.reason}
        </p>
      </section>
    );
  }
  return (
    <section className="table-view" aria-label={kind}>
      <div className="toolbar">
        <input
          id={`search-${kind}`}
          type="search"
          aria-label="Quick search"
          placeholder={`Search loaded ${noun} (Ctrl+F)`}
          value={search}
          onChange={(e) => ui.getState().setSearch(kind, e.target.value)}
        />
        <RowCount kind={kind} source={source} loaded={listing?.loaded ?? 0} />
        <button type="button" onClick={reload} title="Ctrl+R">Reload</button>
        {kind === 'Users' && (
          <button type="button" aria-expanded={showFilter} onClick={() => setShowFilter(!showFilter)}>
            Filter{listing?.filter !== undefined ? ' (on)' : ''}
          </button>
        )}
        <ColumnChooser kind={kind} />
        <ViewsBar kind={kind} />
        <ExportButton label="Export view (CSV)" kind={kind} scope="view" source={source} />
        <ForExcelCheckbox />
      </div>
      {kind === 'Users' && showFilter && (
        <FilterBuilder api={api} applied={listing?.filter} summary={listing?.summary ?? null} onApply={(f) => void explorer.getState().load(kind, f)} />
      )}
      <TableBody kind={kind} source={source} listing={listing} selectionActions={selectionActions} onReload={reload} />
    </section>
  );
}

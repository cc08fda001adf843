// A users or groups page: toolbar (quick search, row count, reload, filter builder, column
// chooser), the selection toolbar with SELECTION_ACTIONS, the virtualised grid, and the empty,
// loading and error states. The listing starts when the page is first shown.

import { useEffect } from 'react';
import type { ResourceKind } from '../../../shared/scim';
import type { SelectionAction } from '../features/registry';
import { useExplorer, useScope, useUi } from '../store/context';
import { ErrorState } from '../frame/ErrorState';
import { ColumnChooser } from './ColumnChooser';
import { ViewsBar } from './ViewsBar';
import { FilterBuilder } from './FilterBuilder';
import { ExportButton } from './ExportButton';
import { ForExcelCheckbox } from './ForExcel';
import { ResourceGrid } from './ResourceGrid';
import { useSelectionCount, useView } from './view';
import { SelectionBar } from './SelectionBar';
import { usePageState } from '../store/pages';
import { noGroups, useLimits } from '../store/limits';

export function TableView({ kind, selectionActions }: { kind: ResourceKind; selectionActions: readonly SelectionAction[] }) {
  const { api, profileId, explorer, ui } = useScope();
  const listing = useExplorer((s) => s.listings[kind]);
  const search = useUi((s) => s.search[kind]);
  const view = useView(kind);
  const counted = useSelectionCount(kind, view);
  const [showFilter, setShowFilter] = usePageState(`table:${kind}:showFilter`, false);
  const noun = kind === 'Users' ? 'users' : 'groups';

  const limits = useLimits(api, profileId);
  const unavailable = kind === 'Groups' && noGroups(limits);
  useEffect(() => {
    if (!unavailable && !explorer.getState().listings[kind]) void explorer.getState().load(kind);
  }, [explorer, kind, unavailable]);

  const narrowedBy = [listing?.filter !== undefined ? 'the filter' : '', search.trim() !== '' ? `“${search.trim()}”` : ''].filter(Boolean).join(' and ') || null;
  const reload = () => void explorer.getState().load(kind, explorer.getState().listings[kind]?.filter);
  // Rows main's index holds (the view answers it; before its first answer, the pages so far).
  const size = view.shown ? view.size : (listing?.loaded ?? 0);
  const total = view.shown ? view.total : size;

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
        <span className="count" data-testid="row-count">
          {!view.exact && view.shown ? `${total}+ of ${size} ${noun} (searching…)` : total === size ? `${size} ${noun}` : `${total} of ${size} ${noun}`}
        </span>
        <button type="button" onClick={reload} title="Ctrl+R">Reload</button>
        {kind === 'Users' && (
          <button type="button" aria-expanded={showFilter} onClick={() => setShowFilter(!showFilter)}>
            Filter{listing?.filter !== undefined ? ' (on)' : ''}
          </button>
        )}
        <ColumnChooser kind={kind} />
        <ViewsBar kind={kind} />
        <ExportButton label="Export view (CSV)" kind={kind} scope="view" source={view.source} />
        <ForExcelCheckbox />
      </div>
      {kind === 'Users' && showFilter && (
        <FilterBuilder api={api} applied={listing?.filter} summary={listing?.summary ?? null} onApply={(f) => void explorer.getState().load(kind, f)} />
      )}
      <SelectionBar kind={kind} view={view} counted={counted} actions={selectionActions} narrowedBy={narrowedBy} />
      {listing?.error && <ErrorState error={listing.error} onRetry={reload} />}
      {view.error && <ErrorState error={view.error} {...(view.retryable ? { onRetry: () => view.source.retry() } : {})} />}
      {size === 0 && listing?.running && <p className="loading" role="status">Loading the first page of {noun}…</p>}
      {size === 0 && listing && !listing.running && !listing.error && (
        <p className="empty" role="status">
          {listing.filter !== undefined ? `No ${noun} match the filter. Change or clear it.` : `The server has no ${noun}.`}
        </p>
      )}
      {size > 0 && view.exact && total === 0 && <p className="empty" role="status">No loaded {noun} match “{search}”. Clear the search to see all.</p>}
      <ResourceGrid kind={kind} view={view} inView={counted.inView} onReload={reload} />
    </section>
  );
}

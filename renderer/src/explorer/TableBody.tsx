// What of a users or groups page follows the rows main answers (issue 15, a keystroke at 1M):
// the row count, the selection bar, the empty and error states and the grid. Each subscribes to
// the view's rows itself, so a publish of new rows re-renders these and never the page's toolbar
// (quick search, reload, column chooser, saved views, export), which follows the query alone.
// And a keystroke renders the toolbar (its input) alone: the body speaks of the query whose rows
// it shows (`view.shown`), so it waits for them, and the old rows stay as they were meanwhile.

import { memo } from 'react';
import type { ResourceKind } from '../../../shared/scim';
import type { SelectionAction } from '../features/registry';
import type { Listing } from '../store/explorer';
import type { ViewSource } from '../store/view-source';
import { ErrorState } from '../frame/ErrorState';
import { ResourceGrid } from './ResourceGrid';
import { SelectionBar } from './SelectionBar';
import { useSelectionCount, useViewSnapshot } from './view';

const nounOf = (kind: ResourceKind): string => (kind === 'Users' ? 'users' : 'groups');

/** "N users", "K of N users", or "K+ of N users (searching…)" while main's total is not exact. */
export const RowCount = memo(function RowCount({ kind, source, loaded }: { kind: ResourceKind; source: ViewSource; loaded: number }) {
  const view = useViewSnapshot(source);
  const noun = nounOf(kind);
  // Rows main's index holds (the view answers it; before its first answer, the pages so far).
  const size = view.shown ? view.size : loaded;
  const total = view.shown ? view.total : size;
  return (
    <span className="count" data-testid="row-count">
      {!view.exact && view.shown ? `${total}+ of ${size} ${noun} (searching…)` : total === size ? `${size} ${noun}` : `${total} of ${size} ${noun}`}
    </span>
  );
});

interface BodyProps {
  kind: ResourceKind;
  source: ViewSource;
  listing: Listing | null | undefined;
  selectionActions: readonly SelectionAction[];
  onReload(): void;
}

export const TableBody = memo(function TableBody({ kind, source, listing, selectionActions, onReload }: BodyProps) {
  const view = useViewSnapshot(source);
  // The search of the rows shown (the box may be a keystroke ahead of them).
  const search = view.shown?.search ?? '';
  const narrowedBy = [listing?.filter !== undefined ? 'the filter' : '', search.trim() !== '' ? `“${search.trim()}”` : ''].filter(Boolean).join(' and ') || null;
  const counted = useSelectionCount(kind, view);
  const noun = nounOf(kind);
  const size = view.shown ? view.size : (listing?.loaded ?? 0);
  const total = view.shown ? view.total : size;
  return (
    <>
      <SelectionBar kind={kind} source={source} total={view.total} exact={view.exact} counted={counted} actions={selectionActions} narrowedBy={narrowedBy} />
      {listing?.error && <ErrorState error={listing.error} onRetry={onReload} />}
      {view.error && <ErrorState error={view.error} {...(view.retryable ? { onRetry: () => source.retry() } : {})} />}
      {size === 0 && listing?.running && <p className="loading" role="status">Loading the first page of {noun}…</p>}
      {size === 0 && listing && !listing.running && !listing.error && (
        <p className="empty" role="status">
          {listing.filter !== undefined ? `No ${noun} match the filter. Change or clear it.` : `The server has no ${noun}.`}
        </p>
      )}
      {size > 0 && view.exact && total === 0 && <p className="empty" role="status">No loaded {noun} match “{search}”. Clear the search to see all.</p>}
      <ResourceGrid kind={kind} view={view} inView={counted.inView} onReload={onReload} />
    </>
  );
});

// The toolbar of a table's selection: how many rows are selected (main's count, from its index)
// and whether that is everything the filter and search match ("select all N matching" when it is
// not), the SELECTION_ACTIONS for the table's kind (bulk deactivation, group membership...), CSV
// export of the selection, clear. The selection travels as a description (shared/selection.ts);
// when main says the table changed since, the bar says so and offers no action on it.

import type { ResourceKind } from '../../../shared/scim';
import { memo, useRef } from 'react';
import { isEmptySelection, type SelectionCount, type TableSelection } from '../../../shared/selection';
import type { SelectionAction } from '../features/registry';
import { useExplorer, useScope, useUi } from '../store/context';
import { usePageState } from '../store/pages';
import { noGroups, useLimits } from '../store/limits';
import { ExportButton } from './ExportButton';
import type { ViewSource } from '../store/view-source';

interface Props {
  kind: ResourceKind;
  /** The current view (filter + search) in main's index, its row count and whether main's count is exact. */
  source: ViewSource;
  total: number;
  exact: boolean;
  /** Main's count of the selection (and of its rows in the view). */
  counted: SelectionCount;
  actions: readonly SelectionAction[];
  /** What narrows the view, for the "all N matching …" wording. */
  narrowedBy: string | null;
}

// Memoised with plain props: rows arriving for the same view (scrolling, neighbour blocks)
// re-render the grid, not this bar.
export const SelectionBar = memo(function SelectionBar({ kind, source, total, exact, counted, actions, narrowedBy }: Props) {
  const { api, profileId, readOnly, ui } = useScope();
  const selection = useUi((s) => s.selection[kind]);
  const running = useExplorer((s) => s.listings[kind]?.running === true);
  const [active, setActive] = usePageState<string | null>(`selection:${kind}:action`, null);
  const limits = useLimits(api, profileId);
  // Main's last count of this selection: an open action (a run in progress, its results) stays
  // open when a write it made (or any other) leaves the selection stale.
  const known = useRef<{ selection: TableSelection; count: number } | null>(null);
  if (counted.count !== null) known.current = { selection, count: counted.count };
  if (isEmptySelection(selection)) return null;
  const { count, inView, stale } = counted;
  const lastCount = known.current?.selection === selection ? known.current.count : null;
  const noun = kind === 'Users' ? 'users' : 'groups';
  const all = exact && inView === total && count === inView;
  const matching = narrowedBy ? `matching ${narrowedBy}` : running ? 'loaded so far' : 'in the tenant';
  const shown = actions.filter((a) => a.kinds.includes(kind) && !(a.needsGroups && noGroups(limits)));
  const action = shown.find((a) => a.id === active);
  const selectAll = () => void source.select(0, null, true, selection).then((read) => read && ui.getState().addPart(kind, read.listId, read.part, read.restart));
  const clear = (
    <button type="button" onClick={() => ui.getState().clearSelection(kind)}>
      Clear selection
    </button>
  );
  const panel = action && lastCount !== null && (
    <action.Component api={api} profileId={profileId} readOnly={readOnly} openResource={(k, id) => ui.getState().open(k, id)} kind={kind} selection={selection} count={lastCount} onClose={() => setActive(null)} />
  );
  // One tree whether stale or not, so an open action (a run and its results) is never remounted.
  // Stale: no action is offered on it; one already open stays (main refuses to plan from it again).
  return (
    <div className="selection" role="toolbar" aria-label={`Selected ${noun}`}>
      {stale ? (
        <p className="error" role="alert" data-testid="selection-stale">
          {stale}
        </p>
      ) : (
        <span data-testid="selected-count">{count === null ? 'Counting the selection…' : `${count} selected${all ? ` — all ${total} ${noun} ${matching}` : ''}`}</span>
      )}
      {!stale && !all && exact && inView !== null && inView < total && (
        <button type="button" onClick={selectAll}>
          Select all {total} {noun} {matching}
        </button>
      )}
      {!stale &&
        shown.map((a) => (
          <button key={a.id} type="button" aria-pressed={active === a.id} onClick={() => setActive(active === a.id ? null : a.id)}>
            {a.label}
          </button>
        ))}
      {!stale && <ExportButton label="Export selection (CSV)" kind={kind} scope="selection" selection={selection} />}
      {clear}
      {panel}
    </div>
  );
});

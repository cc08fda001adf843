// The toolbar of a table's selection: how many rows are selected and whether that is everything
// the filter and search match ("select all N matching" when it is not), the SELECTION_ACTIONS for
// the table's kind (bulk deactivation, group membership...), CSV export of the selection, clear.

import type { ResourceKind } from '../../../shared/scim';
import type { SelectionAction } from '../features/registry';
import { useExplorer, useScope, useUi } from '../store/context';
import { usePageState } from '../store/pages';
import { noGroups, useLimits } from '../store/limits';
import { ExportButton } from './ExportButton';
import type { GridView } from './view';

interface Props {
  kind: ResourceKind;
  /** The current view (filter + search) in main's index. */
  view: GridView;
  /** Checked rows in the view; null while unknown. */
  inView: number | null;
  actions: readonly SelectionAction[];
  /** What narrows the view, for the "all N matching …" wording. */
  narrowedBy: string | null;
}

export function SelectionBar({ kind, view, inView, actions, narrowedBy }: Props) {
  const { api, profileId, readOnly, ui } = useScope();
  const checked = useUi((s) => s.checked[kind]);
  const running = useExplorer((s) => s.listings[kind]?.running === true);
  const [active, setActive] = usePageState<string | null>(`selection:${kind}:action`, null);
  const limits = useLimits(api, profileId);
  if (checked.size === 0) return null;
  const noun = kind === 'Users' ? 'users' : 'groups';
  const total = view.total;
  const all = view.exact && inView === total && checked.size === inView;
  const matching = narrowedBy ? `matching ${narrowedBy}` : running ? 'loaded so far' : 'in the tenant';
  const shown = actions.filter((a) => a.kinds.includes(kind) && !(a.needsGroups && noGroups(limits)));
  const action = shown.find((a) => a.id === active);
  const selectAll = () => void view.source.select().then((ids) => ids && ui.getState().checkMany(kind, ids, true));
  return (
    <div className="selection" role="toolbar" aria-label={`Selected ${noun}`}>
      <span data-testid="selected-count">
        {checked.size} selected{all ? ` — all ${total} ${noun} ${matching}` : ''}
      </span>
      {!all && view.exact && (inView === null || inView < total) && (
        <button type="button" onClick={selectAll}>
          Select all {total} {noun} {matching}
        </button>
      )}
      {shown.map((a) => (
        <button key={a.id} type="button" aria-pressed={active === a.id} onClick={() => setActive(active === a.id ? null : a.id)}>
          {a.label}
        </button>
      ))}
      <ExportButton label="Export selection (CSV)" kind={kind} scope="selection" ids={() => [...checked]} />
      <button type="button" onClick={() => ui.getState().setChecked(kind, [])}>
        Clear selection
      </button>
      {action && (
        <action.Component api={api} profileId={profileId} readOnly={readOnly} openResource={(k, id) => ui.getState().open(k, id)} kind={kind} ids={[...checked]} onClose={() => setActive(null)} />
      )}
    </div>
  );
}

// The toolbar of a table's selection: how many rows are selected and whether that is everything
// the filter and search match ("select all N matching" when it is not), the SELECTION_ACTIONS for
// the table's kind (bulk deactivation, group membership...), CSV export of the selection, clear.

import type { ResourceKind } from '../../../shared/scim';
import type { SelectionAction } from '../features/registry';
import { useExplorer, useScope, useUi } from '../store/context';
import { usePageState } from '../store/pages';
import { noGroups, useLimits } from '../store/limits';
import { ExportButton } from './ExportButton';
import { selectedRows } from './export-rows';

interface Props {
  kind: ResourceKind;
  /** The rows of the current view (filter + search), in view order. */
  rows: Int32Array;
  actions: readonly SelectionAction[];
  /** What narrows the view, for the "all N matching …" wording. */
  narrowedBy: string | null;
}

export function SelectionBar({ kind, rows, actions, narrowedBy }: Props) {
  const { api, profileId, readOnly, ui } = useScope();
  const checked = useUi((s) => s.checked[kind]);
  const table = useExplorer((s) => s.tables[kind]);
  const running = useExplorer((s) => s.listings[kind]?.running === true);
  const [active, setActive] = usePageState<string | null>(`selection:${kind}:action`, null);
  const limits = useLimits(api, profileId);
  if (checked.size === 0) return null;
  const noun = kind === 'Users' ? 'users' : 'groups';
  let inView = 0;
  for (let i = 0; i < rows.length; i++) if (checked.has(table.ids[rows[i] as number] as string)) inView++;
  const all = inView === rows.length && checked.size === inView;
  const matching = narrowedBy ? `matching ${narrowedBy}` : running ? 'loaded so far' : 'in the tenant';
  const shown = actions.filter((a) => a.kinds.includes(kind) && !(a.needsGroups && noGroups(limits)));
  const action = shown.find((a) => a.id === active);
  const selectAll = () => ui.getState().checkMany(kind, Array.from(rows, (r) => table.ids[r] as string), true);
  return (
    <div className="selection" role="toolbar" aria-label={`Selected ${noun}`}>
      <span data-testid="selected-count">
        {checked.size} selected{all ? ` — all ${rows.length} ${noun} ${matching}` : ''}
      </span>
      {!all && inView < rows.length && (
        <button type="button" onClick={selectAll}>
          Select all {rows.length} {noun} {matching}
        </button>
      )}
      {shown.map((a) => (
        <button key={a.id} type="button" aria-pressed={active === a.id} onClick={() => setActive(active === a.id ? null : a.id)}>
          {a.label}
        </button>
      ))}
      <ExportButton label="Export selection (CSV)" kind={kind} scope="selection" rows={() => selectedRows(table, checked)} />
      <button type="button" onClick={() => ui.getState().setChecked(kind, [])}>
        Clear selection
      </button>
      {action && (
        <action.Component api={api} profileId={profileId} readOnly={readOnly} openResource={(k, id) => ui.getState().open(k, id)} kind={kind} ids={[...checked]} onClose={() => setActive(null)} />
      )}
    </div>
  );
}

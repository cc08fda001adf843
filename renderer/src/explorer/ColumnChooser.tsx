// "Columns": the grid's columns from the keyboard (issue 17) — the shown ones in order, each with
// Move left / Move right / Hide buttons; the hidden fixed ones to show again; and extra attribute
// columns picked from the tenant's schemas (/Schemas) and what the loaded rows carry, whose values
// main's index sends with each row.

import { memo, useEffect, useState } from 'react';
import type { AttributeChoices } from '../../../shared/channels/table';
import type { ResourceKind } from '../../../shared/scim';
import { columnsOf } from '../store/columns';
import { columnLabel } from '../store/column-layout';
import { useScope, useUi } from '../store/context';

function useAttributeChoices(kind: ResourceKind, open: boolean): AttributeChoices | null {
  const { api, profileId } = useScope();
  const [choices, setChoices] = useState<AttributeChoices | null>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    void api.table.attributes({ profileId, kind }).then((r) => {
      if (live) setChoices(r.ok ? r.value : { choices: [], schemasError: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [api, profileId, kind, open]);
  return choices;
}

export const ColumnChooser = memo(function ColumnChooser({ kind }: { kind: ResourceKind }) {
  const { ui } = useScope();
  const shown = useUi((s) => s.columns[kind]);
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState('');
  const attributes = useAttributeChoices(kind, open);
  const hidden = columnsOf(kind).filter((c) => !shown.includes(c));
  const addable = (attributes?.choices ?? []).filter((c) => !shown.includes(c.path));
  const add = (): void => {
    const path = picked || addable[0]?.path;
    if (path) ui.getState().toggleColumn(kind, path);
    setPicked('');
  };
  return (
    <details className="chooser" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Columns</summary>
      <div className="chooser-panel" role="group" aria-label={`${kind} columns`}>
        <fieldset>
          <legend>Shown, in order</legend>
          <ol className="column-order">
            {shown.map((c, i) => {
              const label = columnLabel(kind, c);
              return (
                <li key={c}>
                  <span className="column-name" title={c === label ? undefined : c}>{label}</span>
                  <button type="button" aria-label={`Move ${label} left`} disabled={i === 0} onClick={() => ui.getState().moveColumn(kind, c, -1)}>◀</button>
                  <button type="button" aria-label={`Move ${label} right`} disabled={i === shown.length - 1} onClick={() => ui.getState().moveColumn(kind, c, 1)}>▶</button>
                  <button type="button" aria-label={`Hide ${label}`} disabled={shown.length === 1} onClick={() => ui.getState().toggleColumn(kind, c)}>✕</button>
                </li>
              );
            })}
          </ol>
        </fieldset>
        {hidden.length > 0 && (
          <fieldset>
            <legend>Hidden</legend>
            {hidden.map((c) => (
              <label key={c}>
                <input type="checkbox" checked={false} onChange={() => ui.getState().toggleColumn(kind, c)} /> {columnLabel(kind, c)}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>Attribute columns</legend>
          {attributes === null ? (
            <p className="note" role="status">Reading the tenant’s schemas…</p>
          ) : (
            <>
              {attributes.schemasError && <p className="note" role="status">{attributes.schemasError}</p>}
              {addable.length === 0 ? (
                <p className="note">No more attributes to add.</p>
              ) : (
                <div className="attribute-pick">
                  <label>
                    Attribute{' '}
                    <select value={picked || addable[0]?.path} onChange={(e) => setPicked(e.target.value)}>
                      {addable.map((c) => (
                        <option key={c.path} value={c.path} title={c.path}>
                          {c.label}
                          {c.from.includes('schema') ? '' : ' (not in /Schemas)'}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="button" onClick={add}>Add column</button>
                </div>
              )}
            </>
          )}
        </fieldset>
      </div>
    </details>
  );
});

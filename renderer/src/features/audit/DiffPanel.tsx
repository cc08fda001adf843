// Diff of two saved snapshots: how many users/groups were added, removed and changed, the first
// entries of each list with click-through and each changed field's old → new value, and the whole
// diff as CSV (written by main, "For Excel" as chosen beside the audit exports).

import { useState } from 'react';
import type { InspectorApi } from '../../../../shared/channels';
import type { DiffView, SnapshotFile } from '../../../../shared/channels/audit';
import type { AppError } from '../../../../shared/errors';
import type { FeatureContext } from '../registry';
import { ErrorNote } from '../edit/ui-common';
import { SnapshotOptions } from './SnapshotOptions';
import { usePageState } from '../../store/pages';
import { useForExcel } from '../../explorer/ForExcel';
import type { SaveResult } from '../../../../shared/channels';

/** A field's value as the diff shows it: strings quoted, absent as "(none)", long values cut. */
function shown(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export function DiffPanel({ api, snapshots, openResource }: { api: InspectorApi; snapshots: SnapshotFile[]; openResource: FeatureContext['openResource'] }) {
  const [a, setA] = usePageState('audit:diff:a', snapshots[1]?.name ?? '');
  const [b, setB] = usePageState('audit:diff:b', snapshots[0]?.name ?? '');
  const [diff, setDiff] = usePageState<DiffView | null>('audit:diff:diff', null);
  const [error, setError] = useState<AppError | null>(null);
  const [bom] = useForExcel();
  const [exported, setExported] = useState<(SaveResult & { rows: number }) | null>(null);
  const exportDiff = async (): Promise<void> => {
    setError(null);
    const r = await api.audit.exportDiff({ a, b, bom });
    if (r.ok) setExported(r.value);
    else setError(r.error);
  };
  const run = async (): Promise<void> => {
    setError(null);
    const r = await api.audit.diff({ a, b });
    if (r.ok) setDiff(r.value);
    else setError(r.error);
  };
  const pick = (label: string, value: string, set: (v: string) => void) => (
    <label>
      {label}{' '}
      <select aria-label={label} value={value} onChange={(e) => set(e.target.value)}>
        <SnapshotOptions snapshots={snapshots} />
      </select>
    </label>
  );
  const link = (r: { resourceType: 'User' | 'Group'; id: string; name: string }) => (
    <button type="button" className="link" onClick={() => openResource(r.resourceType === 'User' ? 'Users' : 'Groups', r.id)}>
      {r.resourceType} {r.name}
    </button>
  );
  return (
    <section aria-label="Snapshot diff">
      <h3>Compare snapshots</h3>
      <div className="actions">
        {pick('From', a, setA)}
        {pick('To', b, setB)}
        <button type="button" onClick={() => void run()} disabled={!a || !b || a === b}>
          Diff
        </button>
        <button type="button" onClick={() => void exportDiff()} disabled={!a || !b || a === b}>
          Export diff CSV
        </button>
      </div>
      <ErrorNote error={error} />
      {exported && <p data-testid="diff-exported">{exported.saved ? `${exported.rows} diff rows saved to ${exported.path ?? ''}` : 'Export cancelled.'}</p>}
      {diff && (
        <>
          <p data-testid="diff-summary">
            {diff.added} added, {diff.removed} removed, {diff.changed} changed
          </p>
          <ul className="finding-list">
            {diff.sample.added.map((r) => (
              <li key={`a:${r.id}`}>+ {link(r)}</li>
            ))}
            {diff.sample.removed.map((r) => (
              <li key={`r:${r.id}`}>− {r.resourceType} {r.name}</li>
            ))}
            {diff.sample.changed.map((r) => (
              <li key={`c:${r.id}`}>
                ~ {link(r)}:{' '}
                {r.fields.map((f, i) => (
                  <span key={f.path}>
                    {i > 0 ? '; ' : ''}
                    {f.path} {shown(f.before)} → {shown(f.after)}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

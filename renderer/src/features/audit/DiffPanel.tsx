// Diff of two saved snapshots: how many users/groups were added, removed and changed, and the
// first entries of each list with click-through.

import { useState } from 'react';
import type { InspectorApi } from '../../../../shared/channels';
import type { DiffView, SnapshotFile } from '../../../../shared/channels/audit';
import type { AppError } from '../../../../shared/errors';
import type { FeatureContext } from '../registry';
import { ErrorNote } from '../edit/ui-common';
import { SnapshotOptions } from './SnapshotOptions';
import { usePageState } from '../../store/pages';

export function DiffPanel({ api, snapshots, openResource }: { api: InspectorApi; snapshots: SnapshotFile[]; openResource: FeatureContext['openResource'] }) {
  const [a, setA] = usePageState('audit:diff:a', snapshots[1]?.name ?? '');
  const [b, setB] = usePageState('audit:diff:b', snapshots[0]?.name ?? '');
  const [diff, setDiff] = usePageState<DiffView | null>('audit:diff:diff', null);
  const [error, setError] = useState<AppError | null>(null);
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
      </div>
      <ErrorNote error={error} />
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
                ~ {link(r)}: {r.fields.map((f) => f.path).join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

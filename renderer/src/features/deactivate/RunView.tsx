// The result of a deactivation run (or a retry/undo), and the journal actions after it: retry what
// failed and undo (reactivate), each with the typed count and live progress with cancel.

import { useEffect, useState } from 'react';
import type { InspectorApi } from '../../../../shared/channels';
import type { JournalSummary, RunOutcome } from '../../../../shared/channels/deactivate';
import type { AppError } from '../../../../shared/errors';
import { ErrorNote, newOperationId, ProgressLine, useProgress } from '../edit/ui-common';
import { TypedConfirm } from './TypedConfirm';

export function RunResultView({ result }: { result: RunOutcome }) {
  const verb = result.action === 'deactivate' ? 'deactivated' : 'reactivated';
  return (
    <section aria-label="Results" data-testid="run-result">
      <p data-testid="run-summary">
        {result.done.length} {verb}, {result.failed.length} failed, {result.skipped.length} skipped, {result.unresolved.length} unresolved
        {result.cancelled ? ' — cancelled; the rest was not sent' : ''}.
      </p>
      {result.journalName && <p className="muted">Journal: {result.journalName}</p>}
      {result.warnings.map((w) => (
        <p key={w} className="warning">
          {w}
        </p>
      ))}
      {result.failed.length > 0 && (
        <table className="dense" aria-label="Failures">
          <tbody>
            {result.failed.map((f) => (
              <tr key={f.id} className="error">
                <th scope="row">{f.id}</th>
                <td>{f.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

type Action = 'retry' | 'undo';

/** Retry failed / Undo for one journal file, counts read from main so the typed count is exact. */
export function JournalActions({ api, profileId, readOnly, journalName, onDone }: { api: InspectorApi; profileId: string; readOnly: boolean; journalName: string; onDone?: (r: RunOutcome) => void }) {
  const [summary, setSummary] = useState<JournalSummary | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [operationId, setOperationId] = useState<string | null>(null);
  const [result, setResult] = useState<RunOutcome | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const progress = useProgress(api, operationId);

  const refresh = async (): Promise<void> => {
    const r = await api.deactivate.journals({ profileId, all: true });
    if (r.ok) setSummary(r.value.journals.find((j) => j.journalName === journalName) ?? null);
    else setError(r.error);
  };
  useEffect(() => {
    void refresh();
  }, [api, profileId, journalName]);

  const run = async (which: Action, count: number): Promise<void> => {
    const id = newOperationId(which);
    setOperationId(id);
    setError(null);
    const request = { profileId, journalName, operationId: id, confirmCount: count };
    const r = which === 'retry' ? await api.deactivate.retry(request) : await api.deactivate.undo(request);
    setOperationId(null);
    setAction(null);
    if (r.ok) {
      setResult(r.value);
      onDone?.(r.value);
    } else setError(r.error);
    await refresh();
  };

  if (!summary) return <ErrorNote error={error} />;
  if (!summary.tenant.current) {
    // Undo and retry can only run against the tenant the run was made on.
    return (
      <p className="muted" data-testid="other-tenant-actions">
        Made on {summary.tenant.name} ({summary.tenant.baseUrl}): open that tenant's profile to retry or undo these runs.
      </p>
    );
  }
  const count = action === 'retry' ? summary.pending : summary.reactivatable;
  return (
    <div className="journal-actions">
      <div className="actions">
        <button type="button" disabled={readOnly || summary.pending === 0 || operationId !== null} onClick={() => setAction('retry')}>
          Retry failed ({summary.pending})
        </button>
        <button type="button" disabled={readOnly || summary.reactivatable === 0 || operationId !== null} onClick={() => setAction('undo')}>
          Undo: reactivate ({summary.reactivatable})
        </button>
      </div>
      {action && !operationId && <TypedConfirm count={count} verb={action === 'retry' ? 'retry' : 'reactivate'} onConfirm={(n) => void run(action, n)} />}
      {operationId && <ProgressLine progress={progress} onCancel={() => void api.deactivate.cancel({ operationId })} />}
      <ErrorNote error={error} />
      {result && <RunResultView result={result} />}
    </div>
  );
}

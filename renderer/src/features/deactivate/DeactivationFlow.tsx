// Deactivation from a list of inputs (selected users, a pasted or imported list): method choice →
// dry run (plan) → typed count (bulk) → live progress with cancel → results with retry and undo.

import { useEffect, useMemo, useState } from 'react';
import type { InspectorApi } from '../../../../shared/channels';
import type { PlannedRun, RunOutcome } from '../../../../shared/channels/deactivate';
import type { DeactivationMethod } from '../../../../shared/deactivate';
import type { AppError } from '../../../../shared/errors';
import type { ResourceKind } from '../../../../shared/scim';
import { ErrorNote, newOperationId, ProgressLine, useProgress } from '../edit/ui-common';
import { HeldListing } from './HeldListing';
import { PlanView } from './PlanView';
import { JournalActions, RunResultView } from './RunView';
import { TypedConfirm } from './TypedConfirm';
import { usePageState, usePageStore } from '../../store/pages';
import type { FindingRef } from '../../../../shared/channels/deactivate';
import type { TableSelection } from '../../../../shared/selection';

interface Props {
  api: InspectorApi;
  profileId: string;
  readOnly: boolean;
  inputs: string[];
  openResource(kind: ResourceKind, id: string): void;
  /** Where the flow keeps its state in the page store ('deactivate:flow', 'selection:flow'...). */
  stateKey: string;
  /**
   * The users of an audit finding instead of inputs: main holds their ids (up to the whole
   * tenant), the plan is made from them, and made at once (a dry run writes nothing).
   */
  finding?: FindingRef & { count: number };
  /** A table's selection instead of inputs: main resolves it from its index (with main's count). */
  selection?: TableSelection & { count: number };
}

/** A short fingerprint of the inputs: the flow's state belongs to one list of users. */
function fingerprint(inputs: string[]): string {
  let h = 0x811c9dc5;
  for (const input of inputs) {
    for (let i = 0; i < input.length; i++) h = Math.imul(h ^ input.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  return `${inputs.length}-${(h >>> 0).toString(36)}`;
}

export function DeactivationFlow({ api, profileId, readOnly, inputs, openResource, stateKey, finding, selection }: Props) {
  // Kept per list of inputs: a plan, a run's progress and its results survive leaving the page.
  const source = useMemo(() => (finding ? `audit-${finding.auditId}-${finding.code}` : selection ? `table-${fingerprint([JSON.stringify({ ...selection, count: 0 })])}` : fingerprint(inputs)), [finding, selection, inputs]);
  const key = `${stateKey}:${source}`;
  const count = finding ? finding.count : selection ? selection.count : inputs.length;
  const pages = usePageStore();
  useEffect(() => {
    // Another list replaced this flow's: the state of earlier lists is let go.
    const earlier = [...(pages?.getState().values.keys() ?? [])].filter((k) => k.startsWith(`${stateKey}:`) && !k.startsWith(`${key}:`));
    for (const k of earlier) pages?.getState().clear(k);
  }, [pages, stateKey, key]);
  const [method, setMethod] = usePageState<DeactivationMethod | 'auto'>(`${key}:method`, 'auto');
  const [planned, setPlanned] = usePageState<PlannedRun | null>(`${key}:planned`, null);
  const [operationId, setOperationId] = usePageState<string | null>(`${key}:operationId`, null);
  const [result, setResult] = usePageState<RunOutcome | null>(`${key}:result`, null);
  const [error, setError] = usePageState<AppError | null>(`${key}:error`, null);
  const [busy, setBusy] = useState(false);
  const progress = useProgress(api, operationId);

  const dryRun = async (): Promise<void> => {
    setError(null);
    setResult(null);
    setBusy(true);
    const named = finding ? { inputs: [], finding: { auditId: finding.auditId, code: finding.code } } : selection ? { inputs: [], selection: { kind: selection.kind, listId: selection.listId, parts: selection.parts, overrides: selection.overrides } } : { inputs };
    const r = await api.deactivate.plan({ profileId, ...named, method: method === 'auto' ? undefined : method });
    setBusy(false);
    if (r.ok) setPlanned(r.value);
    else setError(r.error);
  };
  // From a finding, the plan is what the admin came for: made once, on arrival.
  const [autoPlanned, setAutoPlanned] = usePageState(`${key}:autoPlanned`, false);
  useEffect(() => {
    if (!finding || autoPlanned || readOnly) return;
    setAutoPlanned(true);
    void dryRun();
  }, [finding, autoPlanned, readOnly]);

  const execute = async (count: number): Promise<void> => {
    if (!planned) return;
    const id = newOperationId('deactivate');
    setOperationId(id);
    setError(null);
    const r = await api.deactivate.execute({ planId: planned.planId, operationId: id, confirmCount: count });
    setOperationId(null);
    setPlanned(null);
    if (r.ok) setResult(r.value);
    else setError(r.error);
  };

  const targets = planned?.plan.targets.length ?? 0;
  const canRun = planned !== null && planned.plan.refused.length === 0 && targets > 0 && !readOnly;
  return (
    <div className="deactivation-flow">
      {readOnly && <p className="warning">This profile is read-only: deactivation is refused, dry run included. Turn off read-only in the profile to deactivate.</p>}
      <div className="actions">
        <label>
          Method{' '}
          <select value={method} onChange={(e) => setMethod(e.target.value as DeactivationMethod | 'auto')} aria-label="Method">
            <option value="auto">PATCH active=false (PUT where PATCH is unsupported)</option>
            <option value="patch">PATCH</option>
            <option value="put">PUT (full replace)</option>
            <option value="delete">DELETE (removes the users)</option>
          </select>
        </label>
        <button type="button" onClick={() => void dryRun()} disabled={busy || readOnly || count === 0 || operationId !== null}>
          Dry run ({count})
        </button>
      </div>
      {method === 'delete' && <p className="warning">DELETE removes the users from the tenant; undo cannot bring them back.</p>}
      <ErrorNote error={error} />
      {planned && <PlanView plan={planned.plan} openResource={openResource} />}
      {planned && <HeldListing api={api} profileId={profileId} stamp={planned.planId} onRefreshed={() => void dryRun()} disabled={busy || operationId !== null} />}
      {canRun && !operationId && (targets > 1 ? <TypedConfirm count={targets} verb="deactivate" onConfirm={(n) => void execute(n)} /> : (
        <button type="button" className="danger" onClick={() => void execute(1)}>
          Deactivate 1 user
        </button>
      ))}
      {operationId && <ProgressLine progress={progress} onCancel={() => void api.deactivate.cancel({ operationId })} />}
      {result && <RunResultView result={result} />}
      {result?.journalName && <JournalActions api={api} profileId={profileId} readOnly={readOnly} journalName={result.journalName} />}
    </div>
  );
}

// Finishing an interrupted run and undoing a finished one, from the journal alone. Every pending
// target is re-checked before any write, so a write that landed just before a crash (intent
// recorded, outcome not) is never sent twice.

import { InspectorError } from '../../../shared/errors';
import type { RunResult } from '../../../shared/deactivate';
import type { ScimClient } from '../scim/types';
import { readJournal } from '../journal/journal';
import { executeRun, newRunId, type ExecuteOptions } from './execute';
import { foldRuns, isDeactivationRecord, type RunState } from './records';
import { refuseReadOnly, withRunJournal } from './run-journal';

async function load(client: ScimClient, path: string): Promise<{ runs: RunState[]; warnings: string[] }> {
  const { records, tornTail } = await readJournal(path, isDeactivationRecord);
  const runs = foldRuns(records);
  if (runs.length === 0) throw new InspectorError('invalid-input', `${path} holds no deactivation run.`, { file: path });
  const foreign = runs.find((r) => r.run.baseUrl.replace(/\/+$/, '') !== client.baseUrl.replace(/\/+$/, ''));
  if (foreign) {
    throw new InspectorError('refused-unverifiable', `The journal ${path} is for ${foreign.run.baseUrl}, but this connection is ${client.baseUrl}; connect to the tenant the run was made on.`, { file: path });
  }
  return { runs, warnings: tornTail ? ['The journal ends with a torn line (the process stopped mid-write); that line was ignored and its target is re-checked.'] : [] };
}

/** Finishes the last unfinished run in the journal (or reports that it is complete). */
export async function resumeRun(client: ScimClient, path: string, options: ExecuteOptions = {}): Promise<RunResult & { warnings: string[] }> {
  refuseReadOnly(client, 'resuming a deactivation');
  return withRunJournal(path, true, () => load(client, path), async ({ journal, warnings: held }, { runs, warnings }) => {
    const state = [...runs].reverse().find((r) => r.run.targets.some((t) => r.outcomes.get(t.id)?.status !== 'done')) ?? runs[runs.length - 1];
    if (!state) throw new InspectorError('invalid-input', `${path} holds no run to resume.`);
    const alreadyDone = new Set([...state.outcomes.values()].filter((o) => o.status === 'done').map((o) => o.id));
    const names = new Map(state.run.targets.map((t) => [t.id, t.userName]));
    const result = await executeRun(client, state.run, journal, { ...options, appendRunRecord: false, alreadyDone, recheck: true });
    const earlier = [...alreadyDone].map((id) => ({ id, userName: names.get(id) ?? id, wrote: state.outcomes.get(id)?.wrote ?? false, note: 'done before the resume' }));
    return { ...result, done: [...earlier, ...result.done], warnings: [...held, ...warnings] };
  });
}

/** Sets active back to true for every user the journal's deactivation runs deactivated. */
export async function reactivateRun(client: ScimClient, path: string, options: ExecuteOptions = {}): Promise<RunResult & { warnings: string[] }> {
  refuseReadOnly(client, 'undoing a deactivation');
  return withRunJournal(path, true, () => load(client, path), async ({ journal, warnings: held }, { runs, warnings }) => {
    const targets = deactivatedBy(runs);
    const deactivations = runs.filter((r) => r.run.action === 'deactivate');
    const method: 'put' | 'patch' = deactivations.some((r) => r.run.method === 'put') ? 'put' : 'patch';
    const vendor = deactivations.map((r) => r.run.vendor).filter(Boolean).pop();
    const run = {
      type: 'run' as const,
      runId: newRunId(),
      action: 'reactivate' as const,
      method,
      baseUrl: client.baseUrl,
      ...(vendor ? { vendor } : {}),
      targets: [...targets].map(([id, userName]) => ({ id, userName })),
      skipped: [],
    };
    const result = await executeRun(client, run, journal, { ...options, recheck: true });
    return { ...result, warnings: [...held, ...warnings] };
  });
}

/** How many users `resume` and `reactivate` would touch, for the typed confirmation. */
export async function journalCounts(path: string): Promise<{ pending: number; reactivatable: number }> {
  const { records } = await readJournal(path, isDeactivationRecord);
  const runs = foldRuns(records);
  const last = [...runs].reverse().find((r) => r.run.targets.some((t) => r.outcomes.get(t.id)?.status !== 'done'));
  const pending = last ? last.run.targets.filter((t) => last.outcomes.get(t.id)?.status !== 'done').length : 0;
  return { pending, reactivatable: deactivatedBy(runs).size };
}

/**
 * The users the journal's deactivation runs deactivated and no later undo reactivated: an intent
 * was recorded (the write was sent) and the outcome is done. Users already inactive before a run
 * never got an intent and stay as they were on undo. Runs are folded in file order.
 */
function deactivatedBy(runs: RunState[]): Map<string, string> {
  const ours = new Map<string, string>();
  for (const r of runs) {
    for (const t of r.run.targets) {
      if (r.outcomes.get(t.id)?.status !== 'done') continue;
      if (r.run.action === 'reactivate') ours.delete(t.id);
      else if (r.intents.has(t.id)) ours.set(t.id, t.userName);
    }
  }
  return ours;
}

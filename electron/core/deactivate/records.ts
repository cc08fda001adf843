// What a deactivation journal holds. One `run` record before any write, then an `intent` before
// and an `outcome` after each write, then `end`. Resume and undo are computed from these alone.

import type { DeactivationMethod, RunAction } from '../../../shared/deactivate';
import type { JournalRecordBase } from '../journal/journal';

export type RunRecord = {
  type: 'run';
  runId: string;
  action: RunAction;
  method: DeactivationMethod;
  baseUrl: string;
  vendor?: string;
  targets: { id: string; userName: string }[];
  skipped: { id: string; reason: string }[];
};
export type IntentRecord = { type: 'intent'; runId: string; id: string; method: 'PATCH' | 'PUT' | 'DELETE' };
export type OutcomeRecord = {
  type: 'outcome';
  runId: string;
  id: string;
  status: 'done' | 'failed';
  /** False when nothing was sent because the user was already in the wanted state. */
  wrote: boolean;
  verified: boolean;
  note?: string;
  error?: string;
};
export type EndRecord = { type: 'end'; runId: string; done: number; failed: number; cancelled: boolean };
export type DeactivationRecord = RunRecord | IntentRecord | OutcomeRecord | EndRecord;

export function isDeactivationRecord(value: unknown): value is DeactivationRecord & JournalRecordBase {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (r.v !== 1 || typeof r.runId !== 'string') return false;
  switch (r.type) {
    case 'run':
      return (r.action === 'deactivate' || r.action === 'reactivate') && typeof r.method === 'string' && Array.isArray(r.targets) && Array.isArray(r.skipped);
    case 'intent':
      return typeof r.id === 'string';
    case 'outcome':
      return typeof r.id === 'string' && (r.status === 'done' || r.status === 'failed');
    case 'end':
      return true;
    // Stryker disable next-line ConditionalExpression: without this case the function ends with undefined, as falsy as false
    default:
      return false;
  }
}

export interface RunState {
  run: RunRecord;
  intents: Set<string>;
  outcomes: Map<string, OutcomeRecord>;
  ended: boolean;
}

/** Folds a journal's records into one state per run, in file order. */
export function foldRuns(records: DeactivationRecord[]): RunState[] {
  const runs = new Map<string, RunState>();
  for (const record of records) {
    if (record.type === 'run') {
      runs.set(record.runId, { run: record, intents: new Set(), outcomes: new Map(), ended: false });
      continue;
    }
    const state = runs.get(record.runId);
    if (!state) continue;
    if (record.type === 'intent') state.intents.add(record.id);
    else if (record.type === 'outcome') state.outcomes.set(record.id, record);
    else state.ended = true;
  }
  return [...runs.values()];
}

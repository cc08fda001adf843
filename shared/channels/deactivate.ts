// Channels of deactivation plans, runs, resume and undo. Each entry: 'feature.method': channel<Response>()(parse).
// Spread into CHANNELS in shared/channels.ts; implementations in electron/core/app/features/deactivate.ts.
// A plan stays in main (planId): the renderer confirms it by id and the typed count, so a big plan
// never travels back and cannot be altered on the way. Journals are named by file name only, inside
// the data folder's journals/ — the renderer never names a path.

import type { ChannelDef } from '../channel-def';
import { channel } from '../channel-def';
import { oneOf, optionalInteger, optionalString, record, requiredString } from '../channel-guards';
import { tenantScope, type TenantRef } from './edit';
import { InspectorError } from '../errors';
import type { DeactivationPlan, RunResult } from '../deactivate';
import { FINDING_CODES, type FindingCode } from '../audit';
import { MAX_CSV_TEXT } from './body-limits';
import { parseSelection } from '../selection';

const OPERATION_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const JOURNAL_NAME = /^[A-Za-z0-9_.-]{1,200}\.jsonl$/;
const MAX_INPUTS = 200_000;

function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_INPUTS || !value.every((v) => typeof v === 'string' && v.length <= 2048)) {
    throw new InspectorError('invalid-input', `The request field "${field}" must be a list of 1 to ${MAX_INPUTS} strings.`, { field });
  }
  return value as string[];
}

export interface PlannedRun {
  planId: string;
  plan: DeactivationPlan;
}

export interface CsvColumnValues {
  headers: string[];
  hasHeader: boolean;
  /** Line 1 could be a header or a value and nobody said which: ask (values stay empty until then). */
  headerUnsure: boolean;
  /** Line 1 as written, to show which line was (or may be) the header. */
  firstRow: string[];
  /** The chosen column (by name or 1-based number); null while the file has several and none was chosen. */
  column: string | null;
  values: string[];
}

export interface RunOutcome extends RunResult {
  /** The journal's file name in the data folder's journals/ (for retry and undo). */
  journalName: string | null;
  warnings: string[];
  cancelled: boolean;
}

export interface RunSummary {
  journalName: string;
  runId: string;
  action: 'deactivate' | 'reactivate';
  method: string;
  baseUrl: string;
  at: string | null;
  targets: number;
  done: number;
  failed: number;
  ended: boolean;
}

export interface JournalSummary {
  journalName: string;
  /** The tenant the runs were made on; retry and undo run only from that tenant's profile. */
  tenant: TenantRef;
  runs: RunSummary[];
  /** Targets of the last unfinished run not yet done (what "retry failed" would touch). */
  pending: number;
  /** Users the journal's deactivations deactivated (what undo would reactivate). */
  reactivatable: number;
}

export interface JournalList {
  journals: JournalSummary[];
  /** Journals of other tenants left out (all: false). */
  otherTenants: number;
}

/** The users of one finding code of an audit main holds ("Deactivate these N users"). */
export interface FindingRef {
  auditId: string;
  code: FindingCode;
}

function findingRef(value: unknown): FindingRef {
  const r = record(value, 'finding');
  const code = oneOf(r.code, FINDING_CODES, 'finding.code');
  if (!code) throw new InspectorError('invalid-input', 'The request field "finding.code" must be a finding code.', { field: 'finding.code' });
  return { auditId: requiredString(r.auditId, 'finding.auditId', OPERATION_ID), code };
}

const journalRun = (name: string) => (input: unknown) => {
  const r = record(input, name);
  return {
    profileId: requiredString(r.profileId, 'profileId'),
    journalName: requiredString(r.journalName, 'journalName', JOURNAL_NAME),
    operationId: requiredString(r.operationId, 'operationId', OPERATION_ID),
    confirmCount: optionalInteger(r.confirmCount, 'confirmCount', 0, MAX_INPUTS) ?? -1,
  };
};

export const DEACTIVATE_CHANNELS = {
  /**
   * Pasted or imported CSV text → the chosen column's values (malformed: invalid-csv with the line).
   * hasHeader absent: guessed (a first row of words is a header) — a plain list of userNames needs false.
   */
  'deactivate.parseCsv': channel<CsvColumnValues>()((input) => {
    const r = record(input, 'deactivate.parseCsv');
    const text = typeof r.text === 'string' && r.text.length <= MAX_CSV_TEXT ? r.text : null;
    if (text === null) throw new InspectorError('invalid-input', `The CSV text must be a string of at most ${MAX_CSV_TEXT / 1024 / 1024} MB; for bigger lists use the CLI (deactivate --from-csv FILE).`);
    const hasHeader = r.hasHeader === true || r.hasHeader === false ? r.hasHeader : undefined;
    return { text, column: optionalString(r.column, 'column'), hasHeader };
  }),
  /** Resolves the inputs and builds the plan (dry run). Nothing is written. */
  'deactivate.plan': channel<PlannedRun>()((input) => {
    const r = record(input, 'deactivate.plan');
    // The users of an audit finding are named by the finding: they stay in main (up to 100k ids).
    const finding = r.finding === undefined || r.finding === null ? undefined : findingRef(r.finding);
    // A table's selection is a description main resolves from its index (up to the whole tenant).
    const selection = finding || r.selection === undefined || r.selection === null ? undefined : parseSelection(r.selection);
    if (selection && selection.kind !== 'Users') throw new InspectorError('invalid-input', 'Only a selection of users can be deactivated.', { field: 'selection.kind' });
    return {
      profileId: requiredString(r.profileId, 'profileId'),
      inputs: finding || selection ? [] : stringList(r.inputs, 'inputs'),
      ...(finding ? { finding } : {}),
      ...(selection ? { selection } : {}),
      method: oneOf(r.method, ['patch', 'put', 'delete'] as const, 'method'),
    };
  }),
  /** Executes a plan made by deactivate.plan; confirmCount must equal its number of targets. */
  'deactivate.execute': channel<RunOutcome>()((input) => {
    const r = record(input, 'deactivate.execute');
    return {
      planId: requiredString(r.planId, 'planId', OPERATION_ID),
      operationId: requiredString(r.operationId, 'operationId', OPERATION_ID),
      confirmCount: optionalInteger(r.confirmCount, 'confirmCount', 0, MAX_INPUTS) ?? -1,
    };
  }),
  /** Stops a running execute/retry/undo between writes (what was written stays journalled). */
  'deactivate.cancel': channel<{ cancelled: boolean }>()((input) => {
    const r = record(input, 'deactivate.cancel');
    return { operationId: requiredString(r.operationId, 'operationId', OPERATION_ID) };
  }),
  /** Retries what a run left undone (failed or cancelled targets), re-checking each first. */
  'deactivate.retry': channel<RunOutcome>()(journalRun('deactivate.retry')),
  /** Undo: sets active back to true for the users the journal's runs deactivated. */
  'deactivate.undo': channel<RunOutcome>()(journalRun('deactivate.undo')),
  /** The open profile's tenant's deactivation journals (all: every tenant's), newest first. */
  'deactivate.journals': channel<JournalList>()((input) => tenantScope(input, 'deactivate.journals')),
} satisfies Record<string, ChannelDef<unknown, unknown>>;

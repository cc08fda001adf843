// Channels of snapshots, audits, diffs and CSV exports. Each entry: 'feature.method': channel<Response>()(parse).
// Spread into CHANNELS in shared/channels.ts; implementations in electron/core/app/features/audit.ts.
// The snapshot and the full findings stay in main (auditId): the renderer gets counts, findings
// grouped by code with a sample each, and chart data; exports go through the host's save path.

import type { ChannelDef } from '../channel-def';
import { InspectorError } from '../errors';
import { channel } from '../channel-def';
import { oneOf, optionalInteger, optionalString, record, requiredString } from '../channel-guards';
import { FINDING_CODES, IDP_MATCHES, type AuditCounts, type Finding, type FindingCode, type IdpMatch, type IdpSummary, type Severity, type SnapshotDiff } from '../audit';
import type { SaveResult } from '../channels';
import { tenantScope, type TenantRef } from './edit';
import { MAX_CSV_TEXT } from './body-limits';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const SNAPSHOT_NAME = /^[A-Za-z0-9_.-]{1,200}\.json(\.gz)?$/;
export const AUDIT_EXPORTS = ['findings', 'users', 'groups', 'memberships'] as const;
export type AuditExport = (typeof AUDIT_EXPORTS)[number];

/** Findings a page holds (the first page of each group comes with the view; audit.findings pages on). */
export const FINDINGS_PAGE = 50;
/** The most findings one audit.findings call answers. */
export const MAX_FINDINGS_PAGE = 500;

/** Findings of one code: how many, and the first page of them (audit.findings gives the others). */
export interface FindingGroup {
  code: FindingCode;
  severity: Severity;
  count: number;
  sample: Finding[];
}

/** One page of findings: of one code in found order, or of all in severity order. */
export interface FindingsPage {
  total: number;
  offset: number;
  findings: Finding[];
}

export interface AuditView {
  auditId: string;
  source: { kind: 'live'; profileId: string } | { kind: 'snapshot'; name: string };
  takenAt: string;
  baseUrl: string;
  complete: boolean;
  counts: AuditCounts;
  notes: string[];
  warnings: string[];
  groups: FindingGroup[];
  /** Users by age of meta.lastModified at takenAt (last bucket: no lastModified). */
  lastModified: { label: string; count: number }[];
  /** Verified writes of this session since the snapshot, laid over it (live audits only). */
  writesSince: number;
  /** What the IdP comparison matched on, with sample rows and a hint (with an IdP export only). */
  idp?: IdpSummary;
}

/** An IdP export's header row, for the admin to pick the key column and the tenant attribute. */
export interface IdpColumns {
  headers: string[];
  rows: number;
  guess: { column: string; match: IdpMatch } | null;
  /** The first data rows, cell by cell under the headers. */
  preview: string[][];
}

export interface SnapshotFile {
  name: string;
  bytes: number;
  modifiedAt: string;
  /** From the snapshot's head (null when the file does not say). */
  takenAt: string | null;
  label: string | null;
  /** The tenant it was taken of: the profile's name at the time (else the URL) and whether it is the open one. */
  tenant: TenantRef;
}

export interface DiffView {
  added: number;
  removed: number;
  changed: number;
  /** The first entries of each list (the whole diff can be 100k rows). */
  sample: SnapshotDiff;
}

function idpCsvText(csv: unknown): string {
  if (typeof csv !== 'string' || csv === '' || csv.length > MAX_CSV_TEXT) {
    throw new InspectorError('invalid-input', `Compare with the IdP needs its export as CSV text of at most ${MAX_CSV_TEXT / 1024 / 1024} MB and the key column (for bigger exports use the CLI: audit --idp-csv FILE --idp-key COLUMN).`, { field: 'idpCsv' });
  }
  return csv;
}

/**
 * The IdP's export (CSV text read by the page), its key column and the tenant attribute it holds,
 * in the request's own field names, so the page's typed call is checked against them.
 */
function idpRequest(r: Record<string, unknown>): { idpCsv?: string; idpKey?: string; idpMatch?: IdpMatch } {
  const csv = r.idpCsv;
  const noKey = r.idpKey === undefined || r.idpKey === null || r.idpKey === '';
  if ((csv === undefined || csv === null || csv === '') && noKey) return {};
  const match = oneOf(r.idpMatch, IDP_MATCHES, 'idpMatch');
  return { idpCsv: idpCsvText(csv), idpKey: requiredString(r.idpKey, 'idpKey'), ...(match ? { idpMatch: match } : {}) };
}

export const AUDIT_CHANNELS = {
  /** Audits the open profile (a live snapshot, progress events under operationId) or a saved snapshot. */
  'audit.run': channel<AuditView>()((input) => {
    const r = record(input, 'audit.run');
    return {
      profileId: requiredString(r.profileId, 'profileId'),
      operationId: requiredString(r.operationId, 'operationId', ID),
      snapshot: r.snapshot === undefined || r.snapshot === null ? undefined : requiredString(r.snapshot, 'snapshot', SNAPSHOT_NAME),
      staleDays: optionalInteger(r.staleDays, 'staleDays', 1, 36_500),
      ...idpRequest(r),
    };
  }),
  /** The IdP export's header row with a guessed key column and attribute; a file without a header is refused. */
  'audit.idpColumns': channel<IdpColumns>()((input) => {
    const r = record(input, 'audit.idpColumns');
    return { idpCsv: idpCsvText(r.idpCsv) };
  }),
  /** The audit again, with the verified writes made since its snapshot applied to the findings. */
  'audit.view': channel<AuditView>()((input) => {
    const r = record(input, 'audit.view');
    return { auditId: requiredString(r.auditId, 'auditId', ID) };
  }),
  /** A page of the audit's findings: one code's (code given) or all of them, high severity first. */
  'audit.findings': channel<FindingsPage>()((input) => {
    const r = record(input, 'audit.findings');
    return {
      auditId: requiredString(r.auditId, 'auditId', ID),
      code: oneOf(r.code, FINDING_CODES, 'code'),
      offset: optionalInteger(r.offset, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
      limit: optionalInteger(r.limit, 'limit', 1, MAX_FINDINGS_PAGE) ?? FINDINGS_PAGE,
    };
  }),
  'audit.cancel': channel<{ cancelled: boolean }>()((input) => {
    const r = record(input, 'audit.cancel');
    return { operationId: requiredString(r.operationId, 'operationId', ID) };
  }),
  /** One CSV of the audit (or its snapshot), saved where the host chooses. */
  'audit.export': channel<SaveResult & { rows: number }>()((input) => {
    const r = record(input, 'audit.export');
    return {
      auditId: requiredString(r.auditId, 'auditId', ID),
      kind: oneOf(r.kind, AUDIT_EXPORTS, 'kind') ?? ('findings' as const),
      bom: r.bom === true,
    };
  }),
  /** The printable HTML audit report (counts, charts, findings up to `limit`), saved where the host chooses. */
  'audit.report': channel<SaveResult & { rows: number; total: number }>()((input) => {
    const r = record(input, 'audit.report');
    const limit = optionalInteger(r.limit, 'limit', 1, 100_000);
    return { auditId: requiredString(r.auditId, 'auditId', ID), ...(limit !== undefined ? { limit } : {}) };
  }),
  /** Saves the audit's snapshot into the data folder's snapshots/ (gzip). */
  'audit.saveSnapshot': channel<SnapshotFile>()((input) => {
    const r = record(input, 'audit.saveSnapshot');
    return { profileId: requiredString(r.profileId, 'profileId'), auditId: requiredString(r.auditId, 'auditId', ID), label: optionalString(r.label, 'label') };
  }),
  /** The open tenant's saved snapshots (all: every tenant's, labelled), newest first. */
  'audit.snapshots': channel<{ snapshots: SnapshotFile[]; otherTenants: number }>()((input) => tenantScope(input, 'audit.snapshots')),
  /** Added, removed and changed users/groups from snapshot a to snapshot b. */
  'audit.diff': channel<DiffView>()((input) => {
    const r = record(input, 'audit.diff');
    return { a: requiredString(r.a, 'a', SNAPSHOT_NAME), b: requiredString(r.b, 'b', SNAPSHOT_NAME) };
  }),
  /** The whole diff from a to b as CSV (one row per added/removed resource and per changed field, old and new values), saved where the host chooses. */
  'audit.exportDiff': channel<SaveResult & { rows: number }>()((input) => {
    const r = record(input, 'audit.exportDiff');
    return { a: requiredString(r.a, 'a', SNAPSHOT_NAME), b: requiredString(r.b, 'b', SNAPSHOT_NAME), bom: r.bom === true };
  }),
} satisfies Record<string, ChannelDef<unknown, unknown>>;

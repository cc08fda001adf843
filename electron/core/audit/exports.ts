// CSV exports of a snapshot or an audit: users (chosen columns, multi-valued flattened), groups,
// memberships (one row per group–member pair), findings and diffs. Rows are generated lazily and
// streamed by writeCsvFile, so the data is never held a second time as text. The CLI streams the
// same rows from a snapshot file or a live tenant (groupRow, MembershipRows, userExport).

import { InspectorError } from '../../../shared/errors';
import type { AuditResult, Finding, Snapshot, SnapshotDiff } from '../../../shared/audit';
import type { ScimGroup, ScimUser } from '../../../shared/scim';
import { writeCsvFile, type CsvCell, type CsvWriteOptions } from '../csv/write';
import { memberIds, userColumn } from './user-fields';
import { MEMBERSHIP_COLUMNS, MembershipRows } from './membership-rows';

export { MEMBERSHIP_COLUMNS, MembershipRows } from './membership-rows';

export const EXPORT_KINDS = ['users', 'groups', 'memberships', 'findings', 'diff'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const DEFAULT_USER_COLUMNS = [
  'id', 'userName', 'displayName', 'givenName', 'familyName', 'email', 'emails', 'active',
  'externalId', 'title', 'department', 'manager', 'meta.created', 'meta.lastModified',
];

export interface ExportSource {
  snapshot?: Snapshot;
  audit?: AuditResult;
  diff?: SnapshotDiff;
}

export interface ExportRequest extends CsvWriteOptions {
  kind: ExportKind;
  file: string;
  columns?: string[];
}

/** The users export's header and a row maker (one reader per column, resolved once). */
export function userExport(columns?: string[]): { header: string[]; row: (user: ScimUser) => CsvCell[] } {
  const header = columns && columns.length > 0 ? columns : DEFAULT_USER_COLUMNS;
  const readers = header.map(userColumn);
  return { header, row: (user) => readers.map((read) => read(user)) };
}

export const FINDING_COLUMNS = ['code', 'severity', 'resourceType', 'id', 'userName', 'email', 'detail'];

export function findingRow(f: Finding): CsvCell[] {
  return [f.code, f.severity, f.resourceType, f.id, f.userName ?? '', f.email ?? '', f.detail];
}

export const GROUP_COLUMNS = ['id', 'displayName', 'externalId', 'memberCount', 'meta.lastModified'];

export function groupRow(g: ScimGroup): CsvCell[] {
  return [g.id, g.displayName, g.externalId ?? '', memberIds(g).length, g.meta?.lastModified ?? ''];
}

function* userRows(users: ScimUser[], columns?: string[]): Generator<CsvCell[]> {
  const { row } = userExport(columns);
  for (const user of users) yield row(user);
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new InspectorError('usage', `This export needs ${what}.`);
  return value;
}

export function exportTable(kind: ExportKind, source: ExportSource, columns?: string[]): { header: string[]; rows: Iterable<CsvCell[]> } {
  switch (kind) {
    case 'users': {
      const snapshot = need(source.snapshot, 'a snapshot (or a live tenant)');
      return { header: userExport(columns).header, rows: userRows(snapshot.users, columns) };
    }
    case 'groups': {
      const snapshot = need(source.snapshot, 'a snapshot (or a live tenant)');
      return {
        header: GROUP_COLUMNS,
        rows: (function* () {
          for (const g of snapshot.groups) yield groupRow(g);
        })(),
      };
    }
    case 'memberships': {
      const snapshot = need(source.snapshot, 'a snapshot (or a live tenant)');
      return {
        header: MEMBERSHIP_COLUMNS,
        rows: (function* () {
          const table = new MembershipRows();
          for (const u of snapshot.users) table.user(u);
          for (const g of snapshot.groups) table.group(g);
          yield* table.rows();
        })(),
      };
    }
    case 'findings': {
      const audit = need(source.audit, 'an audit');
      return {
        header: FINDING_COLUMNS,
        rows: (function* () {
          for (const f of audit.findings) yield findingRow(f);
        })(),
      };
    }
    case 'diff': {
      const diff = need(source.diff, 'a diff of two snapshots');
      return {
        header: DIFF_COLUMNS,
        rows: (function* () {
          for (const r of diff.added) yield diffEntryRow('added', r);
          for (const r of diff.removed) yield diffEntryRow('removed', r);
          for (const c of diff.changed) yield* changedRows(c);
        })(),
      };
    }
  }
}

export const DIFF_COLUMNS = ['change', 'resourceType', 'id', 'name', 'field', 'before', 'after'];

export function diffEntryRow(change: 'added' | 'removed', r: SnapshotDiff['added'][number]): CsvCell[] {
  return [change, r.resourceType, r.id, r.name, '', '', ''];
}

/** One row per changed field, with its value before and after. */
export function* changedRows(c: SnapshotDiff['changed'][number]): Generator<CsvCell[]> {
  for (const f of c.fields) yield ['changed', c.resourceType, c.id, c.name, f.path, json(f.before), json(f.after)];
}

function json(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export async function exportCsv(source: ExportSource, request: ExportRequest): Promise<{ rows: number; file: string }> {
  const { header, rows } = exportTable(request.kind, source, request.columns);
  const count = await writeCsvFile(request.file, header, rows, request);
  return { rows: count, file: request.file };
}

// `export users|groups|memberships|findings|diff --out FILE.csv`: RFC 4180 CSV streamed to disk,
// from a saved snapshot or the live tenant. The formula guard is on unless --no-formula-guard.

import { InspectorError } from '../../../../shared/errors';
import type { Command } from '../command';
import { commaList, optFlag, optString } from '../args';
import { EXPORT_KINDS, FINDING_COLUMNS, findingRow, GROUP_COLUMNS, groupRow, MEMBERSHIP_COLUMNS, MembershipRows, userExport, type ExportKind } from '../../../core/audit/exports';
import { CsvFileWriter, type CsvCell, type CsvWriteOptions } from '../../../core/csv/write';
import type { TenantVisitor } from '../../../core/audit/snapshot';
import { exportDiff } from '../../../core/audit/diff-export';
import { SNAPSHOT_OPTION, streamAudit, streamSource } from './audit';
import type { CommandContext } from '../command';

type StreamedKind = 'findings' | 'users' | 'groups' | 'memberships';

interface StreamedTable {
  header: string[];
  /** What each user and group adds to the CSV as it is read. */
  visitor: (csv: CsvFileWriter) => TenantVisitor;
  /** Rows known only once every resource is seen (memberships). */
  rest?: () => Iterable<CsvCell[]>;
}

function streamedTable(kind: Exclude<StreamedKind, 'findings'>, columns: string[] | undefined): StreamedTable {
  if (kind === 'users') {
    const users = userExport(columns);
    return { header: users.header, visitor: (csv) => ({ user: (u) => void csv.row(users.row(u)), group: () => undefined }) };
  }
  if (kind === 'groups') return { header: GROUP_COLUMNS, visitor: (csv) => ({ user: () => undefined, group: (g) => void csv.row(groupRow(g)) }) };
  const table = new MembershipRows();
  return { header: MEMBERSHIP_COLUMNS, visitor: () => ({ user: (u) => table.user(u), group: (g) => table.group(g) }), rest: () => table.rows() };
}

/**
 * Rows written as the snapshot file is read (or the tenant listed), never held as resources (the
 * memberships keep ids and names compactly until the last group is seen); the CSV appears under
 * its name only when complete.
 */
async function streamExport(ctx: CommandContext, kind: StreamedKind, request: CsvWriteOptions & { file: string; columns?: string[] | undefined }): Promise<{ rows: number; file: string }> {
  const table = kind === 'findings' ? null : streamedTable(kind, request.columns);
  const csv = new CsvFileWriter(request.file, table ? table.header : FINDING_COLUMNS, request);
  try {
    if (table) {
      await streamSource(ctx, { ...table.visitor(csv), drained: () => csv.drained() });
      for (const row of table.rest?.() ?? []) if (csv.row(row)) await csv.drained();
    } else {
      await streamAudit(ctx, (f) => void csv.row(findingRow(f)), { drained: () => csv.drained() });
    }
  } catch (error) {
    await csv.abort();
    throw error;
  }
  return { rows: await csv.finish(), file: request.file };
}

export const exportCommand: Command = {
  words: ['export'],
  operands: EXPORT_KINDS.join('|'),
  minOperands: 1,
  maxOperands: 1,
  summary: 'write users, groups, memberships, findings or a diff as CSV',
  options: {
    ...SNAPSHOT_OPTION,
    out: { kind: 'string', valueName: 'FILE.csv', help: 'where to write the CSV' },
    columns: { kind: 'string', valueName: 'a,b', help: 'users: the columns, e.g. userName,email,emails,active,department' },
    bom: { kind: 'boolean', help: 'start with a UTF-8 byte order mark (Excel)' },
    'no-formula-guard': { kind: 'boolean', help: "do not prefix ' to cells starting with = + - @ tab or CR" },
    against: { kind: 'string', valueName: 'FILE', help: 'diff: the newer snapshot (--snapshot is the older)' },
    'idp-csv': { kind: 'string', valueName: 'FILE', help: "findings: the IdP's export of users (CSV)" },
    'idp-key': { kind: 'string', valueName: 'COLUMN', help: 'findings: the IdP CSV column to match on' },
    'stale-days': { kind: 'integer', min: 1, max: 36_500, valueName: 'N', help: 'findings: stale threshold in days' },
  },
  connects: true,
  run: async (ctx) => {
    const kind = (ctx.operands[0] ?? '').toLowerCase() as ExportKind;
    if (!EXPORT_KINDS.includes(kind)) throw new InspectorError('usage', `Export what? One of ${EXPORT_KINDS.join(', ')}.`);
    const file = optString(ctx.args, 'out');
    if (file === undefined) throw new InspectorError('usage', 'export needs --out FILE.csv.');
    const request = { kind, file, columns: commaList(ctx.args, 'columns'), bom: optFlag(ctx.args, 'bom'), formulaGuard: !optFlag(ctx.args, 'no-formula-guard'), signal: ctx.signal, redactor: ctx.out.secrets };
    let written: { rows: number; file: string };
    if (kind === 'diff') {
      const older = optString(ctx.args, 'snapshot');
      const newer = optString(ctx.args, 'against');
      if (older === undefined || newer === undefined) throw new InspectorError('usage', 'export diff needs --snapshot OLDER --against NEWER.');
      written = await exportDiff(older, newer, request);
    } else {
      written = await streamExport(ctx, kind, request);
    }
    ctx.out.result(written, () => `Wrote ${written.rows} rows to ${written.file}\n`);
    return 0;
  },
};

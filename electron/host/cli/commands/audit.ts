// `snapshot`, `audit`, `diff`: the pre-cutover audit from the command line. Audits run on a saved
// snapshot (offline) or on a live tenant, as streams either way: the snapshot file is read line by
// line, the tenant listed page by page, and each user and group goes through the Auditor once;
// findings are written (--json / --ndjson) as they are found, counts after them. `snapshot`
// writes the file as the pages arrive.

import { InspectorError, toAppError } from '../../../../shared/errors';
import type { AuditCounts, AuditResult, Finding } from '../../../../shared/audit';
import type { ScimUser } from '../../../../shared/scim';
import type { Command, CommandContext } from '../command';
import { auditReport, REPORT_OPTIONS } from './audit-report';
import { optInt, optString } from '../args';
import { withConnection } from '../connect';
import { openItemStream, openSectionedDocument, type ItemStream } from '../json-stream';
import { readSnapshot, streamTenant, writeSnapshot, type SnapshotFields, type TenantSummary, type TenantVisitor } from '../../../core/audit/snapshot';
import { Auditor } from '../../../core/audit/audit';
import { diffSnapshotFiles, type DiffSink } from '../../../core/audit/diff-stream';
import type { IdpComparison } from '../../../core/audit/idp-compare';
import { isIdpMatch, readIdpFile } from '../../../core/audit/idp-file';
import { IDP_MATCHES, IDP_MATCH_LABELS, type IdpSummary } from '../../../../shared/audit';

function progress(ctx: CommandContext): (p: { phase: string; progress?: { resourcesDone: number; reportedTotal: number | null } }) => void {
  return (p) => ctx.out.progress(`${p.phase}${p.progress ? ` ${p.progress.resourcesDone}${p.progress.reportedTotal ? `/${p.progress.reportedTotal}` : ''}` : ''}`);
}

/**
 * Streams the snapshot named by --snapshot, or the live tenant, through `visitor` (users first,
 * then groups); resolves to the snapshot's fields (complete, warnings) and counts.
 */
export async function streamSource(ctx: CommandContext, visitor: TenantVisitor): Promise<TenantSummary> {
  const file = optString(ctx.args, 'snapshot');
  if (file !== undefined) return readSnapshot(file, visitor);
  return withConnection(ctx.args, ctx.env, ctx.out, async ({ client, discovery }) => {
    const summary = await streamTenant(client, visitor, { ...(discovery ? { discovery } : {}), signal: ctx.signal, onProgress: progress(ctx) });
    ctx.out.endProgress();
    return summary;
  });
}

async function idpFrom(ctx: CommandContext): Promise<IdpComparison | undefined> {
  const file = optString(ctx.args, 'idp-csv');
  const key = optString(ctx.args, 'idp-key');
  if (file === undefined && key === undefined) return undefined;
  const match = optString(ctx.args, 'idp-match');
  if (file === undefined || key === undefined) throw new InspectorError('usage', '--idp-csv FILE and --idp-key COLUMN go together.');
  if (match !== undefined && !isIdpMatch(match)) throw new InspectorError('usage', `--idp-match takes one of ${IDP_MATCHES.join(', ')} (email: any of a user's emails); got "${match}".`);
  return { table: await readIdpFile(file, key), keyColumn: key, source: file, ...(match !== undefined ? { match } : {}) };
}

function internal(): never {
  throw new InspectorError('internal', 'The audit saw a resource before the snapshot header.');
}

export interface StreamedAudit {
  fields: SnapshotFields;
  counts: AuditCounts;
  notes: string[];
  idp?: IdpSummary;
}

/**
 * Audits the source (--snapshot or the live tenant) as a stream; every finding goes to `found`
 * as soon as it is known. `started` runs once the snapshot's head fields are known, before any.
 */
export async function streamAudit(ctx: CommandContext, found: (finding: Finding) => void, hooks: { started?: (fields: SnapshotFields) => void; drained?: () => Promise<void>; user?: (user: ScimUser) => void } = {}): Promise<StreamedAudit> {
  const idp = await idpFrom(ctx);
  const staleDays = optInt(ctx.args, 'stale-days');
  const options = { ...(idp ? { idp } : {}), ...(staleDays !== undefined ? { staleDays } : {}) };
  let auditor: Auditor | null = null;
  // Both sources hand out the head fields before any resource.
  const get = (): Auditor => auditor ?? internal();
  const summary = await streamSource(ctx, {
    head: (fields) => {
      auditor = new Auditor(fields, options, found);
      hooks.started?.(fields);
    },
    user: (user) => {
      get().user(user);
      hooks.user?.(user);
    },
    group: (group) => get().group(group),
    ...(hooks.drained ? { drained: hooks.drained } : {}),
  });
  const { takenAt, baseUrl } = summary;
  // The findings known only at the end can be many: written at the pace stdout takes them.
  const { counts, notes, idp: idpSummary } = await get().finishPaced(summary.complete, hooks.drained ?? (() => Promise.resolve()));
  return { fields: { ...summary, takenAt, baseUrl }, counts, notes, ...(idpSummary ? { idp: idpSummary } : {}) };
}

function humanAudit(result: Pick<AuditResult, 'baseUrl' | 'takenAt' | 'complete' | 'counts' | 'notes' | 'idp'>): string {
  const lines = [`Audit of ${result.baseUrl} at ${result.takenAt}${result.complete ? '' : ' (NOT verified complete)'}`];
  for (const [k, v] of Object.entries(result.counts)) lines.push(`  ${k.padEnd(24)} ${v}`);
  for (const note of result.notes) lines.push(`  note: ${note}`);
  const idp = result.idp;
  if (idp) {
    lines.push(`  IdP column ${idp.keyColumn} compared with ${IDP_MATCH_LABELS[idp.match]}; users matched by attribute (of ${idp.users}):`);
    for (const a of idp.byAttribute) lines.push(`    ${IDP_MATCH_LABELS[a.match].padEnd(14)} ${a.users} users, ${a.records} of ${idp.records} IdP keys${a.match === idp.match ? ' (used)' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

export const SNAPSHOT_OPTION = { snapshot: { kind: 'string' as const, valueName: 'FILE', help: 'a saved snapshot instead of the live tenant' } };

export const snapshotCommand: Command = {
  words: ['snapshot'],
  operands: '',
  minOperands: 0,
  maxOperands: 0,
  summary: 'save the whole tenant (discovery, users, groups with members) to a file; .gz compresses',
  options: { out: { kind: 'string', valueName: 'FILE', help: 'where to write the snapshot' } },
  connects: true,
  run: async (ctx) => {
    const out = optString(ctx.args, 'out');
    if (out === undefined) throw new InspectorError('usage', 'snapshot needs --out FILE.');
    return withConnection(ctx.args, ctx.env, ctx.out, async ({ client, discovery }) => {
      const snapshot = await writeSnapshot(client, out, { ...(discovery ? { discovery } : {}), signal: ctx.signal, onProgress: progress(ctx), redactor: ctx.out.secrets });
      ctx.out.endProgress();
      // Discovery's warnings were printed when the connection opened.
      for (const w of snapshot.warnings) if (!w.startsWith('Discovery:')) ctx.out.warn(w);
      const doc = { file: out, takenAt: snapshot.takenAt, users: snapshot.users, groups: snapshot.groups, complete: snapshot.complete, warnings: snapshot.warnings };
      ctx.out.result(doc, () => `Saved ${doc.users} users and ${doc.groups} groups to ${out}${snapshot.complete ? '' : ' (NOT verified complete)'}\n`);
      return snapshot.complete ? 0 : 1;
    });
  },
};

export const auditCommand: Command = {
  words: ['audit'],
  operands: '',
  minOperands: 0,
  maxOperands: 0,
  summary: 'pre-cutover findings and counts, optionally against an IdP export CSV',
  options: {
    ...SNAPSHOT_OPTION,
    'idp-csv': { kind: 'string', valueName: 'FILE', help: "the IdP's export of users (CSV)" },
    'idp-key': { kind: 'string', valueName: 'COLUMN', help: 'the IdP CSV column to match on (email, userName or externalId column)' },
    'idp-match': { kind: 'string', valueName: 'ATTR', help: 'the tenant attribute the key column holds: userName, primaryEmail, email (any email) or externalId (default: guessed from the column name)' },
    'stale-days': { kind: 'integer', min: 1, max: 36_500, valueName: 'N', help: 'users not modified for N days are stale (default 180)' },
    ndjson: { kind: 'boolean', help: 'one finding per line on stdout as found; counts and notes go to stderr' },
    ...REPORT_OPTIONS,
  },
  connects: true,
  run: async (ctx) => {
    // --json / --ndjson: findings written as found, then complete, counts and notes; a person
    // (no flag) gets the counts only, so findings are not kept at all.
    const machine = ctx.out.json || ctx.out.ndjson;
    let stream: ItemStream | null = null;
    const open = (fields: SnapshotFields): ItemStream => (stream ??= openItemStream(ctx.out, 'findings', { takenAt: fields.takenAt, baseUrl: fields.baseUrl }));
    // --report FILE.html: the findings it lists are gathered as they stream (at most its limit).
    const report = auditReport(ctx);
    const found = (finding: Finding): void => {
      report?.found(finding);
      (stream as ItemStream | null)?.item(finding);
    };
    let result: StreamedAudit;
    try {
      result = await streamAudit(ctx, found, {
        started: (fields) => {
          report?.started(fields);
          if (machine) open(fields);
        },
        drained: () => (stream as ItemStream | null)?.drained() ?? Promise.resolve(),
        ...(report ? { user: (user: ScimUser) => report.user(user) } : {}),
      });
    } catch (error) {
      (stream as ItemStream | null)?.close({ complete: false }, toAppError(error));
      throw error;
    }
    const { fields, counts, notes, idp } = result;
    for (const note of notes) ctx.out.warn(note);
    const written = report ? await report.write(result) : undefined;
    // The sentence that says the key column was compared with the wrong attribute.
    if (idp?.hint) ctx.out.warn(idp.hint);
    const extra = { ...(idp ? { idp } : {}), ...(written ? { report: written } : {}) };
    const doc = { takenAt: fields.takenAt, baseUrl: fields.baseUrl, complete: fields.complete, counts, notes, ...extra };
    if (machine) open(fields).close({ complete: fields.complete, counts, notes, ...extra });
    else ctx.out.result(doc, () => humanAudit(doc));
    return 0;
  },
};

export const diffCommand: Command = {
  words: ['diff'],
  operands: 'SNAPSHOT_A SNAPSHOT_B',
  minOperands: 2,
  maxOperands: 2,
  summary: 'added, removed and changed users and groups between two snapshots',
  options: {},
  connects: false,
  run: async (ctx) => {
    // Both files are read line by line (diff-stream.ts); with --json the document is written as
    // its entries are found, the same text as before, never held whole.
    const doc = ctx.out.json ? openSectionedDocument(ctx.out) : null;
    const sink: DiffSink = doc
      ? { section: (list) => doc.section(list), added: (e) => doc.item(e), removed: (e) => doc.item(e), changed: (e) => doc.item(e), drained: () => doc.drained() }
      : {};
    const { counts } = await diffSnapshotFiles(ctx.operands[0] ?? '', ctx.operands[1] ?? '', sink);
    if (doc) doc.close();
    else ctx.out.result(counts, () => `${counts.added} added, ${counts.removed} removed, ${counts.changed} changed\n`);
    return 0;
  },
};

// `snapshot`, `audit`, `diff`: the pre-cutover audit from the command line. Audits run on a saved
// snapshot (offline) or on a live tenant (a snapshot is taken first, not saved).

import { InspectorError } from '../../../../shared/errors';
import type { AuditResult, Snapshot } from '../../../../shared/audit';
import type { Command, CommandContext } from '../command';
import { optInt, optString } from '../args';
import { withConnection } from '../connect';
import { loadSnapshot, saveSnapshot, takeSnapshot } from '../../../core/audit/snapshot';
import { auditSnapshot } from '../../../core/audit/audit';
import { diffSnapshots } from '../../../core/audit/diff';
import { readCsvFile } from '../../../core/csv/read';
import type { IdpComparison } from '../../../core/audit/idp-compare';

/** The snapshot named by --snapshot, or a fresh one from the connection. */
export async function snapshotFor<T>(ctx: CommandContext, work: (snapshot: Snapshot) => Promise<T>): Promise<T> {
  const file = optString(ctx.args, 'snapshot');
  if (file !== undefined) return work(await loadSnapshot(file));
  return withConnection(ctx.args, ctx.env, ctx.out, async ({ client, discovery }) => {
    const snapshot = await takeSnapshot(client, {
      ...(discovery ? { discovery } : {}),
      signal: ctx.signal,
      onProgress: (p) => ctx.out.progress(`${p.phase}${p.progress ? ` ${p.progress.resourcesDone}${p.progress.reportedTotal ? `/${p.progress.reportedTotal}` : ''}` : ''}`),
    });
    ctx.out.endProgress();
    return work(snapshot);
  });
}

async function idpFrom(ctx: CommandContext): Promise<IdpComparison | undefined> {
  const file = optString(ctx.args, 'idp-csv');
  const key = optString(ctx.args, 'idp-key');
  if (file === undefined && key === undefined) return undefined;
  if (file === undefined || key === undefined) throw new InspectorError('usage', '--idp-csv FILE and --idp-key COLUMN go together.');
  return { table: await readCsvFile(file, { column: key }), keyColumn: key, source: file };
}

export async function runAudit(ctx: CommandContext, snapshot: Snapshot): Promise<AuditResult> {
  const idp = await idpFrom(ctx);
  const staleDays = optInt(ctx.args, 'stale-days');
  return auditSnapshot(snapshot, { ...(idp ? { idp } : {}), ...(staleDays !== undefined ? { staleDays } : {}) });
}

function humanAudit(result: AuditResult): string {
  const lines = [`Audit of ${result.baseUrl} at ${result.takenAt}${result.complete ? '' : ' (NOT verified complete)'}`];
  for (const [k, v] of Object.entries(result.counts)) lines.push(`  ${k.padEnd(24)} ${v}`);
  for (const note of result.notes) lines.push(`  note: ${note}`);
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
    return snapshotFor(ctx, async (snapshot) => {
      await saveSnapshot(out, snapshot, ctx.out.secrets);
      // Discovery's warnings were printed when the connection opened.
      for (const w of snapshot.warnings) if (!w.startsWith('Discovery:')) ctx.out.warn(w);
      const doc = { file: out, takenAt: snapshot.takenAt, users: snapshot.users.length, groups: snapshot.groups.length, complete: snapshot.complete, warnings: snapshot.warnings };
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
    'stale-days': { kind: 'integer', min: 1, max: 36_500, valueName: 'N', help: 'users not modified for N days are stale (default 180)' },
  },
  connects: true,
  run: (ctx) =>
    snapshotFor(ctx, async (snapshot) => {
      const result = await runAudit(ctx, snapshot);
      for (const note of result.notes) ctx.out.warn(note);
      ctx.out.result(result, () => humanAudit(result));
      return 0;
    }),
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
    const [a, b] = await Promise.all([loadSnapshot(ctx.operands[0] ?? ''), loadSnapshot(ctx.operands[1] ?? '')]);
    const diff = diffSnapshots(a, b);
    ctx.out.result(diff, () => `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed\n`);
    return 0;
  },
};

// The core functions behind shared/channels/audit.ts, one per channel (plain Node, no electron).
// The snapshot and the full audit stay here by auditId (the last few only); the renderer gets the
// counts, findings grouped by code and chart data. CSV exports are streamed by the CSV core
// (formula guard, RFC 4180) to the path the host chooses (ctx.choosePath: save dialog / export
// folder, see export-target.ts); a host without it gets the file through saveFile's string.

import { randomUUID } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InspectorError } from '../../../../shared/errors';
import type { AuditResult, FindingCode, Snapshot, SnapshotDiff } from '../../../../shared/audit';
import { SNAPSHOT_NAME, type AUDIT_CHANNELS, type AuditView, type SnapshotFile } from '../../../../shared/channels/audit';
import { auditSnapshot, type AuditOptions } from '../../audit/audit';
import { diffSnapshotFiles } from '../../audit/diff-stream';
import { exportDiff } from '../../audit/diff-export';
import { lastModifiedBuckets } from '../../audit/age-buckets';
import { auditReportHtml, REPORT_FINDINGS_LIMIT } from '../../audit/report-html';
import { ReportFindings } from '../../audit/report-findings';
import { exportCsv } from '../../audit/exports';
import { loadSnapshot, readSnapshot, saveSnapshot, takeSnapshot } from '../../audit/snapshot';
import { readSnapshotHead } from '../../audit/snapshot-head';
import { describeIdpTable, readIdpTable } from '../../audit/idp-file';
import { ensurePrivateDir, writePrivateFile } from '../../io/private-files';
import { onChange } from '../changes';
import { exportTarget } from '../export-target';
import type { AppContext } from '../context';
import type { FunctionsFor } from '../functions';
import { belongsTo, tenantKey, tenantName, tenantOf, type Tenant } from '../tenant';
import { liveWrites, recordWrite, withWrites, type LiveWrites } from './audit-writes';
import { findingsPage, groupFindings } from './audit-findings';

interface StoredAudit {
  /** The snapshot as taken: what Save snapshot writes. */
  taken: Snapshot;
  /** The snapshot with this session's verified writes laid over it: what findings and exports use. */
  snapshot: Snapshot;
  result: AuditResult;
  source: AuditView['source'];
  options: AuditOptions;
  /** Verified writes since the snapshot (live audits only). */
  writes: LiveWrites | null;
}

interface State {
  audits: Map<string, StoredAudit>;
}

const states = new WeakMap<AppContext, State>();
/** A 100k-user snapshot is hundreds of MB in memory: keep only the latest audits. */
const MAX_AUDITS = 2;
const IDP_SOURCE = 'the IdP export';
/** Entries of each diff list the page gets (the CSV export has all). */
const DIFF_SAMPLE = 100;

function state(ctx: AppContext): State {
  let s = states.get(ctx);
  if (!s) {
    const audits = new Map<string, StoredAudit>();
    s = { audits };
    states.set(ctx, s);
    onChange(ctx, (change) => {
      for (const audit of audits.values()) if (audit.writes) recordWrite(audit.writes, change);
    });
  }
  return s;
}

const snapshotsDir = (ctx: AppContext): string => join(ctx.dataDir, 'snapshots');

function snapshotPath(ctx: AppContext, name: string): string {
  if (!SNAPSHOT_NAME.test(name) || basename(name) !== name) throw new InspectorError('invalid-input', `"${name}" is not a snapshot name.`);
  return join(snapshotsDir(ctx), name);
}

function stored(ctx: AppContext, auditId: string): StoredAudit {
  const audit = state(ctx).audits.get(auditId);
  if (!audit) throw new InspectorError('invalid-input', 'This audit is no longer held (a newer audit replaced it or the app restarted); run the audit again.', { auditId });
  return audit;
}

function viewOf(auditId: string, audit: StoredAudit): AuditView {
  const { result, snapshot } = audit;
  return {
    auditId,
    source: audit.source,
    takenAt: result.takenAt,
    baseUrl: result.baseUrl,
    complete: result.complete,
    counts: result.counts,
    notes: result.notes,
    warnings: snapshot.warnings,
    groups: groupFindings(result),
    lastModified: lastModifiedBuckets(snapshot),
    writesSince: audit.writes?.changes.size ?? 0,
    ...(result.idp ? { idp: result.idp } : {}),
  };
}

async function snapshotFile(ctx: AppContext, tenant: Tenant, path: string): Promise<SnapshotFile> {
  const [info, head] = await Promise.all([stat(path), readSnapshotHead(path)]);
  const current = head.baseUrl !== null && belongsTo(tenant, head.baseUrl);
  const baseUrl = head.baseUrl === null ? 'unknown tenant' : tenantKey(head.baseUrl);
  const name = current ? tenant.name : (head.tenantName ?? (head.baseUrl === null ? baseUrl : tenantName(ctx, head.baseUrl)));
  return { name: basename(path), bytes: info.size, modifiedAt: info.mtime.toISOString(), takenAt: head.takenAt, label: head.label, tenant: { baseUrl, name, current } };
}

/** The profile's name for the tenant an audit looked at (saved into a snapshot's head). */
async function auditTenantName(ctx: AppContext, audit: StoredAudit): Promise<string> {
  if (audit.source.kind === 'live') return (await tenantOf(ctx, audit.source.profileId)).name;
  return audit.taken.tenantName ?? tenantName(ctx, audit.taken.baseUrl);
}

/** The HTML report of a held audit; the tenant and profile named as the admin knows them. */
async function reportOf(ctx: AppContext, audit: StoredAudit, limit: number): Promise<{ text: string; rows: number }> {
  const collected = new ReportFindings(limit);
  for (const f of audit.result.findings) collected.add(f);
  const { codes, findings } = collected.result();
  const { result } = audit;
  const text = auditReportHtml(
    {
      tenant: await auditTenantName(ctx, audit),
      profile: audit.source.kind === 'live' ? (await tenantOf(ctx, audit.source.profileId)).name : null,
      baseUrl: result.baseUrl,
      takenAt: result.takenAt,
      generatedAt: new Date(),
      complete: result.complete,
      counts: result.counts,
      notes: [...result.notes, ...audit.snapshot.warnings],
      codes,
      lastModified: lastModifiedBuckets(audit.snapshot),
      findings,
      totalFindings: collected.total,
      limit,
      ...(result.idp ? { idp: result.idp } : {}),
    },
    ctx.redaction.secrets,
  );
  return { text, rows: findings.length };
}

/**
 * The users named by one finding code of an audit this app holds, for "Deactivate these N users".
 * Only from an audit of the profile's own tenant: ids mean nothing on another tenant.
 */
export async function findingUserIds(ctx: AppContext, profileId: string, auditId: string, code: FindingCode): Promise<string[]> {
  const audit = stored(ctx, auditId);
  const tenant = await tenantOf(ctx, profileId);
  if (!belongsTo(tenant, audit.snapshot.baseUrl)) {
    throw new InspectorError('refused-unverifiable', `This audit is of ${tenantName(ctx, audit.snapshot.baseUrl)} (${tenantKey(audit.snapshot.baseUrl)}), not of ${tenant.name}; its users cannot be deactivated from this profile. Nothing was planned.`);
  }
  const ids = new Set<string>();
  for (const f of audit.result.findings) if (f.code === code && f.resourceType === 'User') ids.add(f.id);
  if (ids.size === 0) throw new InspectorError('invalid-input', `The audit has no user finding "${code}" (any more); run the audit again.`, { code });
  return [...ids];
}

export const auditFunctions: FunctionsFor<typeof AUDIT_CHANNELS> = {
  'audit.run': async (ctx, { profileId, operationId, snapshot: name, staleDays, idpCsv, idpKey, idpMatch }) => {
    // Parsed before the snapshot is taken: a malformed export fails at once, with its line.
    const comparison = idpCsv !== undefined && idpKey !== undefined ? { table: readIdpTable(idpCsv, IDP_SOURCE, idpKey), keyColumn: idpKey, source: IDP_SOURCE, ...(idpMatch ? { match: idpMatch } : {}) } : undefined;
    const snapshot = await ctx.sessions.operation(operationId, async (signal) => {
      if (name !== undefined) return loadSnapshot(snapshotPath(ctx, name));
      const { client } = await ctx.sessions.session(profileId);
      return takeSnapshot(client, {
        signal,
        onProgress: (p) => ctx.emit('progress', { operationId, label: `Snapshot: ${p.phase}`, done: p.progress?.resourcesDone ?? 0, total: p.progress?.reportedTotal ?? null }),
      });
    });
    const options: AuditOptions = { ...(staleDays !== undefined ? { staleDays } : {}), ...(comparison ? { idp: comparison } : {}) };
    const { audits } = state(ctx);
    const auditId = randomUUID();
    const live = name === undefined;
    const audit: StoredAudit = {
      taken: snapshot,
      snapshot,
      result: auditSnapshot(snapshot, options),
      source: live ? { kind: 'live', profileId } : { kind: 'snapshot', name },
      options,
      writes: live ? liveWrites(profileId) : null,
    };
    audits.set(auditId, audit);
    for (const old of audits.keys()) if (audits.size > MAX_AUDITS) audits.delete(old);
    return viewOf(auditId, audit);
  },
  'audit.idpColumns': async (_ctx, { idpCsv }) => describeIdpTable(readIdpTable(idpCsv, IDP_SOURCE)),
  'audit.view': async (ctx, { auditId }) => {
    const audit = stored(ctx, auditId);
    if (audit.writes && audit.writes.pending > 0) {
      // Recomputed once per view, not per write: a bulk run of thousands of writes is one audit.
      audit.writes.pending = 0;
      audit.snapshot = withWrites(audit.taken, audit.writes);
      audit.result = auditSnapshot(audit.snapshot, audit.options);
    }
    return viewOf(auditId, audit);
  },
  'audit.findings': async (ctx, { auditId, code, offset, limit }) => findingsPage(stored(ctx, auditId).result, code, offset, limit),
  'audit.cancel': async (ctx, { operationId }) => {
    return { cancelled: ctx.sessions.cancelOperation(operationId) };
  },
  'audit.export': async (ctx, { auditId, kind, bom }) => {
    const audit = stored(ctx, auditId);
    const stamp = audit.result.takenAt.replace(/[:.]/g, '-');
    const request = { suggestedName: `scim-${kind}-${stamp}.csv`, extensions: ['csv'], description: 'CSV' };
    const source = { snapshot: audit.snapshot, audit: audit.result };
    // Streamed straight to the file the host chose: the CSV is never one string in memory.
    const target = await exportTarget(ctx, request);
    if (!target) return { saved: false, path: null, rows: 0 };
    try {
      const { rows } = await exportCsv(source, { kind, file: target.path, bom, redactor: ctx.redaction.secrets });
      return await target.done(rows);
    } catch (error) {
      await target.discard();
      throw error;
    }
  },
  'audit.report': async (ctx, { auditId, limit }) => {
    const audit = stored(ctx, auditId);
    const html = await reportOf(ctx, audit, limit ?? REPORT_FINDINGS_LIMIT);
    const stamp = audit.result.takenAt.replace(/[:.]/g, '-');
    const target = await exportTarget(ctx, { suggestedName: `scim-audit-report-${stamp}.html`, extensions: ['html'], description: 'HTML report' });
    if (!target) return { saved: false, path: null, rows: 0, total: audit.result.findings.length };
    try {
      await writePrivateFile(target.path, html.text);
      return { ...(await target.done(html.rows)), total: audit.result.findings.length };
    } catch (error) {
      await target.discard();
      throw error;
    }
  },
  'audit.saveSnapshot': async (ctx, { profileId, auditId, label }) => {
    const audit = stored(ctx, auditId);
    await ensurePrivateDir(snapshotsDir(ctx), ctx.dataDir);
    const text = label?.trim() || 'snapshot';
    const safe = text.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'snapshot';
    const path = snapshotPath(ctx, `${safe}-${audit.taken.takenAt.replace(/[:.]/g, '-')}.json.gz`);
    // The label and the tenant's name travel in the snapshot's head, so the file says what it is.
    await saveSnapshot(path, { ...audit.taken, label: text.slice(0, 200), tenantName: await auditTenantName(ctx, audit) }, ctx.redaction.secrets);
    return snapshotFile(ctx, await tenantOf(ctx, profileId), path);
  },
  'audit.snapshots': async (ctx, { profileId, all }) => {
    let names: string[];
    try {
      names = (await readdir(snapshotsDir(ctx))).filter((n) => SNAPSHOT_NAME.test(n));
    } catch {
      return { snapshots: [], otherTenants: 0 }; // no snapshots/ yet
    }
    const tenant = await tenantOf(ctx, profileId);
    const files = await Promise.all(names.map((n) => snapshotFile(ctx, tenant, join(snapshotsDir(ctx), n))));
    const others = files.filter((f) => !f.tenant.current).length;
    const shown = all ? files : files.filter((f) => f.tenant.current);
    return { snapshots: shown.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt)), otherTenants: all ? 0 : others };
  },
  'audit.diff': async (ctx, { a, b }) => {
    // Both files are read line by line; only the sample the page shows is kept.
    const n = DIFF_SAMPLE;
    const sample: SnapshotDiff = { added: [], removed: [], changed: [] };
    const { counts } = await diffSnapshotFiles(snapshotPath(ctx, a), snapshotPath(ctx, b), {
      added: (e) => void (sample.added.length < n && sample.added.push(e)),
      removed: (e) => void (sample.removed.length < n && sample.removed.push(e)),
      changed: (e) => void (sample.changed.length < n && sample.changed.push(e)),
    });
    return { ...counts, sample };
  },
  'audit.exportDiff': async (ctx, { a, b, bom }) => {
    const newer = snapshotPath(ctx, b);
    const takenAt = (await readSnapshotHead(newer)).takenAt ?? (await readSnapshot(newer)).takenAt;
    const stamp = takenAt.replace(/[:.]/g, '-');
    const target = await exportTarget(ctx, { suggestedName: `scim-diff-${stamp}.csv`, extensions: ['csv'], description: 'CSV' });
    if (!target) return { saved: false, path: null, rows: 0 };
    try {
      const { rows } = await exportDiff(snapshotPath(ctx, a), newer, { file: target.path, bom, redactor: ctx.redaction.secrets });
      return await target.done(rows);
    } catch (error) {
      await target.discard();
      throw error;
    }
  },
};

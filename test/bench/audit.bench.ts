// Benchmark (not a test): audit + CSV export of the 100,000 users of a snapshot with 1,000
// groups, against JSON.stringify of the same snapshot, timed in the same run. Target (issue 10):
// audit + users export ≤ 3x the stringify time. The findings export (one row per finding,
// ~180k here) is timed too and printed for information. Median of REPS runs each. Both wall time
// and this process's CPU time are taken: on a shared machine the CPU figure is the steadier one
// (the work is single-threaded), and the ratio is given for both.
// Run: npm run bench (or npx tsx test/bench/run.ts audit)

import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildTenant } from '../../electron/core/sandbox/seed';
import { VENDORS } from '../../electron/core/sandbox/vendors';
import { auditSnapshot } from '../../electron/core/audit/audit';
import { exportCsv } from '../../electron/core/audit/exports';
import { SNAPSHOT_FORMAT, type Snapshot } from '../../shared/audit';
import type { ScimGroup, ScimUser } from '../../shared/scim';

const USERS = Number(process.env.BENCH_AUDIT_USERS ?? 100_000);
const GROUPS = 1_000;
const REPS = 3;

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function run(): Promise<{ auditExportMs: number; stringifyMs: number; ratio: number; cpuRatio: number; findingsExportMs: number }> {
  const tenant = buildTenant(VENDORS.rfc, { users: USERS, groups: GROUPS, seed: 20260101 });
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    version: 1,
    takenAt: new Date().toISOString(),
    baseUrl: 'http://127.0.0.1/scim/v2',
    complete: true,
    warnings: [],
    discovery: null,
    users: tenant.users as ScimUser[],
    groups: tenant.groups as ScimGroup[],
  };
  const dir = await mkdtemp(join(tmpdir(), 'audit-bench-'));
  const stringify: number[] = [];
  const auditExport: number[] = [];
  const stringifyCpu: number[] = [];
  const auditExportCpu: number[] = [];
  const findingsExport: number[] = [];
  let findings = 0;
  try {
    for (let i = 0; i < REPS; i += 1) {
      let t = performance.now();
      let c = cpuMs();
      const text = JSON.stringify(snapshot);
      stringify.push(performance.now() - t);
      stringifyCpu.push(cpuMs() - c);
      if (text.length === 0) throw new Error('empty');

      t = performance.now();
      c = cpuMs();
      const audit = auditSnapshot(snapshot);
      await exportCsv({ snapshot }, { kind: 'users', file: join(dir, 'users.csv') });
      auditExport.push(performance.now() - t);
      auditExportCpu.push(cpuMs() - c);
      t = performance.now();
      await exportCsv({ audit }, { kind: 'findings', file: join(dir, 'findings.csv') });
      findingsExport.push(performance.now() - t);
      findings = audit.findings.length;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const auditExportMs = median(auditExport);
  const stringifyMs = median(stringify);
  const ratio = auditExportMs / stringifyMs;
  console.log(`audit bench: ${USERS} users / ${GROUPS} groups, ${findings} findings, median of ${REPS}`);
  const findingsExportMs = median(findingsExport);
  const cpuRatio = median(auditExportCpu) / median(stringifyCpu);
  console.log(`  audit + users CSV export:        ${auditExportMs.toFixed(0)} ms wall, ${median(auditExportCpu).toFixed(0)} ms CPU`);
  console.log(`  JSON.stringify of the snapshot: ${stringifyMs.toFixed(0)} ms wall, ${median(stringifyCpu).toFixed(0)} ms CPU`);
  console.log(`  ratio ${ratio.toFixed(2)}x wall, ${cpuRatio.toFixed(2)}x CPU (target <= 3x) ${Math.min(ratio, cpuRatio) <= 3 ? 'OK' : 'OVER TARGET'}`);
  console.log(`  (findings CSV export, ${findings} rows: ${findingsExportMs.toFixed(0)} ms more; load average ${loadavg()[0]?.toFixed(1)})`);
  return { auditExportMs, stringifyMs, ratio, cpuRatio, findingsExportMs };
}

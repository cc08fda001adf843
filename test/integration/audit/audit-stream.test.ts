// Streamed snapshot and audit (issue 15) against the sandbox's planted data: the snapshot written
// page by page holds what takeSnapshot holds, and the streamed audit — in the core and through the
// CLI's `snapshot`, `audit --json` and `export findings` — finds exactly what the in-memory audit
// finds, with the same counts.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { loadSnapshot, readSnapshot, takeSnapshot, writeSnapshot } from '../../../electron/core/audit/snapshot';
import { Auditor, auditSnapshot } from '../../../electron/core/audit/audit';
import { parseCsvText } from '../../../electron/core/csv/read';
import type { Finding, Snapshot } from '../../../shared/audit';
import { runCli } from '../cli/spawn-cli';

let sandbox: SandboxHandle;
let client: ScimClient;
let snapshot: Snapshot;
let dir: string;
const sorted = (findings: Finding[]): string[] => findings.map((f) => JSON.stringify(f)).sort();

beforeAll(async () => {
  sandbox = await startSandbox({ vendor: 'rfc', users: 1500, seed: 42 });
  client = createScimClient({ baseUrl: sandbox.url, token: () => sandbox.token });
  snapshot = await takeSnapshot(client);
  dir = await mkdtemp(join(tmpdir(), 'audit-stream-'));
});
afterAll(async () => {
  await client?.close();
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('streamed snapshot and audit', () => {
  it('writeSnapshot lists straight into the file: same users, groups, verdict and warnings as takeSnapshot', async () => {
    const file = join(dir, 'live.json.gz');
    const summary = await writeSnapshot(client, file);
    expect(summary).toMatchObject({ users: snapshot.users.length, groups: snapshot.groups.length, complete: true });
    const loaded = await loadSnapshot(file);
    expect(loaded.users).toEqual(snapshot.users);
    expect(loaded.groups).toEqual(snapshot.groups);
    expect({ complete: loaded.complete, warnings: loaded.warnings, baseUrl: loaded.baseUrl }).toEqual({ complete: snapshot.complete, warnings: snapshot.warnings, baseUrl: snapshot.baseUrl });
  });

  it('the Auditor fed from the file finds what auditSnapshot finds, IdP comparison included', async () => {
    const file = join(dir, 'audit.json');
    await writeSnapshot(client, file);
    const idpCsv = ['mail,department', ...snapshot.users.slice(0, 700).map((u, i) => `${String(u.userName)},${i % 5 === 0 ? 'Elsewhere' : ''}`), 'nobody@example.test,Ops'].join('\n');
    const idp = { table: parseCsvText(idpCsv, { column: 'mail' }), keyColumn: 'mail' };
    const whole = auditSnapshot(await loadSnapshot(file), { idp });
    const found: Finding[] = [];
    let auditor: Auditor | null = null;
    const summary = await readSnapshot(file, {
      head: (fields) => void (auditor = new Auditor(fields, { idp }, (f) => found.push(f))),
      user: (u) => auditor?.user(u),
      group: (g) => auditor?.group(g),
    });
    const result = (auditor as Auditor | null)?.finish(summary.complete);
    expect(result?.counts).toEqual(whole.counts);
    expect(whole.counts.notInIdp).toBeGreaterThan(0);
    expect(whole.counts.duplicateUserNameSets).toBeGreaterThan(0);
    expect(whole.counts.danglingMembers).toBeGreaterThan(0);
    expect(sorted(found)).toEqual(sorted(whole.findings));
  });

  // Four CLI processes, each allowed 60 s: the test's own safety net must cover them all, or a
  // loaded machine fails it on the suite's 30 s default while every CLI call is still on time.
  it('CLI: snapshot --out, audit --json and export findings stream the same audit', { timeout: 300_000 }, async () => {
    const env = { SANDBOX_TOKEN: sandbox.token };
    const conn = ['--url', sandbox.url, '--token-env', 'SANDBOX_TOKEN'];
    const file = join(dir, 'cli.json.gz');
    const snap = await runCli(['snapshot', '--out', file, ...conn, '--json'], { env, timeoutMs: 60_000 });
    expect(snap.code, snap.stderr).toBe(0);
    expect(JSON.parse(snap.stdout)).toMatchObject({ file, users: 1500, groups: snapshot.groups.length, complete: true });
    const whole = auditSnapshot(await loadSnapshot(file));

    const audit = await runCli(['audit', '--snapshot', file, '--json'], { timeoutMs: 60_000 });
    expect(audit.code, audit.stderr).toBe(0);
    const doc = JSON.parse(audit.stdout) as { findings: Finding[]; counts: unknown; complete: boolean; notes: string[]; takenAt: string };
    expect(Object.keys(doc)).toEqual(['takenAt', 'baseUrl', 'findings', 'complete', 'counts', 'notes']);
    expect(doc.counts).toEqual(whole.counts);
    expect(doc.complete).toBe(true);
    expect(sorted(doc.findings)).toEqual(sorted(whole.findings));

    const live = await runCli(['audit', ...conn, '--ndjson'], { env, timeoutMs: 60_000 });
    expect(live.code, live.stderr).toBe(0);
    const lines = live.stdout.trim().split('\n').map((l) => JSON.parse(l) as Finding);
    expect(sorted(lines)).toEqual(sorted(whole.findings));
    const summary = live.stderr.split('\n').find((l) => l.startsWith('{"summary"'));
    expect((JSON.parse(summary ?? '{}') as { summary: { counts: unknown } }).summary.counts).toEqual(whole.counts);

    const csv = join(dir, 'findings.csv');
    const exported = await runCli(['export', 'findings', '--snapshot', file, '--out', csv, '--json'], { timeoutMs: 60_000 });
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual({ rows: whole.findings.length, file: csv });
    const rows = parse(await readFile(csv, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(whole.findings.length);
  });
});

// The deactivation journal under real crashes and real concurrency: the CLI in its own process
// group, frozen at an exact journal append (test/support/journal-fault.ts) and SIGKILLed as a
// group, against the sandbox tenant on 127.0.0.1. Torn tails must not block resume or undo; two
// processes must never work one journal at once; a dead holder's lock is taken over.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { readJournal } from '../../../electron/core/journal/journal';
import { foldRuns, isDeactivationRecord } from '../../../electron/core/deactivate/records';
import { runCli, stderrError } from '../cli/spawn-cli';
import { spawnCliGroup, type GroupRun } from '../../support/process-group';
import { tenantRows, versionAfter, writes, type UserRow } from './support';

let dir: string;
let sandbox: SandboxHandle;
const running: GroupRun[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-journal-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.killGroup()));
  await sandbox?.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function setUp(name: string, targetCount: number): Promise<{ before: Map<string, UserRow>; targets: string[]; journal: string; args: (cmd: string[], csvFile?: string) => string[]; env: Record<string, string> }> {
  sandbox = await startSandbox({ vendor: 'rfc', users: 60, seed: 5 });
  const before = await tenantRows(sandbox);
  const targets = [...before.values()].filter((u) => u.active).slice(0, targetCount).map((u) => u.id);
  const csv = join(dir, `${name}.csv`);
  await writeFile(csv, `id\n${targets.join('\n')}\n`);
  const journal = join(dir, `${name}.jsonl`);
  const conn = ['--url', sandbox.url, '--token-env', 'SANDBOX_TOKEN', '--json'];
  const args = (cmd: string[], csvFile = csv): string[] => (cmd[0] === 'deactivate' ? [...cmd, '--from-csv', csvFile, '--column', 'id', '--match', 'id', '--yes', '--journal', journal, ...conn] : [...cmd, '--journal', journal, '--yes', ...conn]);
  return { before, targets, journal, args, env: { SANDBOX_TOKEN: sandbox.token } };
}

function group(args: string[], env: Record<string, string>, fault?: string): GroupRun {
  const run = spawnCliGroup(args, { env, ...(fault ? { fault } : {}) });
  running.push(run);
  return run;
}

/** Every target has moved by exactly `writes` writes and ended `active`; nobody else was touched. */
async function expectTenant(before: Map<string, UserRow>, targets: string[], expected: { writes: number; active: boolean }): Promise<void> {
  const after = await tenantRows(sandbox);
  const set = new Set(targets);
  for (const [id, row] of before) {
    const now = after.get(id);
    if (set.has(id)) expect({ id, active: now?.active, version: now?.version }).toEqual({ id, active: expected.active, version: versionAfter(row.version, expected.writes) });
    else expect(now, `${id} was not a target`).toEqual(row);
  }
}

describe('deactivation journal: torn tails, locks and crashes (real CLI processes)', { timeout: 120_000 }, () => {
  it('cuts off a torn tail before appending, so resume and then reactivate both work and restore the tenant', async () => {
    const { before, targets, journal, args, env } = await setUp('torn', 20);
    const run = group(args(['deactivate']), env, '9:torn:37');
    await run.frozen;
    await run.killGroup();
    const torn = await readFile(journal, 'utf8');
    expect(torn.endsWith('\n'), 'the kill left a torn last line').toBe(false);

    const resumed = await runCli(args(['resume']), { env, timeoutMs: 60_000 });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/torn line/);
    await expectTenant(before, targets, { writes: 1, active: false });

    const undone = await runCli(args(['reactivate']), { env, timeoutMs: 60_000 });
    expect(undone.code, undone.stderr).toBe(0);
    await expectTenant(before, targets, { writes: 2, active: true });

    // Every complete record of the killed run is still there, and the file reads whole.
    const { records, tornTail } = await readJournal(journal, isDeactivationRecord);
    expect(tornTail).toBe(false);
    expect(records.slice(0, 8).map((r) => JSON.stringify(r))).toEqual(torn.split('\n').slice(0, 8).map((l) => JSON.stringify(JSON.parse(l))));
  });

  it('refuses a second process (exit 4, naming the holder) while the first holds the journal, and takes over after the holder is killed', async () => {
    const { before, targets, args, env } = await setUp('lock', 20);
    const holder = group(args(['deactivate']), env, '12:before');
    await holder.frozen;
    const writesBefore = writes(sandbox);

    const second = await runCli(args(['resume']), { env, timeoutMs: 60_000 });
    expect(second.code, second.stderr).toBe(4);
    const error = stderrError(second);
    expect(error.code).toBe('refused-in-use');
    expect(error.message).toContain(`process ${holder.pid}`);
    expect(writes(sandbox), 'the refused process wrote nothing').toBe(writesBefore);

    await holder.killGroup(); // its lock file stays behind, held by a pid that no longer runs
    const taken = await runCli(args(['resume']), { env, timeoutMs: 60_000 });
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).toContain(`locked by process ${holder.pid}`);
    await expectTenant(before, targets, { writes: 1, active: false });
  });

  it('lets only one of two resumes started together work the journal; no user is written twice', async () => {
    const { before, targets, journal, args, env } = await setUp('twins', 24);
    const first = group(args(['deactivate']), env, '6:before');
    await first.frozen;
    await first.killGroup();
    sandbox.setFaults({ latencyMs: 150 }); // long enough that the two resumes overlap
    const a = group(args(['resume']), env);
    const b = group(args(['resume']), env);
    const [ra, rb] = await Promise.all([a.exited, b.exited]);
    const codes = [ra.code, rb.code].sort();
    expect(codes[0], `${ra.stderr}\n${rb.stderr}`).toBe(0);
    if (codes[1] === 4) {
      const [loser, winner] = ra.code === 4 ? [ra, b] : [rb, a];
      expect(loser.stderr).toContain(`process ${winner.pid}`);
    } else {
      expect(codes[1]).toBe(0); // they did not overlap after all: the second found nothing to do
    }
    sandbox.setFaults({});
    await expectTenant(before, targets, { writes: 1, active: false });
    const [run] = foldRuns((await readJournal(journal, isDeactivationRecord)).records);
    for (const id of targets) expect(run?.outcomes.get(id)?.status).toBe('done');
  });

  it('creates no journal when there is nothing to deactivate', async () => {
    const { args, env, journal } = await setUp('empty', 0);
    const inactive = [...(await tenantRows(sandbox)).values()].find((u) => !u.active);
    expect(inactive).toBeDefined();
    const csv = join(dir, 'inactive.csv');
    await writeFile(csv, `id\n${inactive?.id ?? ''}\n`);
    const r = await runCli(args(['deactivate'], csv), { env, timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { done: unknown[]; skipped: { id: string }[]; journal: string | null };
    expect(doc.skipped.map((s) => s.id)).toEqual([inactive?.id]);
    expect(doc.journal).toBeNull();
    expect(existsSync(journal)).toBe(false);
  });
});

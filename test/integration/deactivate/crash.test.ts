// Crash safety: the real CLI deactivating a list of users is killed (`kill -KILL -- -PGID`, the
// whole process group) at 20 random points of its journal — before a record, after it, or in the
// middle of writing it (a torn tail) — and sometimes its resume and its undo are killed as well.
// After `resume`, exactly the planned users are inactive and each was written once; after
// `reactivate`, the tenant is back where it started and each was written exactly twice.
// The kill points come from a seeded generator; the seed is printed so a failure can be replayed
// with CRASH_SEED=<seed>.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { makeRng } from '../../../electron/core/sandbox/seed';
import { readJournal } from '../../../electron/core/journal/journal';
import { foldRuns, isDeactivationRecord } from '../../../electron/core/deactivate/records';
import { runCli } from '../cli/spawn-cli';
import { spawnCliGroup } from '../../support/process-group';
import { tenantRows, versionAfter, type UserRow } from './support';

const TRIALS = 20;
const TARGETS = 150;
/** Records a deactivation writes: the run, an intent and an outcome per user, the end. */
const RECORDS = 2 + 2 * TARGETS;
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

type Mode = 'before' | 'after' | 'torn';
interface KillPoint { record: number; mode: Mode; bytes: number }

function killPoint(random: () => number, mode: Mode, records: number): KillPoint {
  return { record: 1 + Math.floor(random() * records), mode, bytes: 1 + Math.floor(random() * 150) };
}

const spec = (p: KillPoint): string => `${p.record}:${p.mode}${p.mode === 'torn' ? `:${p.bytes}` : ''}`;

let dir: string;
let sandbox: SandboxHandle;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crash-'));
  sandbox = await startSandbox({ vendor: 'rfc', users: 2 * TARGETS, seed: 11 });
});
afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Runs a CLI command frozen at `point` and kills its process group there; a command that ends
 * before reaching the point just ends. Returns whether it was killed.
 */
async function runKilledAt(args: string[], env: Record<string, string>, point: KillPoint): Promise<boolean> {
  const run = spawnCliGroup(args, { env, fault: spec(point) });
  // `frozen` rejects when the CLI exits first (it is settled before `exited` in the same tick),
  // which is the "ended before the point" case: a resume with fewer appends left than the point.
  const reached = await run.frozen.then(
    () => true,
    () => false,
  );
  await run.killGroup();
  return reached;
}

function expectTenant(before: Map<string, UserRow>, after: Map<string, UserRow>, targets: Set<string>, writes: number, label: string): void {
  for (const [id, row] of before) {
    const now = after.get(id);
    if (targets.has(id)) {
      expect(now?.active, `${label}: target ${id} active`).toBe(writes % 2 === 0 ? row.active : !row.active);
      expect(now?.version, `${label}: ${id} must be written exactly ${writes} time(s)`).toBe(versionAfter(row.version, writes));
    } else {
      expect(now, `${label}: ${id} was not in the plan`).toEqual(row);
    }
  }
}

describe('deactivation survives SIGKILL of its process group at random points', () => {
  it(`${TRIALS} killed runs each resume to exactly the plan and undo back to the start, no user written twice`, { timeout: 1_200_000 }, async () => {
    console.info(`crash test seed ${SEED} (replay with CRASH_SEED=${SEED})`);
    const random = makeRng(SEED);
    const modes: Mode[] = ['torn', 'before', 'after'];
    let killedMidRun = 0;
    let torn = 0;
    for (let trial = 0; trial < TRIALS; trial += 1) {
      sandbox.reset();
      const before = await tenantRows(sandbox);
      const targets = [...before.values()].filter((u) => u.active).slice(0, TARGETS).map((u) => u.id);
      expect(targets).toHaveLength(TARGETS);
      const targetSet = new Set(targets);
      const csv = join(dir, `leavers-${trial}.csv`);
      await writeFile(csv, `id\n${targets.join('\n')}\n`);
      const journal = join(dir, `run-${trial}.jsonl`);
      const env = { SANDBOX_TOKEN: sandbox.token };
      const conn = ['--url', sandbox.url, '--token-env', 'SANDBOX_TOKEN', '--json'];
      const onJournal = ['--journal', journal, '--yes', ...conn];
      const point = killPoint(random, modes[trial % modes.length] ?? 'torn', RECORDS);
      // Every fourth trial also kills the resume, every fifth the undo, at a point of their own.
      const resumeKill = trial % 4 === 3 ? killPoint(random, 'torn', 40) : null;
      const undoKill = trial % 5 === 4 ? killPoint(random, 'before', 40) : null;
      const label = `seed ${SEED} trial ${trial} deactivate killed at ${spec(point)}${resumeKill ? `, resume at ${spec(resumeKill)}` : ''}${undoKill ? `, undo at ${spec(undoKill)}` : ''}`;

      const killed = await runKilledAt(['deactivate', '--from-csv', csv, '--column', 'id', '--match', 'id', ...onJournal], env, point);
      expect(killed, `${label}: the kill point is inside the run`).toBe(true);
      killedMidRun += 1;
      if (point.mode === 'torn') torn += 1;

      if (point.record === 1 && point.mode !== 'after') {
        // Killed before the run record was complete: nothing was sent, and the journal says so.
        const resumed = await runCli(['resume', ...onJournal], { env, timeoutMs: 120_000 });
        expect(resumed.code, `${label}: ${resumed.stderr}`).toBe(2);
        expect(resumed.stderr, label).toMatch(/holds no deactivation run/);
        expectTenant(before, await tenantRows(sandbox), targetSet, 0, label);
        continue;
      }

      if (resumeKill) await runKilledAt(['resume', ...onJournal], env, resumeKill);
      const resumed = await runCli(['resume', ...onJournal], { env, timeoutMs: 120_000 });
      expect(resumed.code, `${label}: ${resumed.stderr}`).toBe(0);
      expectTenant(before, await tenantRows(sandbox), targetSet, 1, `${label}, after resume`);
      const [run] = foldRuns((await readJournal(journal, isDeactivationRecord)).records);
      for (const id of targets) expect(run?.outcomes.get(id)?.status, `${label}: ${id} done`).toBe('done');

      if (undoKill) await runKilledAt(['reactivate', ...onJournal], env, undoKill);
      const undone = await runCli(['reactivate', ...onJournal], { env, timeoutMs: 120_000 });
      expect(undone.code, `${label}: ${undone.stderr}`).toBe(0);
      expectTenant(before, await tenantRows(sandbox), targetSet, 2, `${label}, after reactivate`);
      const { tornTail } = await readJournal(journal, isDeactivationRecord);
      expect(tornTail, label).toBe(false);
    }
    // The kills must have landed mid-run, torn tails included, or the test proves nothing.
    expect(killedMidRun).toBe(TRIALS);
    expect(torn).toBeGreaterThanOrEqual(Math.floor(TRIALS / 3));
  });
});

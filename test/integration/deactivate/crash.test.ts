// Crash safety: the real CLI deactivating 500 users is SIGKILLed at random points of its write
// phase, 20 times; after `resume`, exactly the intended users are inactive, none was written
// twice (each target's ETag version moved by exactly one), and the journal still reads.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { readJournal } from '../../../electron/core/journal/journal';
import { foldRuns, isDeactivationRecord } from '../../../electron/core/deactivate/records';
import { REPO_ROOT, runCli } from '../cli/spawn-cli';

const TRIALS = 20;
const TARGETS = 500;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crash-'));
});
afterAll(() => undefined);

interface Row { id: string; active: boolean; version: string }

async function tenantState(sandbox: SandboxHandle): Promise<Map<string, Row>> {
  const out = new Map<string, Row>();
  for (let start = 1; ; start += 500) {
    const res = await fetch(`${sandbox.url}/Users?startIndex=${start}&count=500`, { headers: { authorization: `Bearer ${sandbox.token}` } });
    const page = (await res.json()) as { Resources?: { id: string; active: boolean; meta: { version: string } }[] };
    const items = page.Resources ?? [];
    for (const u of items) out.set(u.id, { id: u.id, active: u.active, version: u.meta.version });
    if (items.length < 500) return out;
  }
}

/** Spawns the deactivation and SIGKILLs it once the journal holds `killAfterLines` lines. */
function runAndKill(args: string[], env: Record<string, string>, journal: string, killAfterLines: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/cli/index.ts', ...args], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: 'ignore' });
    let finished = false;
    const poll = setInterval(() => {
      void readFile(journal, 'utf8').then(
        (text) => {
          if (!finished && text.split('\n').length - 1 >= killAfterLines) {
            finished = true;
            child.kill('SIGKILL');
          }
        },
        () => undefined,
      );
    }, 5);
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(guard);
      resolve(signal ?? `exit ${code}`);
    });
  });
}

describe('deactivation survives SIGKILL at random points', () => {
  it(`${TRIALS} killed 500-user runs each resume to exactly the plan, with no user written twice`, async () => {
    const ends: string[] = [];
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const sandbox = await startSandbox({ vendor: 'rfc', users: 700, seed: 11 + trial });
      try {
        const before = await tenantState(sandbox);
        const targets = [...before.values()].filter((u) => u.active).slice(0, TARGETS).map((u) => u.id);
        expect(targets).toHaveLength(TARGETS);
        const csv = join(dir, `leavers-${trial}.csv`);
        await writeFile(csv, `id\n${targets.join('\n')}\n`);
        const journal = join(dir, `run-${trial}.jsonl`);
        const env = { SANDBOX_TOKEN: sandbox.token };
        const conn = ['--url', sandbox.url, '--token-env', 'SANDBOX_TOKEN'];
        // 1 run record + 2 lines per user + end: kill anywhere from before the first write to the end.
        const killAfter = 1 + Math.floor(Math.random() * (2 * TARGETS));
        ends.push(await runAndKill(['deactivate', '--from-csv', csv, '--column', 'id', '--match', 'id', '--yes', '--journal', journal, ...conn, '--json'], env, journal, killAfter));

        const resumed = await runCli(['resume', '--journal', journal, '--yes', ...conn, '--json'], { env, timeoutMs: 120_000 });
        if (resumed.code !== 0) {
          // Killed before the run record was fsync'ed: nothing was written; the journal says so.
          expect(`${resumed.code} ${JSON.stringify((JSON.parse(resumed.stdout || "{}") as { failed?: unknown[] }).failed?.slice(0, 3))} ${resumed.stderr}`, `trial ${trial}`).toMatch(/holds no deactivation run|not a journal|Cannot read the journal/);
          const untouched = await tenantState(sandbox);
          for (const [id, row] of before) expect(untouched.get(id)).toEqual(row);
          continue;
        }
        const after = await tenantState(sandbox);
        const targetSet = new Set(targets);
        for (const [id, row] of before) {
          const now = after.get(id);
          if (targetSet.has(id)) {
            expect(now?.active, `trial ${trial} target ${id}`).toBe(false);
            expect(now?.version, `trial ${trial}: ${id} written more than once`).toBe(row.version.replace(/\d+/, (n) => String(Number(n) + 1)));
          } else {
            expect(now, `trial ${trial}: ${id} was not in the plan`).toEqual(row);
          }
        }
        const { records } = await readJournal(journal, isDeactivationRecord);
        const [run] = foldRuns(records);
        expect(run?.run.targets).toHaveLength(TARGETS);
        for (const id of targets) expect(run?.outcomes.get(id)?.status).toBe('done');
      } finally {
        await sandbox.close();
      }
    }
    // The kills must have landed mid-run at least sometimes, or the test proves nothing.
    expect(ends.filter((e) => e === 'SIGKILL').length).toBeGreaterThan(TRIALS / 2);
  }, 600_000);
});

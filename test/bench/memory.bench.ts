// Benchmark (not a test): peak resident memory of the whole CLI process tree (issue 15) for
// `users list --json`, `users list` (the human table), `snapshot --out`, `audit --snapshot --json`, `groups list --members --json`,
// `export groups|memberships` and `diff --json` (two snapshots, a week of edits apart) at several
// tenant sizes (BENCH_MEMORY_CASES=list,list-human,snapshot,audit,members,export-groups,export-memberships,diff
// picks some), with
// the sandbox serving from a child process of its own (not counted). Prints peak RSS, bytes per
// user, wall time and time per user, and checks each run's output says what it should (count,
// complete, the audit's user count) — a fast run that lost users proves nothing.
//   npm run bench -- memory   100k and 300k users (BENCH_MEMORY_USERS=200000 for another list)
//   npm run bench -- scale    1M users and 10k groups; target < 500 MB each
// Memory is sampled from /proc every 20 ms over the CLI and any children it starts (the sum of
// VmRSS), and each process's own peak (VmHWM) is taken too; the larger is reported. Timings on a
// shared machine are noisy: the load average is printed beside them.

import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from './server-process';
import { ensureCliBundle, REPO_ROOT } from './cli-run';
import { changeTenant, type TenantChanges } from './tenant-changes';
import { parse } from 'csv-parse/sync';

const TARGET_MB_AT_1M = 500;
const TARGET_MB_AT_200K = 300;

interface Sample {
  peakBytes: number;
  wallMs: number;
  code: number | null;
  /** The last 64 KB of stdout, where the streamed documents keep their trailer. */
  tail: string;
  stdoutBytes: number;
}

function statusField(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0; // the process has just exited
  }
}

function descendants(pid: number): number[] {
  const out = [pid];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const kids = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const kid of kids === '' ? [] : kids.split(/\s+/)) out.push(...descendants(Number(kid)));
    }
  } catch {
    // gone meanwhile
  }
  return out;
}

/** Runs the CLI bundle with args; samples the tree's memory until it exits (stdout also to `keep`). */
function measure(args: string[], env: Record<string, string>, keep?: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist-node/cli.mjs'), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    let stdoutBytes = 0;
    let stderr = '';
    const kept = keep === undefined ? null : createWriteStream(keep);
    if (kept) child.stdout.pipe(kept);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdoutBytes += Buffer.byteLength(d);
      tail = (tail + d).slice(-65_536);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4096)));
    let peakSum = 0;
    const hwm = new Map<number, number>();
    const sample = (): void => {
      let sum = 0;
      for (const pid of descendants(child.pid as number)) {
        sum += statusField(pid, 'VmRSS');
        hwm.set(pid, Math.max(hwm.get(pid) ?? 0, statusField(pid, 'VmHWM')));
      }
      peakSum = Math.max(peakSum, sum);
    };
    const timer = setInterval(sample, 20);
    child.once('error', reject);
    child.once('close', (code) => {
      clearInterval(timer);
      const peakBytes = Math.max(peakSum, ...hwm.values());
      if (code !== 0) process.stderr.write(`  (exit ${String(code)}) ${stderr}\n`);
      const wallMs = performance.now() - started;
      const done = (): void => resolve({ peakBytes, wallMs, code, tail, stdoutBytes });
      if (kept && !kept.writableFinished) kept.once('finish', done);
      else done();
    });
  });
}

function trailerNumber(tail: string, key: string): number | null {
  const m = new RegExp(`"${key}":\\s*(\\d+)`).exec(tail.slice(tail.lastIndexOf('"complete"') - 200));
  return m ? Number(m[1]) : null;
}

export interface MemoryFigures {
  users: number;
  groups: number;
  command: string;
  peakMb: number;
  bytesPerUser: number;
  seconds: number;
  microsPerUser: number;
  verified: boolean;
}

interface BenchCase {
  /** For BENCH_MEMORY_CASES=list,snapshot,…: run only these (and the cases they need). */
  key: string;
  command: string;
  args: string[];
  check: (s: Sample) => boolean;
  /** Unmeasured preparation (the diff's second snapshot). */
  before?: () => Promise<void>;
  /** Where stdout is also written, for checks that read all of it. */
  keep?: string;
}

/** What each case reads that an earlier case writes. */
const NEEDS: Record<string, string[]> = {
  audit: ['snapshot'],
  'export-groups': ['snapshot'],
  'export-memberships': ['snapshot', 'export-groups'],
  diff: ['snapshot'],
};

export async function runSizes(sizes: number[]): Promise<MemoryFigures[]> {
  await ensureCliBundle();
  const figures: MemoryFigures[] = [];
  for (const users of sizes) {
    const groups = Math.max(100, Math.round(users / 100));
    process.stdout.write(`memory bench: starting a sandbox of ${users} users and ${groups} groups in its own process…\n`);
    const server = await startServerProcess({ users, groups });
    const dir = mkdtempSync(join(tmpdir(), 'memory-bench-'));
    const conn = ['--url', server.url, '--token-env', 'BENCH_TOKEN'];
    const env = { BENCH_TOKEN: server.token };
    const snap = join(dir, 'tenant.json.gz');
    const snapAfter = join(dir, 'after.json.gz');
    const groupsCsv = join(dir, 'groups.csv');
    const diffOut = join(dir, 'diff.json');
    const membersOut = join(dir, 'members.json');
    const changes: TenantChanges = { changed: Math.round(users / 100), removed: 100, added: 100 };
    const memberTotal = (): number => (parse(readFileSync(groupsCsv, 'utf8'), { columns: true }) as { memberCount: string }[]).reduce((n, r) => n + Number(r.memberCount), 0);
    try {
      const cases: BenchCase[] = [
        { key: 'list', command: 'users list --json', args: ['users', 'list', '--json', ...conn], check: (s) => /"complete": true/.test(s.tail) && trailerNumber(s.tail, 'count') === users },
        // The human table (no --json): the footer says how many and whether complete.
        { key: 'list-human', command: 'users list (table)', args: ['users', 'list', ...conn], check: (s) => new RegExp(`\\n${users} users(, server reports ${users})?; complete\\n$`).test(s.tail) },
        { key: 'snapshot', command: 'snapshot', args: ['snapshot', '--out', snap, '--json', ...conn], check: (s) => /"complete": true/.test(s.tail) && new RegExp(`"users": ${users},`).test(s.tail) },
        { key: 'audit', command: 'audit --snapshot --json', args: ['audit', '--snapshot', snap, '--json'], check: (s) => /"complete": true/.test(s.tail) && new RegExp(`"users": ${users},`).test(s.tail) },
        { key: 'members', command: 'groups list --members --json', args: ['groups', 'list', '--members', '--json', ...conn], keep: membersOut, check: () => {
          const doc = JSON.parse(readFileSync(membersOut, 'utf8')) as { complete: boolean; count: number; Resources: { members?: unknown }[] };
          return doc.complete && doc.count === groups && doc.Resources.length === groups && doc.Resources.every((g) => Array.isArray(g.members));
        } },
        { key: 'export-groups', command: 'export groups', args: ['export', 'groups', '--snapshot', snap, '--out', groupsCsv, '--json'], check: (s) => new RegExp(`"rows": ${groups},`).test(s.tail) },
        { key: 'export-memberships', command: 'export memberships', args: ['export', 'memberships', '--snapshot', snap, '--out', join(dir, 'm.csv'), '--json'], check: (s) => new RegExp(`"rows": ${memberTotal()},`).test(s.tail) },
        {
          key: 'diff',
          command: 'diff --json',
          // The second snapshot is taken after a week's worth of edits, removals and additions.
          before: async () => {
            await changeTenant(server.url, server.token, changes);
            const after = await measure(['snapshot', '--out', snapAfter, ...conn], env);
            if (after.code !== 0) throw new Error('the second snapshot for the diff bench failed');
          },
          args: ['diff', snap, snapAfter, '--json'],
          keep: diffOut,
          check: () => {
            const diff = JSON.parse(readFileSync(diffOut, 'utf8')) as Record<'added' | 'removed' | 'changed', { resourceType: string }[]>;
            const users = (list: { resourceType: string }[]): number => list.filter((r) => r.resourceType === 'User').length;
            return users(diff.added) === changes.added && users(diff.removed) === changes.removed && users(diff.changed) === changes.changed;
          },
        },
      ];
      const wanted = process.env.BENCH_MEMORY_CASES?.split(',');
      for (const c of cases) {
        // A case's inputs (the snapshot, the groups CSV) come from the cases before it.
        const needed = wanted === undefined || wanted.includes(c.key) || cases.slice(cases.indexOf(c) + 1).some((later) => wanted.includes(later.key) && NEEDS[later.key]?.includes(c.key));
        if (!needed) continue;
        await c.before?.();
        const s = await measure(c.args, env, c.keep);
        const verified = s.code === 0 && c.check(s);
        const command = c.command;
        const f: MemoryFigures = {
          users, groups, command,
          peakMb: Math.round(s.peakBytes / 1024 / 1024),
          bytesPerUser: Math.round(s.peakBytes / users),
          seconds: Number((s.wallMs / 1000).toFixed(1)),
          microsPerUser: Math.round((s.wallMs * 1000) / users),
          verified,
        };
        figures.push(f);
        const target = users >= 1_000_000 ? TARGET_MB_AT_1M : users <= 200_000 ? TARGET_MB_AT_200K : null;
        const verdict = target === null ? '' : f.peakMb < target ? ` (target < ${target} MB: OK)` : ` (target < ${target} MB: OVER)`;
        process.stdout.write(`  ${users} users  ${command.padEnd(30)} peak RSS ${String(f.peakMb).padStart(5)} MB, ${String(f.bytesPerUser).padStart(5)} B/user, ${f.seconds} s (${f.microsPerUser} µs/user), output ${verified ? 'verified' : 'NOT VERIFIED'}${verdict}; load ${loadavg()[0]?.toFixed(1)}\n`);
      }
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return figures;
}

export function run(): Promise<MemoryFigures[]> {
  const sizes = (process.env.BENCH_MEMORY_USERS ?? '100000,300000').split(',').map(Number);
  return runSizes(sizes);
}

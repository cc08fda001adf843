// Benchmark (not a test): the listing as a user waits for it (issue 15) — the CLI end to end,
// `users list --ndjson` with default settings (start-up, discovery and output included), against a
// sequential loop with no handicap (plain JavaScript, its own process, same NDJSON output, no
// verification), over a sandbox with 20 ms latency per request in a process of its own. No
// periodic 429s: they would slow only the baseline. Two cases: 100k users (pages of 100), and
// 20k users behind a page cap of 37 (target >= 6x). Runs alternate (loop, CLI, loop, CLI…) and
// the ratio is taken pair by pair; median, p5 and p95 (nearest rank) are printed.
// The physical limit printed beside it: the loop's time over the shortest the CLI could take —
// the longest of the server's CPU time, the pages' latency at 16 at once plus start-up and
// discovery, and both processes' CPU shared by this machine's cores. Beside it, the CPU ceiling:
// the loop's time over the CLI's own CPU time (what the ratio would be if the CLI had a whole core
// to itself and waited on nothing), and the CLI's CPU per page. Timings on a shared machine are
// noisy: the load average is printed before and after. The server runs in a process of its own
// (its CPU is printed; it does not count as the CLI's); this process reads both children's
// stdout, counting lines, the same way for both. See test/bench/README.md for recorded figures.
// Run: npm run bench -- listing   (BENCH_LISTING_REPS, BENCH_LISTING_CASES=cap37,100k)

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { MAX_CONCURRENCY } from '../../electron/core/scim/concurrency';
import { ensureCliBundle, REPO_ROOT } from './cli-run';
import { startServerProcess, type ServerProcess } from './server-process';

const LATENCY_MS = 20;
const REPS = Number(process.env.BENCH_LISTING_REPS ?? 3);

interface Case {
  name: string;
  users: number;
  pageCap?: number;
  target?: number;
}

const CASES: Case[] = [
  { name: 'cap37', users: 20_000, pageCap: 37, target: 6 },
  { name: '100k', users: 100_000 },
];

interface Run {
  ms: number;
  cpuMs: number;
  lines: number;
  stderr: string;
}

/** Runs a command to completion, counting stdout lines; CPU from /proc (user + system of the child). */
function timed(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let stderr = '';
    let cpuMs = 0;
    child.stdout.on('data', (d: Buffer) => {
      for (let i = d.indexOf(10); i !== -1; i = d.indexOf(10, i + 1)) lines += 1;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const clk = 100; // USER_HZ on Linux
    const poll = setInterval(() => {
      try {
        const fields = (readFileSync(`/proc/${String(child.pid)}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
        cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / clk;
      } catch {
        // exited
      }
    }, 20);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${String(code)}: ${stderr.slice(-500)}`));
      else resolve({ ms: performance.now() - started, cpuMs, lines, stderr });
    });
  });
}

/** Nearest-rank percentile (p in 0..100). */
function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function runCase(c: Case): Promise<Record<string, number | string>> {
  const server: ServerProcess = await startServerProcess({ users: c.users, faults: { latencyMs: LATENCY_MS, ...(c.pageCap ? { pageCap: c.pageCap } : {}) } });
  const env = { BENCH_TOKEN: server.token };
  const loop = [join(REPO_ROOT, 'test/bench/sequential-loop.mjs'), server.url];
  const cli = [join(REPO_ROOT, 'bin/scim-inspector.mjs'), 'users', 'list', '--ndjson', '--url', server.url, '--token-env', 'BENCH_TOKEN'];
  try {
    const loadBefore = os.loadavg()[0] ?? 0;
    await timed(loop, env); // warm the server's caches for both
    const ratios: number[] = [];
    const loops: number[] = [];
    const clis: number[] = [];
    const cliCpus: number[] = [];
    let serverCpu = 0;
    let cliCpu = 0;
    let reached = '';
    for (let i = 0; i < REPS; i += 1) {
      const l = await timed(loop, env);
      const before = await server.cpuMs();
      const r = await timed(cli, env);
      serverCpu = (await server.cpuMs()) - before;
      cliCpu = r.cpuMs;
      cliCpus.push(r.cpuMs);
      if (l.lines !== c.users || r.lines !== c.users) throw new Error(`listed ${l.lines} (loop) and ${r.lines} (CLI) of ${c.users}`);
      if (!/"complete":true/.test(r.stderr)) throw new Error(`the CLI did not verify the listing complete: ${r.stderr.slice(-300)}`);
      reached = /Fetched up to (\d+) pages/.exec(r.stderr)?.[1] ?? '?';
      loops.push(l.ms);
      clis.push(r.ms);
      ratios.push(l.ms / r.ms);
    }
    const start = await timed([join(REPO_ROOT, 'bin/scim-inspector.mjs'), '--help'], {});
    const pages = Math.ceil(c.users / ((c.pageCap ?? 100) - 1));
    const latencyFloor = start.ms + 4 * LATENCY_MS + Math.ceil(pages / MAX_CONCURRENCY) * LATENCY_MS;
    const cores = os.cpus().length;
    const floorMs = Math.max(serverCpu, latencyFloor, (serverCpu + cliCpu) / cores);
    const limit = median(loops) / floorMs;
    const ratio = median(ratios);
    const s = (ms: number): number => Number((ms / 1000).toFixed(2));
    const x = (v: number): number => Number(v.toFixed(2));
    const row = {
      case: c.name, users: c.users, pageCap: c.pageCap ?? 'none', pages,
      loopSeconds: s(median(loops)), loopP5: s(percentile(loops, 5)), loopP95: s(percentile(loops, 95)),
      cliSeconds: s(median(clis)), cliP5: s(percentile(clis, 5)), cliP95: s(percentile(clis, 95)),
      ratio: x(ratio), ratioP5: x(percentile(ratios, 5)), ratioP95: x(percentile(ratios, 95)),
      physicalLimit: x(limit), cpuCeiling: x(median(loops) / median(cliCpus)), concurrencyReached: reached,
      cliCpuSeconds: s(median(cliCpus)), cliCpuMsPerPage: x(median(cliCpus) / pages), serverCpuSeconds: s(serverCpu), startupSeconds: s(start.ms),
      loadBefore: x(loadBefore), loadAfter: x(os.loadavg()[0] ?? 0),
    };
    console.log(`listing ${c.name}: ${c.users} users (${pages} pages), latency ${LATENCY_MS} ms${c.pageCap ? `, server page cap ${c.pageCap}` : ''}, ${REPS} pairs, load ${row.loadBefore} -> ${row.loadAfter} on ${cores} cores`);
    console.log(`  sequential loop  : ${row.loopSeconds} s median (p5 ${row.loopP5}, p95 ${row.loopP95})`);
    console.log(`  CLI end to end   : ${row.cliSeconds} s median (p5 ${row.cliP5}, p95 ${row.cliP95}; concurrency reached ${reached}; CLI CPU ${row.cliCpuSeconds} s = ${row.cliCpuMsPerPage} ms/page, server CPU ${row.serverCpuSeconds} s, start-up ${row.startupSeconds} s)`);
    console.log(`  ratio            : ${row.ratio}x median (p5 ${row.ratioP5}, p95 ${row.ratioP95})${c.target ? ` target >= ${c.target}x ${ratio >= c.target ? 'OK' : 'MISSED'}` : ''}; physical limit ~${row.physicalLimit}x; CPU ceiling ~${row.cpuCeiling}x (loop over the CLI's CPU time)`);
    return row;
  } finally {
    await server.close();
  }
}

export async function run(): Promise<{ rows: Record<string, number | string>[]; failedGates: string[] }> {
  await ensureCliBundle();
  const wanted = (process.env.BENCH_LISTING_CASES ?? 'cap37,100k').split(',');
  const rows: Record<string, number | string>[] = [];
  const failedGates: string[] = [];
  for (const c of CASES.filter((x) => wanted.includes(x.name))) {
    const row = await runCase(c);
    rows.push(row);
    if (c.target !== undefined && Number(row.ratio) < c.target) failedGates.push(`listing ${c.name}: ${String(row.ratio)}x < ${c.target}x`);
  }
  return { rows, failedGates };
}

// The real CLI in a process group of its own, to be killed as a crash kills it: the child is
// started detached (setsid(2): it leads a new session and process group, pgid = its pid) and
// killed with `kill -KILL -- -PGID`, so nothing it started survives either. Optionally frozen at
// an exact journal append by test/support/journal-fault.ts.

import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../integration/cli/spawn-cli';

const FAULT = fileURLToPath(new URL('./journal-fault.ts', import.meta.url));

export interface GroupRun {
  /** Process id, which is also the process group id. */
  pid: number;
  /** Resolves when the CLI reached its journal fault and froze; rejects if it exited first. */
  frozen: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** `kill -KILL -- -PGID`; resolves once the process has exited (and was reaped). */
  killGroup(): Promise<void>;
}

export function spawnCliGroup(args: readonly string[], options: { env: Record<string, string>; fault?: string }): GroupRun {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env };
  if (options.fault) env.JOURNAL_FAULT = options.fault;
  const imports = ['--import', 'tsx', ...(options.fault ? ['--import', FAULT] : [])];
  const child = spawn(process.execPath, [...imports, 'electron/host/cli/index.ts', ...args], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the CLI did not start');
  let stdout = '';
  let stderr = '';
  let markFrozen: () => void = () => undefined;
  let failFrozen: (e: Error) => void = () => undefined;
  const frozen = new Promise<void>((resolve, reject) => {
    markFrozen = resolve;
    failFrozen = reject;
  });
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    if (stderr.includes(`JOURNAL-FAULT ${pid}`)) markFrozen();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => {
      failFrozen(new Error(`the CLI exited (${code ?? signal}) before its journal fault:\n${stderr}`));
      resolve({ code, signal, stdout, stderr });
    });
  });
  frozen.catch(() => undefined); // callers that never wait for a fault must not see an unhandled rejection
  return {
    pid,
    frozen,
    exited,
    killGroup: async () => {
      if (child.exitCode === null && child.signalCode === null) spawnSync('kill', ['-KILL', '--', `-${pid}`]);
      await exited;
    },
  };
}

// Runs the real CLI in a child process (as scripts and CI will) and collects its output.
// Bounded by a timeout so a hung command fails the test instead of hanging the suite.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = 'electron/host/cli/index.ts';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Environment without the parent's SCIM-ish variables, so tests only see what they set. */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT'];
  const env: Record<string, string> = {};
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k] as string;
  return env;
}

export function runCli(args: readonly string[], options: SpawnOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
      cwd: REPO_ROOT,
      env: { ...baseEnv(), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI ${args.join(' ')} did not finish in ${options.timeoutMs ?? 20_000} ms\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The AppError document the CLI prints on stderr with --json. */
export function stderrError(r: CliResult): { code: string; message: string; details?: Record<string, unknown> } {
  const line = r.stderr.split('\n').find((l) => l.startsWith('{"error"'));
  if (!line) throw new Error(`no error document on stderr:\n${r.stderr}`);
  return (JSON.parse(line) as { error: { code: string; message: string; details?: Record<string, unknown> } }).error;
}

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
  /** Text piped to the CLI's stdin (closed at once either way, so no command waits on it). */
  stdin?: string;
  /** Sees stdout as it arrives (what was printed so far), e.g. to hold a page back until rows show. */
  onStdout?: (soFar: string) => void;
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
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end(options.stdin ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      options.onStdout?.(stdout);
    });
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

export interface LongRunning<T> {
  /** The JSON document the command printed on stdout when it was ready. */
  doc: T;
  /** Sends SIGTERM and resolves to the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL if still running (for finally blocks). */
  kill(): void;
}

/** Starts a serving command (sandbox, serve) with --json and waits for its printed document. */
export function startCli<T>(args: readonly string[], options: SpawnOptions = {}): Promise<LongRunning<T>> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
    cwd: REPO_ROOT,
    env: { ...baseEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`${args.join(' ')} printed no document within ${options.timeoutMs ?? 15_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 15_000);
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited early (${String(child.exitCode)})\nstderr: ${stderr}`));
    });
    child.stdout.on('data', (d: string) => {
      stdout += d;
      let doc: T;
      try {
        doc = JSON.parse(stdout) as T;
      } catch {
        return; // not the whole document yet
      }
      clearTimeout(timer);
      resolve({
        doc,
        kill,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}

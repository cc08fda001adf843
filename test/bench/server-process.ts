// The sandbox tenant in a child process for benches, as a remote server would be: in-process its
// rendering would compete with the client for one event loop, and its memory would be counted as
// the client's. The parent reads the URL from the child's first stdout line, can ask for the CPU
// the server has used (one line on stdin), and stops it by closing stdin.

import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startSandbox, type FaultOptions } from '../../electron/core/sandbox';

const SERVER_ENV = 'SCIM_INSPECTOR_BENCH_SERVER';

export interface ServerOptions {
  users: number;
  groups?: number;
  faults?: FaultOptions;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  token: string;
  /** CPU milliseconds the server process has used so far. */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Child side: serve the tenant, print where, answer CPU queries, stop when stdin closes. */
async function serve(options: ServerOptions): Promise<void> {
  const sandbox = await startSandbox({ vendor: 'rfc', users: options.users, ...(options.groups !== undefined ? { groups: options.groups } : {}), ...(options.faults ? { faults: options.faults } : {}) });
  process.stdout.write(`${JSON.stringify({ url: sandbox.url, token: sandbox.token })}\n`);
  process.stdin.setEncoding('utf8');
  createInterface({ input: process.stdin }).on('line', () => {
    const cpu = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
  });
  process.stdin.on('end', () => void sandbox.close().then(() => process.exit(0)));
}

export async function startServerProcess(options: ServerOptions, startTimeoutMs = 600_000): Promise<ServerProcess> {
  // A 1M-user tenant needs several GB of heap in the server (not the client being measured).
  const heap = options.users > 300_000 ? ['--max-old-space-size=12288'] : [];
  const child = spawn(process.execPath, [...heap, '--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, [SERVER_ENV]: JSON.stringify(options) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bench sandbox did not start within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`the bench sandbox exited early (${String(code)})`)));
  });
  const parsed: unknown = JSON.parse(first);
  if (!isRecord(parsed) || typeof parsed.url !== 'string' || typeof parsed.token !== 'string') throw new Error(`unexpected bench sandbox output: ${first}`);
  const cpuMs = (): Promise<number> =>
    new Promise((resolve) => {
      lines.once('line', (line) => {
        const answer: unknown = JSON.parse(line);
        resolve(isRecord(answer) && typeof answer.cpuMs === 'number' ? answer.cpuMs : NaN);
      });
      child.stdin?.write('cpu\n');
    });
  const close = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.stdin?.end();
    await exited;
  };
  return { child, url: parsed.url, token: parsed.token, cpuMs, close };
}

const asked = process.env[SERVER_ENV];
if (asked !== undefined) void serve(JSON.parse(asked) as ServerOptions);

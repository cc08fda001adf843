// Browser mode (the web host) in a child process for the explorer bench: main's work (the index of
// a million users, the listing) must not share the runner's event loop or heap. The tenant it
// lists runs in a process of its own (server-process.ts), as a remote one would: in the host's
// process a 1M-user sandbox's rendering and its 6 GB heap's garbage collection took most of the
// load's time (43 % GC, ~20 % the sandbox's own answers, in a CPU profile of a 1M load). Saved
// profiles keep their tokens in a vault in this process's memory (no keychain needed). The parent
// reads the URL from the child's first stdout line and stops it by closing stdin.

import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startWebHost, type WebHostOptions } from '../../electron/host/web';
import { createMemoryVault } from '../../electron/core/vault/index';

const HOST_ENV = 'SCIM_INSPECTOR_BENCH_WEB_HOST';

export interface WebHostProcess {
  child: ChildProcess;
  url: string;
  close(): Promise<void>;
}

/** What crosses to the child as JSON; the vault is made there. */
export type WebHostProcessOptions = Omit<WebHostOptions, 'vault'> & { heapMb?: number };

async function serve(options: WebHostProcessOptions): Promise<void> {
  const host = await startWebHost({ ...options, vault: createMemoryVault() });
  process.stdout.write(`${JSON.stringify({ url: host.url })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void host.close().then(() => process.exit(0)));
}

export async function startWebHostProcess(options: WebHostProcessOptions, startTimeoutMs = 600_000): Promise<WebHostProcess> {
  const heap = options.heapMb !== undefined ? [`--max-old-space-size=${options.heapMb}`] : [];
  const child = spawn(process.execPath, [...heap, '--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, [HOST_ENV]: JSON.stringify(options) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bench web host did not start within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`the bench web host exited early (${String(code)})`)));
  });
  const parsed: unknown = JSON.parse(first);
  const url = typeof parsed === 'object' && parsed !== null && typeof (parsed as Record<string, unknown>).url === 'string' ? ((parsed as Record<string, unknown>).url as string) : null;
  if (!url) throw new Error(`the bench web host printed no URL: ${first}`);
  return {
    child,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.stdin?.end();
      }),
  };
}

const raw = process.env[HOST_ENV];
if (raw !== undefined) void serve(JSON.parse(raw) as WebHostProcessOptions);

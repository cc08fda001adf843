// Browser mode (the web host with its sandbox tenant) in a child process for the explorer bench:
// a 1M-user sandbox needs several GB of heap, which must not be the bench runner's, and main's
// work (the index, the sandbox answering pages) should not share the runner's event loop. The
// parent reads the URL from the child's first stdout line and stops it by closing stdin.

import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startWebHost, type WebHostOptions } from '../../electron/host/web';

const HOST_ENV = 'SCIM_INSPECTOR_BENCH_WEB_HOST';

export interface WebHostProcess {
  child: ChildProcess;
  url: string;
  close(): Promise<void>;
}

async function serve(options: WebHostOptions): Promise<void> {
  const host = await startWebHost(options);
  process.stdout.write(`${JSON.stringify({ url: host.url })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void host.close().then(() => process.exit(0)));
}

export async function startWebHostProcess(options: WebHostOptions & { sandboxUsers: number }, startTimeoutMs = 600_000): Promise<WebHostProcess> {
  const heap = options.sandboxUsers > 300_000 ? ['--max-old-space-size=12288'] : [];
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
if (raw !== undefined) void serve(JSON.parse(raw) as WebHostOptions);

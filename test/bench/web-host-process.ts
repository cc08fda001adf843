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
  if (process.env.BENCH_TRACE) await trace(process.env.BENCH_TRACE);
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

/**
 * BENCH_TRACE=FILE (keystroke-trace.ts): main's side of each keystroke, one JSON line per event on
 * the machine's clock: a table.window request's arrival (the server's request event), the call's
 * start and time in main, main's GC pauses over 1 ms and event-loop stalls over 15 ms.
 */
async function trace(file: string): Promise<void> {
  const { PerformanceObserver, performance } = await import('node:perf_hooks');
  const { appendFileSync } = await import('node:fs');
  const http = await import('node:http');
  const { coreFunctions } = await import('../../electron/core/app/index');
  const at = (t: number): number => Number((performance.timeOrigin + t).toFixed(2));
  const line = (value: object): void => appendFileSync(file, `${JSON.stringify(value)}\n`);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.duration > 1) line({ gc: at(e.startTime), ms: Number(e.duration.toFixed(2)) });
  }).observe({ entryTypes: ['gc'] });
  // The request event, before the body is read and parsed: what the network and the parse cost.
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: unknown, event: string, ...args: unknown[]): boolean {
    if (event === 'request' && String((args[0] as { url?: string }).url).includes('table.window')) line({ arrive: at(performance.now()) });
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
  let tick = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - tick > 15) line({ blocked: at(tick), ms: Number((now - tick).toFixed(1)) });
    tick = now;
  }, 5).unref();
  const fns = coreFunctions as unknown as Record<string, (c: unknown, r: unknown) => Promise<unknown>>;
  const window = fns['table.window'] as (c: unknown, r: unknown) => Promise<unknown>;
  fns['table.window'] = async (c, r) => {
    const t = performance.now();
    const out = (await window(c, r)) as { rows: unknown[]; total: number; exact: boolean };
    const req = r as { search: string; from: number; count: number; exact: boolean };
    line({ win: at(t), ms: Number((performance.now() - t).toFixed(2)), q: req.search, from: req.from, count: req.count, ex: req.exact, rows: out.rows.length, total: out.total, exact: out.exact });
    return out;
  };
}

const raw = process.env[HOST_ENV];
if (raw !== undefined) void serve(JSON.parse(raw) as WebHostProcessOptions);

// Benchmark (not a test): a full listing of 100,000 users, page size 100, from the sandbox with
// 20 ms latency per request and a 429 (Retry-After: 1 s) every RATE_EVERY requests. The
// client's engine at concurrency 8 is timed against a naive sequential startIndex loop over the
// same transport in the same run, and the peak RSS growth during the client's listing is
// sampled. Targets (issue 3): ratio >= 6x, RSS growth < 350 MB.
// The sandbox runs in a child process, as a remote server would: in-process, its rendering would
// compete with the client for the same event loop and the figures would measure neither.
// Run: npx tsx -e "import('./test/bench/listing.bench.ts').then(m => m.run())"  (or npm run bench)

import os from 'node:os';
import { listResources } from '../../electron/core/scim/listing';
import { createTransport } from '../../electron/core/scim/transport';
import type { Transport } from '../../electron/core/scim/types';
import { startServerProcess } from './server-process';

const USERS = Number(process.env.BENCH_LISTING_USERS ?? 100_000);
const PAGE_SIZE = 100;
const CONCURRENCY = 8;
const LATENCY_MS = 20;
const RATE_EVERY = 150;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a script without the engine would do: one page after another until a short page. */
async function naiveSequential(transport: Transport): Promise<number> {
  let listed = 0;
  for (let startIndex = 1; startIndex <= USERS + PAGE_SIZE; startIndex += PAGE_SIZE) {
    const res = await transport.request({ method: 'GET', path: '/Users', query: { startIndex, count: PAGE_SIZE }, idempotent: true });
    const resources = isRecord(res.body) && Array.isArray(res.body.Resources) ? res.body.Resources : [];
    listed += resources.length;
    if (resources.length < PAGE_SIZE) break;
  }
  return listed;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function run(): Promise<{ ratio: number; rssGrowthBytes: number }> {
  const server = await startServerProcess({ users: USERS, faults: { latencyMs: LATENCY_MS, rateLimitEvery: RATE_EVERY, retryAfter: { seconds: 1, format: 'seconds' } } });
  const sandbox = { url: server.url, token: server.token, close: () => server.close() };
  const transport = createTransport({ baseUrl: sandbox.url, token: () => sandbox.token });
  try {
    // Warm the connection pool and the sandbox's query cache so neither run pays for it.
    await transport.request({ method: 'GET', path: '/Users', query: { startIndex: 1, count: 1 }, idempotent: true });

    const naiveStart = performance.now();
    const naiveCount = await naiveSequential(transport);
    const naiveMs = performance.now() - naiveStart;

    transport.log.clear();
    global.gc?.();
    const baseline = process.memoryUsage.rss();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 25);
    const serverCpuBefore = await server.cpuMs();
    const cpuBefore = process.cpuUsage();
    const clientStart = performance.now();
    const outcome = await listResources(transport, 'Users', { pageSize: PAGE_SIZE, concurrency: CONCURRENCY });
    const clientMs = performance.now() - clientStart;
    const cpu = process.cpuUsage(cpuBefore);
    const clientCpuMs = (cpu.user + cpu.system) / 1000;
    const serverCpuMs = (await server.cpuMs()) - serverCpuBefore;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    const growth = peak - baseline;
    const ratio = naiveMs / clientMs;
    const rateLimited = transport.log.entries().filter((e) => e.status === 429).length;

    console.log(`listing benchmark: ${USERS} users, page size ${PAGE_SIZE}, latency ${LATENCY_MS} ms, 429 every ${RATE_EVERY} requests (Retry-After 1 s)`);
    console.log(`  naive sequential loop : ${(naiveMs / 1000).toFixed(2)} s (${naiveCount} users)`);
    console.log(`  client, concurrency ${CONCURRENCY}: ${(clientMs / 1000).toFixed(2)} s (${outcome.count} users, complete: ${outcome.complete}, ${rateLimited} answers were 429 and honoured)`);
    console.log(`  client CPU            : ${(clientCpuMs / 1000).toFixed(2)} s over ${(clientMs / 1000).toFixed(2)} s wall ; server process CPU ${(serverCpuMs / 1000).toFixed(2)} s (either close to the wall time means CPU-bound; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores)`);
    console.log(`  ratio                 : ${ratio.toFixed(2)}x (target >= 6x) ${ratio >= 6 ? 'OK' : 'MISSED'}`);
    console.log(`  peak RSS growth       : ${mb(growth)} (target < 350 MB) ${growth < 350 * 1024 * 1024 ? 'OK' : 'MISSED'}`);
    if (outcome.warnings.length > 0) console.log(`  warnings: ${outcome.warnings.join(' | ')}`);
    return { ratio, rssGrowthBytes: growth };
  } finally {
    await transport.close();
    await sandbox.close();
  }
}

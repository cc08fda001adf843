// `--timeout SECONDS` bounds a whole call, retries included: a tenant that answers 5xx for ever, or
// asks to be retried later than the budget allows, fails the command after a few attempts instead
// of retrying for a minute and more. Counted from the command's own HAR (every attempt is logged),
// not from a clock.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import type { FaultOptions } from '../../../electron/core/sandbox/types';
import { runCli, stderrError } from './spawn-cli';

let dir: string;
let sandbox: SandboxHandle | null = null;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-timeout-'));
});
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failingRun(faults: FaultOptions, name: string): Promise<{ attempts: Map<string, number>; code: number | null; error: { code: string; message: string } }> {
  sandbox = await startSandbox({ vendor: 'rfc', users: 5, faults });
  const har = join(dir, `${name}.har`);
  const r = await runCli(['users', 'list', '--url', sandbox.url, '--token-env', 'T', '--timeout', '1', '--har', har, '--json'], { env: { T: sandbox.token }, timeoutMs: 60_000 });
  const entries = (JSON.parse(readFileSync(har, 'utf8')) as { log: { entries: { request: { url: string } }[] } }).log.entries;
  const attempts = new Map<string, number>();
  for (const e of entries) attempts.set(e.request.url, (attempts.get(e.request.url) ?? 0) + 1);
  return { attempts, code: r.code, error: stderrError(r) };
}

describe('--timeout is a total budget per call', { timeout: 90_000 }, () => {
  it('stops retrying a persistent 5xx once the budget is spent (at most 4 attempts a call, not 8)', async () => {
    const { attempts, code } = await failingRun({ serverErrorBurst: { every: 1, length: 1, status: 500 } }, 'five-hundred');
    expect(code).toBe(1);
    expect(attempts.size).toBeGreaterThan(0);
    // Backoff waits at least 125, 250, 500, 1000 ms: a fifth attempt cannot fit in 1 s.
    for (const [url, n] of attempts) expect(n, url).toBeLessThanOrEqual(4);
  });

  it('does not wait for a Retry-After longer than the budget: one attempt, and the wait is named', async () => {
    const { attempts, code, error } = await failingRun({ rateLimitEvery: 1, retryAfter: { seconds: 30, format: 'seconds' } }, 'retry-after');
    expect(code).toBe(1);
    expect(error.code).toBe('rate-limited');
    expect(error.message).toMatch(/30 s/);
    for (const [url, n] of attempts) expect(n, url).toBe(1);
  });
});

// The CLI writes files with people's data readable by their owner only (whatever the umask) and
// warns that a HAR holds every answer of the run: --har, snapshot --out, export --out.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { runCli } from '../cli/spawn-cli';

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);
let dir: string;
let sandbox: SandboxHandle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-private-files-'));
  sandbox = await startSandbox({ vendor: 'rfc', users: 30, seed: 2 });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('CLI files with personal data', { timeout: 120_000 }, () => {
  it('writes --har, snapshots and CSV exports as 0600 and warns what a HAR holds', async () => {
    const env = { SANDBOX_TOKEN: sandbox.token };
    const conn = ['--url', sandbox.url, '--token-env', 'SANDBOX_TOKEN'];
    const har = join(dir, 'run.har');
    const listed = await runCli(['users', 'list', '--json', '--har', har, ...conn], { env, timeoutMs: 60_000 });
    expect(listed.code, listed.stderr).toBe(0);
    expect(mode(har)).toBe('600');
    expect(listed.stderr).toMatch(/warning: .*run\.har holds every request and answer of this run.*personal data/);

    const snapshot = join(dir, 'tenant.json.gz');
    const taken = await runCli(['snapshot', '--out', snapshot, ...conn], { env, timeoutMs: 60_000 });
    expect(taken.code, taken.stderr).toBe(0);
    expect(mode(snapshot)).toBe('600');

    const csv = join(dir, 'users.csv');
    const exported = await runCli(['export', 'users', '--snapshot', snapshot, '--out', csv], { env, timeoutMs: 60_000 });
    expect(exported.code, exported.stderr).toBe(0);
    expect(mode(csv)).toBe('600');
  });
});

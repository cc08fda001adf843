// Streamed list output (issue 15): `users list --json` and `--ndjson` write pages as they are
// verified, yet print the same resources with the same verdict as the collected listing (the
// human table, which still holds every row), through the paging quirks the engine verifies.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { runCli } from './spawn-cli';

let sb: SandboxHandle;
const conn = (): string[] => ['--url', sb.url, '--token-env', 'SANDBOX_TOKEN'];
const env = (): Record<string, string> => ({ SANDBOX_TOKEN: sb.token });

beforeAll(async () => {
  sb = await startSandbox({ vendor: 'rfc', users: 260 });
});

afterAll(async () => {
  await sb?.close();
});

const ids = (list: { id?: unknown }[]): string[] => list.map((r) => String(r.id));

describe('streamed users list', () => {
  it('--json: Resources first, then complete/count/reportedTotal/warnings; every user once, under a page cap and a 0-based server', async () => {
    sb.setFaults({ pageCap: 37, zeroBasedIndex: true, wrongTotalResults: -5 });
    try {
      const r = await runCli(['users', 'list', ...conn(), '--json'], { env: env(), timeoutMs: 60_000 });
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as { Resources: { id: string }[]; complete: boolean; count: number; warnings: string[] };
      expect(Object.keys(doc)).toEqual(['Resources', 'complete', 'count', 'reportedTotal', 'warnings']);
      expect(doc.complete).toBe(true);
      expect(doc.count).toBe(260);
      expect([...ids(doc.Resources)].sort()).toEqual([...sb.store.ids('Users')].sort());
      expect(doc.warnings.join(' ')).toMatch(/startIndex from 0/);
      expect(doc.warnings.join(' ')).toMatch(/caps pages at 37/);
      // Adaptive concurrency says what it reached (on stderr: the document's keys are the contract's).
      expect(r.stderr).toMatch(/Fetched up to \d+ pages at once \(adaptive: started at 4/);

      const nd = await runCli(['users', 'list', ...conn(), '--ndjson'], { env: env(), timeoutMs: 60_000 });
      expect(nd.code, nd.stderr).toBe(0);
      const lines = nd.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
      expect(lines).toEqual(doc.Resources);
      const summary = nd.stderr.split('\n').find((l) => l.startsWith('{"summary"'));
      const { Resources: _r, ...rest } = doc;
      expect(JSON.parse(summary ?? '{}')).toEqual({ summary: rest });
    } finally {
      sb.setFaults({});
    }
  });

  it('--json with --limit and --filter: same verdict and rows as the collected (human) listing', async () => {
    const args = ['users', 'list', ...conn(), '--filter', 'active eq false', '--limit', '7', '--page-size', '20'];
    const streamed = await runCli([...args, '--json'], { env: env() });
    const human = await runCli(args, { env: env() });
    expect(streamed.code).toBe(1);
    expect(human.code).toBe(1);
    const doc = JSON.parse(streamed.stdout) as { Resources: { id: string; active: boolean }[]; complete: boolean; count: number };
    expect(doc).toMatchObject({ complete: false, count: 7 });
    expect(doc.Resources.every((u) => u.active === false)).toBe(true);
    const humanIds = human.stdout.split('\n').slice(1).map((l) => l.split(/\s+/)[0]).filter((id) => id && sb.store.get('Users', id));
    expect(humanIds).toHaveLength(7);
    expect(ids(doc.Resources)).toEqual(humanIds);
  });
});

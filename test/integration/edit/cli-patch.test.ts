// The real CLI `patch` command, spawned, against an rfc sandbox in this process: --dry-run shows
// the exact request and sends nothing, a write without --yes off a terminal is refused with exit 4,
// and --yes sends, verifies and journals.

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChangeJournal } from '../../../electron/core/edit';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { runCli, stderrError } from '../cli/spawn-cli';
import { removeDir } from '../../support/temp-dir';
import { plainUserIds, TOKEN, writes } from './support';

interface PatchDoc {
  request: { method: string; url: string; headers: Record<string, string>; body: { Operations: unknown[] } };
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  sent: boolean;
  result: Record<string, unknown> | null;
  status?: string;
  journal?: string;
}

let sandbox: SandboxHandle;
let dir: string;
const conn = (): string[] => ['--url', sandbox.url, '--token-env', 'SCIM_TEST_TOKEN', '--json'];
const env = (): Record<string, string> => ({ SCIM_TEST_TOKEN: TOKEN, SCIM_INSPECTOR_HOME: dir });

beforeAll(async () => {
  sandbox = await startSandbox({ vendor: 'rfc', users: 30, seed: 5, token: TOKEN, port: 0 });
  dir = await mkdtemp(join(tmpdir(), 'edit-cli-'));
});
afterAll(async () => {
  await sandbox?.close();
  await removeDir(dir);
});

describe('scim-inspector patch', () => {
  it('--dry-run prints the exact request, before and after, and sends nothing', async () => {
    const id = plainUserIds(sandbox)[0]!;
    const r = await runCli(['patch', 'users', id, ...conn(), '--remove', 'nickName', '--replace', 'title="Night Owl"', '--dry-run'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as PatchDoc;
    expect(doc).toMatchObject({ sent: false, result: null, request: { method: 'PATCH', url: expect.stringMatching(new RegExp(`/Users/${id}$`)) } });
    // Flag order is operation order.
    expect(doc.request.body.Operations).toEqual([
      { op: 'remove', path: 'nickName' },
      { op: 'replace', path: 'title', value: 'Night Owl' },
    ]);
    expect(doc.request.headers.Authorization).toBe('Bearer [redacted]');
    expect(doc.request.headers['If-Match']).toBe((doc.before.meta as { version: string }).version);
    expect(doc.after.title).toBe('Night Owl');
    expect(doc.after.nickName).toBeUndefined();
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    expect(writes(sandbox)).toBe(0);
  });

  it('without --yes and not at a terminal: exit 4, nothing sent', async () => {
    const id = plainUserIds(sandbox)[1]!;
    const r = await runCli(['patch', 'users', id, ...conn(), '--replace', 'active=false'], { env: env() });
    expect(r.code, r.stderr).toBe(4);
    expect(stderrError(r).code).toBe('refused-needs-confirmation');
    expect(writes(sandbox)).toBe(0);
    expect(sandbox.store.get('Users', id)?.res.active).toBe(true);
  });

  it('a value that is not JSON is a usage error (exit 2)', async () => {
    const r = await runCli(['patch', 'users', 'x', ...conn(), '--replace', 'title=CTO', '--dry-run'], { env: env() });
    expect(r.code, r.stderr).toBe(2);
    expect(stderrError(r).code).toBe('usage');
  });

  it('--yes sends, reads back, verifies and journals the write without the token', async () => {
    const id = plainUserIds(sandbox)[2]!;
    const journal = join(dir, 'cli-changes.jsonl');
    const r = await runCli(['patch', 'users', id, ...conn(), '--replace', 'title="Night Owl"', '--yes', '--journal', journal], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as PatchDoc;
    expect(doc).toMatchObject({ sent: true, status: 'applied', journal, result: { id, title: 'Night Owl' } });
    expect(sandbox.store.get('Users', id)?.res.title).toBe('Night Owl');
    const { entries } = await readChangeJournal(journal);
    expect(entries).toEqual([expect.objectContaining({ id, outcome: 'applied', responseStatus: 200 })]);
    expect(await readFile(journal, 'utf8')).not.toContain(TOKEN);
  });

  it('--yes without --journal appends to changes.jsonl in the data folder; a taken userName exits 1 naming the other user', async () => {
    const [mine, theirs] = plainUserIds(sandbox).slice(3, 5) as [string, string];
    const taken = String(sandbox.store.get('Users', theirs)?.res.userName);
    const r = await runCli(['patch', 'users', mine, ...conn(), '--replace', `userName=${JSON.stringify(taken)}`, '--yes'], { env: env() });
    expect(r.code, r.stderr).toBe(1);
    const error = stderrError(r);
    expect(error.code).toBe('conflict');
    expect(error.details).toMatchObject({ collision: { attribute: 'userName', other: { id: theirs } } });
    const { entries } = await readChangeJournal(join(dir, 'changes.jsonl'));
    expect(entries).toEqual([expect.objectContaining({ id: mine, outcome: 'conflict', responseStatus: 409 })]);
  });

  it('a service that ignores the PATCH: exit 1 with the PUT offered; --put then makes the change', async () => {
    const mindtickle = await startSandbox({ vendor: 'mindtickle', users: 20, seed: 5, token: TOKEN, port: 0 });
    try {
      const id = plainUserIds(mindtickle)[0]!;
      const args = ['patch', 'users', id, '--url', mindtickle.url, '--token-env', 'SCIM_TEST_TOKEN', '--json', '--replace', 'title="Tide Reader"', '--yes'];
      const partial = await runCli(args, { env: env() });
      expect(partial.code, partial.stderr).toBe(1);
      const doc = JSON.parse(partial.stdout) as PatchDoc & { offerPut: { request: { method: string; body: Record<string, unknown> } } };
      expect(doc.status).toBe('partially-applied');
      expect(doc.offerPut.request).toMatchObject({ method: 'PUT', body: { id, title: 'Tide Reader' } });
      expect(partial.stderr).toMatch(/--put/);
      expect(mindtickle.store.get('Users', id)?.res.title).not.toBe('Tide Reader');
      const put = await runCli([...args, '--put'], { env: env() });
      expect(put.code, put.stderr).toBe(0);
      expect(JSON.parse(put.stdout)).toMatchObject({ status: 'applied', request: { method: 'PUT' }, result: { title: 'Tide Reader' } });
      expect(mindtickle.store.get('Users', id)?.res.title).toBe('Tide Reader');
    } finally {
      await mindtickle.close();
    }
  });
});

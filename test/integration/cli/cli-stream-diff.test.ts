// `diff` and `export diff` read both snapshot files line by line (issue 15) and print what they
// printed when both snapshots were loaded whole: the same --json text byte for byte, the same
// counts, the same CSV. The reference is the whole-snapshot diff (diffSnapshots) written as the
// commands wrote it before, over two sandbox snapshots a round of edits apart.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { loadSnapshot, writeSnapshot } from '../../../electron/core/audit/snapshot';
import { diffSnapshots } from '../../../electron/core/audit/diff';
import { writeCsvFile, type CsvCell } from '../../../electron/core/csv/write';
import type { SnapshotDiff } from '../../../shared/audit';
import type { PatchRequest } from '../../../shared/scim';
import { fileDir } from '../../support/temp-dir';
import { runCli } from './spawn-cli';

const dir = fileDir('cli-stream-diff-');
let sandbox: SandboxHandle;
let client: ScimClient;
const [older, newer] = [join(dir, 'older.json.gz'), join(dir, 'newer.json')];

/** The diff CSV as `export diff` wrote it before it streamed (exports.ts at 19b0952). */
function referenceRows(diff: SnapshotDiff): CsvCell[][] {
  const json = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));
  return [
    ...diff.added.map((r) => ['added', r.resourceType, r.id, r.name, '', '', '']),
    ...diff.removed.map((r) => ['removed', r.resourceType, r.id, r.name, '', '', '']),
    ...diff.changed.flatMap((c) => c.fields.map((f) => ['changed', c.resourceType, c.id, c.name, f.path, json(f.before), json(f.after)])),
  ];
}

beforeAll(async () => {
  sandbox = await startSandbox({ vendor: 'rfc', users: 1500, seed: 7 });
  client = createScimClient({ baseUrl: sandbox.url, token: () => sandbox.token });
  await writeSnapshot(client, older);
  const users = (await client.list('Users', { limit: 40 })).Resources;
  const groups = (await client.list('Groups', { limit: 3 })).Resources;
  const edit = (path: string, value: unknown): PatchRequest => ({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path, value }] });
  for (const u of users.slice(0, 20)) await client.patch('Users', u.id, edit('title', `Changed ${u.id}`));
  for (const u of users.slice(20, 23)) await client.patch('Users', u.id, edit('active', false));
  for (const u of users.slice(30, 35)) await client.delete('Users', u.id);
  for (let i = 0; i < 4; i += 1) await client.create('Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `new-${i}@example.com`, emails: [{ value: `new-${i}@example.com`, primary: true }] });
  const [g] = groups;
  if (g) await client.patch('Groups', g.id, edit('displayName', 'Renamed for the diff'));
  await writeSnapshot(client, newer);
});
afterAll(async () => {
  await client?.close();
  await sandbox?.close();
});

describe('streamed diff', () => {
  it('diff --json, diff and export diff print what the whole-snapshot diff printed', { timeout: 300_000 }, async () => {
    const whole = diffSnapshots(await loadSnapshot(older), await loadSnapshot(newer));
    expect(whole.added.length).toBe(4);
    expect(whole.removed.length).toBeGreaterThanOrEqual(5);
    expect(whole.changed.length).toBeGreaterThanOrEqual(24);

    const json = await runCli(['diff', older, newer, '--json'], { timeoutMs: 60_000 });
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).toBe(`${JSON.stringify(whole, null, 2)}\n`);

    const human = await runCli(['diff', older, newer], { timeoutMs: 60_000 });
    expect(human.stdout).toBe(`${whole.added.length} added, ${whole.removed.length} removed, ${whole.changed.length} changed\n`);

    const csv = join(dir, 'diff.csv');
    const expected = join(dir, 'reference.csv');
    const rows = await writeCsvFile(expected, ['change', 'resourceType', 'id', 'name', 'field', 'before', 'after'], referenceRows(whole));
    const exported = await runCli(['export', 'diff', '--snapshot', older, '--against', newer, '--out', csv, '--json'], { timeoutMs: 60_000 });
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual({ rows, file: csv });
    expect(await readFile(csv, 'utf8')).toBe(await readFile(expected, 'utf8'));
  });
});

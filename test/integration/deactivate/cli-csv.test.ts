// The leavers' CSV as admins bring it, through the real CLI against the sandbox tenant: a first
// row that is data is never swallowed as a header, a first row that could be either is asked about
// (exit 2 until --header or --no-header says), the run always says which line was the header, and
// a UTF-16 file (Excel's "Unicode text") reads like any other.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { runCli, stderrError } from '../cli/spawn-cli';
import { tenantRows, writes } from './support';

let dir: string;
let sandbox: SandboxHandle;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-csv-'));
});
afterEach(async () => {
  await sandbox?.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function setUp(): Promise<{ ids: string[]; cli: (args: string[]) => ReturnType<typeof runCli> }> {
  sandbox = await startSandbox({ vendor: 'rfc', users: 30, seed: 5 });
  const rows = [...(await tenantRows(sandbox)).values()].filter((u) => u.active);
  // Ids that start with a letter: the old "a header is words" guess took such a first row for a header.
  const ids = rows.map((u) => u.id).filter((id) => /^[a-f]/.test(id)).slice(0, 3);
  expect(ids).toHaveLength(3);
  const env = { SANDBOX_TOKEN: sandbox.token };
  const conn = ['--url', sandbox.url, '--token-env', 'SANDBOX_TOKEN', '--json'];
  return { ids, cli: (args) => runCli([...args, ...conn], { env, timeoutMs: 60_000 }) };
}

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

interface RunDoc {
  done: { id: string }[];
  planned: { id: string }[];
  unresolved: { input: string }[];
  csv: { file: string; headerLine: number | null; header: string[] | null; column: string; values: number };
}

describe('deactivate --from-csv: the header row', { timeout: 120_000 }, () => {
  it('takes a one-column list of ids without a header as data: the first leaver is deactivated too, and it says so', async () => {
    const { ids, cli } = await setUp();
    const csv = await file('ids.csv', `${ids.join('\n')}\n`);
    const r = await cli(['deactivate', '--from-csv', csv, '--match', 'id', '--yes', '--journal', join(dir, 'ids.jsonl')]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as RunDoc;
    expect(doc.done.map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(doc.csv).toMatchObject({ headerLine: null, header: null, values: 3 });
    expect(r.stderr).toMatch(/no header row: line 1 .* is a value/);
  });

  it('asks when the first row could be a header or a user (exit 2, nothing written) and follows --header / --no-header', async () => {
    const { ids, cli } = await setUp();
    const csv = await file('leavers.csv', `Leavers\n${ids.join('\n')}\n`);
    const sent = writes(sandbox);
    const unsure = await cli(['deactivate', '--from-csv', csv, '--match', 'id', '--yes', '--journal', join(dir, 'unsure.jsonl')]);
    expect(unsure.code, unsure.stderr).toBe(2);
    const error = stderrError(unsure);
    expect(error.message).toContain('"Leavers"');
    expect(error.message).toMatch(/--header.*--no-header/);
    expect(writes(sandbox)).toBe(sent);

    const asHeader = await cli(['deactivate', '--from-csv', csv, '--header', '--match', 'id', '--dry-run']);
    expect(asHeader.code, asHeader.stderr).toBe(0);
    const doc = JSON.parse(asHeader.stdout) as RunDoc;
    expect(doc.planned.map((p) => p.id).sort()).toEqual([...ids].sort());
    expect(doc.csv).toMatchObject({ headerLine: 1, header: ['Leavers'], column: 'Leavers', values: 3 });
    expect(asHeader.stderr).toMatch(/line 1 \("Leavers"\) is the header/);

    const asData = await cli(['deactivate', '--from-csv', csv, '--no-header', '--match', 'id', '--dry-run']);
    expect(asData.code, asData.stderr).toBe(3); // "Leavers" is then a value that matches nobody
    expect((JSON.parse(asData.stdout) as RunDoc).unresolved.map((u) => u.input)).toEqual(['Leavers']);
  });

  it('reads a UTF-16 file with its byte order mark (Excel "Unicode text"), little and big endian', async () => {
    const { ids, cli } = await setUp();
    const text = `\uFEFFid\r\n${ids.join('\r\n')}\r\n`;
    const le = await file('utf16le.csv', Buffer.from(text, 'utf16le'));
    const be = await file('utf16be.csv', Buffer.from(text, 'utf16le').swap16());
    for (const csv of [le, be]) {
      const r = await cli(['deactivate', '--from-csv', csv, '--match', 'id', '--dry-run']);
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as RunDoc;
      expect(doc.planned.map((p) => p.id).sort()).toEqual([...ids].sort());
      expect(doc.csv).toMatchObject({ headerLine: 1, header: ['id'] });
    }
  });

  it('names the encoding when a file is neither UTF-8 nor UTF-16 (a legacy code page)', async () => {
    const { cli } = await setUp();
    const csv = await file('latin1.csv', Buffer.from('email\nzoë@example.com\n', 'latin1'));
    const r = await cli(['deactivate', '--from-csv', csv, '--dry-run']);
    expect(r.code, r.stderr).toBe(2);
    expect(stderrError(r)).toMatchObject({ code: 'invalid-csv', message: expect.stringMatching(/not UTF-8.*line 2.*UTF-8/) });
  });
});

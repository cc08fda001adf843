// Appending to a journal whose last append was cut short by a crash: the fragment is cut off (or a
// complete record terminated) first, every complete record stays readable, and anything at the
// end that is not a journal fragment is refused rather than cut.

import { appendFile, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournal, readJournal, type JournalRecordBase } from '../../../electron/core/journal/journal';
import { lockJournal } from '../../../electron/core/journal/lock';
import { repairTail } from '../../../electron/core/journal/tail';

interface Rec { type: 'intent' | 'outcome'; id: string }
const isRec = (v: unknown): v is Rec & JournalRecordBase => typeof v === 'object' && v !== null && typeof (v as Rec).id === 'string' && (v as JournalRecordBase).v === 1;
const at = () => new Date('2026-11-23T10:00:00Z');

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-tail-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function journalWith(ids: string[], tail: string): Promise<string> {
  const path = join(dir, `j${(n += 1)}.jsonl`);
  await writeFile(path, ids.map((id) => `{"v":1,"at":"2026-11-23T09:00:00.000Z","type":"intent","id":"${id}"}\n`).join('') + tail);
  return path;
}

async function appendOne(path: string, id: string, locked: boolean): Promise<void> {
  const lock = locked ? await lockJournal(path) : undefined;
  try {
    const j = await openJournal<Rec>(path, at, lock ? { lock } : {});
    await j.append({ type: 'outcome', id });
    await j.close();
  } finally {
    await lock?.release();
  }
}

describe('journal tail repair before appending', () => {
  for (const locked of [true, false]) {
    const how = locked ? 'held for a run' : 'shared, locked per append';
    it(`cuts off a torn record before appending, keeping every complete record (${how})`, async () => {
      const path = await journalWith(['a', 'b'], '{"v":1,"at":"2026-11-23T09:00:01.000Z","type":"outc');
      await appendOne(path, 'c', locked);
      const { records, tornTail } = await readJournal(path, isRec);
      expect(records.map((r) => `${r.type}:${r.id}`)).toEqual(['intent:a', 'intent:b', 'outcome:c']);
      expect(tornTail).toBe(false);
    });
  }

  it('keeps a complete last record that only lacks its newline, and terminates it', async () => {
    const path = await journalWith(['a'], '{"v":1,"at":"2026-11-23T09:00:01.000Z","type":"intent","id":"b"}');
    const repairs: string[] = [];
    const lock = await lockJournal(path);
    const j = await openJournal<Rec>(path, at, { lock, onRepair: (r) => repairs.push(r.kind) });
    await j.append({ type: 'outcome', id: 'b' });
    await j.close();
    await lock.release();
    expect(repairs).toEqual(['terminated']);
    expect((await readJournal(path, isRec)).records.map((r) => `${r.type}:${r.id}`)).toEqual(['intent:a', 'intent:b', 'outcome:b']);
  });

  it('cuts a tail of zero bytes (a power loss) and a torn first record', async () => {
    const zeros = await journalWith(['a'], '\0\0\0\0\0\0');
    await appendOne(zeros, 'z', true);
    expect((await readJournal(zeros, isRec)).records.map((r) => r.id)).toEqual(['a', 'z']);
    const first = await journalWith([], '{"v":1,"at":"20');
    await appendOne(first, 'f', true);
    expect((await readJournal(first, isRec)).records.map((r) => r.id)).toEqual(['f']);
  });

  it('refuses a file whose end is not a journal fragment and leaves it exactly as it was', async () => {
    const path = join(dir, 'notes.txt');
    await writeFile(path, 'my notes\nnot a journal at all');
    await expect(appendOne(path, 'x', true)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/not a journal record/) });
    expect(await readFile(path, 'utf8')).toBe('my notes\nnot a journal at all');
  });

  it('still refuses a bad line in the middle: a record is never silently dropped', async () => {
    const path = await journalWith(['a'], '');
    await appendFile(path, '{"v":1,"type":"intent","id":"b"\n');
    await appendOne(path, 'c', true);
    await expect(readJournal(path, isRec)).rejects.toThrow(/line 2 is not a journal record/);
  });

  it('keeps concurrent appends of two writers of one shared journal whole, one record a line', async () => {
    const path = await journalWith([], '');
    const [x, y] = await Promise.all([openJournal<Rec>(path, at), openJournal<Rec>(path, at)]);
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? x : y).append({ type: 'intent', id: String(i) })));
    await Promise.all([x.close(), y.close()]);
    const { records } = await readJournal(path, isRec);
    expect(records.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });
});

describe('journal file mode', () => {
  it('makes a journal an older version created world-readable owner-only on the next append', async () => {
    const path = await journalWith(['a'], '');
    const { chmod, stat } = await import('node:fs/promises');
    await chmod(path, 0o644);
    await appendOne(path, 'b', true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});

describe('repairTail on its own (mutants of tail.ts survived the append tests)', () => {
  async function repaired(text: string): Promise<{ result: unknown; after: string }> {
    const path = join(dir, `r${(n += 1)}.jsonl`);
    await writeFile(path, text);
    const handle = await open(path, 'a+');
    try {
      const result = await repairTail(handle, path).catch((e: unknown) => e);
      return { result, after: await readFile(path, 'utf8') };
    } finally {
      await handle.close();
    }
  }
  const record = '{"v":1,"at":"2026-11-23T09:00:00.000Z","type":"intent","id":"a"}\n';

  it('leaves an empty file and a newline-terminated file alone', async () => {
    expect(await repaired('')).toEqual({ result: { kind: 'none' }, after: '' });
    expect(await repaired(record)).toEqual({ result: { kind: 'none' }, after: record });
  });

  it('cuts a torn record longer than one read chunk (64 KB) back to the last newline', async () => {
    const torn = `{"v":1,"at":"2026-11-23T09:00:01.000Z","type":"outcome","id":"b","error":"${'x'.repeat(70_000)}`;
    const { result, after } = await repaired(record + torn);
    expect(result).toEqual({ kind: 'truncated', bytes: Buffer.byteLength(torn) });
    expect(after).toBe(record);
  });

  it('cuts a fragment shorter than a record start ({"v)', async () => {
    expect(await repaired(`${record}{"v`)).toEqual({ result: { kind: 'truncated', bytes: 3 }, after: record });
  });

  it('refuses JSON at the end that is not a record (null, a number, another version), naming the file', async () => {
    for (const tail of ['null', '12345', '{"v":2,"type":"intent"}']) {
      const { result, after } = await repaired(record + tail);
      expect(result).toMatchObject({ code: 'invalid-input', details: { file: expect.stringMatching(/r\d+\.jsonl$/) } });
      expect(after).toBe(record + tail);
    }
  });
});

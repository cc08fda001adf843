import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal, readJournal, type JournalRecordBase } from '../../../electron/core/journal/journal';
import { testDir } from '../../support/temp-dir';

interface Rec { type: 'intent' | 'outcome'; id: string }
const isRec = (v: unknown): v is Rec & JournalRecordBase =>
  typeof v === 'object' && v !== null && (v as Rec).type !== undefined && typeof (v as Rec).id === 'string' && (v as JournalRecordBase).v === 1;

describe('journal', () => {
  it('appends records in call order, one JSON line each, with version and time', async () => {
    const path = join(await testDir('journal-'), 'run.jsonl');
    const j = await openJournal<Rec>(path, () => new Date('2026-11-23T10:00:00Z'));
    await Promise.all(Array.from({ length: 50 }, (_, i) => j.append({ type: i % 2 ? 'outcome' : 'intent', id: String(i) })));
    await j.close();
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(50);
    expect(JSON.parse(lines[0] ?? '')).toEqual({ v: 1, at: '2026-11-23T10:00:00.000Z', type: 'intent', id: '0' });
    const { records, tornTail } = await readJournal(path, isRec);
    expect(records.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
    expect(tornTail).toBe(false);
  });

  it('reports a torn last line (crash mid-append) without taking it for a record', async () => {
    const path = join(await testDir('journal-'), 'torn.jsonl');
    const j = await openJournal<Rec>(path);
    await j.append({ type: 'intent', id: 'a' });
    await j.close();
    await appendFile(path, '{"v":1,"type":"outc');
    const { records, tornTail } = await readJournal(path, isRec);
    expect(records.map((r) => r.id)).toEqual(['a']);
    expect(tornTail).toBe(true);
  });

  it('refuses a journal with a corrupt line in the middle', async () => {
    const path = join(await testDir('journal-'), 'bad.jsonl');
    await appendFile(path, '{"v":1,"type":"intent","id":"a"}\nnot json\n{"v":1,"type":"intent","id":"b"}\n');
    await expect(readJournal(path, isRec)).rejects.toThrow(/line 2 is not a journal record/);
  });

  it('says clearly when the journal cannot be opened', async () => {
    await expect(openJournal('/proc/definitely/not/here.jsonl')).rejects.toMatchObject({ code: 'io' });
  });
});

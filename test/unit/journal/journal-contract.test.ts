// The journal's promises at its edges, each of which an admin relies on after something went
// wrong: a missing or damaged file is refused naming the file and the line, a failed write is an
// 'io' error that says to stop, blank lines are not damage, a complete line is never mistaken for
// a torn one, and a journal shared between processes is repaired only under its lock (opening it
// changes nothing).

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal, readJournal, type JournalRecordBase } from '../../../electron/core/journal/journal';
import type { TailRepair } from '../../../electron/core/journal/tail';
import { InspectorError } from '../../../shared/errors';
import { testDir } from '../../support/temp-dir';

interface Rec { type: 'intent'; id: string }
const isRec = (v: unknown): v is Rec & JournalRecordBase => typeof v === 'object' && v !== null && (v as Rec).type === 'intent' && typeof (v as Rec).id === 'string' && (v as JournalRecordBase).v === 1;
const line = (id: string): string => JSON.stringify({ v: 1, at: '2026-11-23T10:00:00.000Z', type: 'intent', id });

async function refusal(promise: Promise<unknown>): Promise<InspectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InspectorError);
  return error as InspectorError;
}

describe('reading a journal', () => {
  it('a missing file is refused naming it', async () => {
    const path = join(await testDir('journal-read-'), 'absent.jsonl');
    const error = await refusal(readJournal(path, isRec));
    expect(error).toMatchObject({ code: 'invalid-input', details: { file: path } });
    expect(error.message).toContain(`Cannot read the journal ${path}`);
    expect(error.message).toMatch(/ENOENT/);
  });

  it('a line that is JSON but not a record is refused with its line number', async () => {
    const path = join(await testDir('journal-read-'), 'foreign.jsonl');
    await writeFile(path, `${line('a')}\n{"v":1,"type":"something-else"}\n${line('b')}\n`);
    const error = await refusal(readJournal(path, isRec));
    expect(error).toMatchObject({ code: 'invalid-input', details: { file: path, line: 2 } });
    expect(error.message).toBe(`${path} line 2 is not a journal record this version understands.`);
  });

  it('a line that is not JSON is refused with its file and line number', async () => {
    const path = join(await testDir('journal-read-'), 'garbled.jsonl');
    await writeFile(path, `${line('a')}\n${line('b')}\n{"v":1,"ty\n${line('c')}\n`);
    const error = await refusal(readJournal(path, isRec));
    expect(error).toMatchObject({ code: 'invalid-input', details: { file: path, line: 3 } });
    expect(error.message).toMatch(/line 3 is not a journal record \(not JSON\)/);
  });

  it('a damaged LAST line that ends with its newline is damage, not a torn append', async () => {
    // A killed append never writes the newline; a complete line that is not JSON was edited.
    const path = join(await testDir('journal-read-'), 'edited.jsonl');
    await writeFile(path, `${line('a')}\n{"v":1,"ty\n`);
    expect(await refusal(readJournal(path, isRec))).toMatchObject({ code: 'invalid-input', details: { line: 2 } });
  });

  it('blank and whitespace-only lines are not damage, wherever they are', async () => {
    const path = join(await testDir('journal-read-'), 'spaced.jsonl');
    await writeFile(path, `\n${line('a')}\n   \n\t\n${line('b')}\n\n`);
    expect(await readJournal(path, isRec)).toEqual({ records: [expect.objectContaining({ id: 'a' }), expect.objectContaining({ id: 'b' })], tornTail: false });
  });

  it('a torn last line after a leading blank line is still a torn tail', async () => {
    const path = join(await testDir('journal-read-'), 'torn.jsonl');
    await writeFile(path, `\n${line('a')}\n{"v":1,"type":"int`);
    expect(await readJournal(path, isRec)).toEqual({ records: [expect.objectContaining({ id: 'a' })], tornTail: true });
  });

  it('an empty file is an empty journal', async () => {
    const path = join(await testDir('journal-read-'), 'empty.jsonl');
    await writeFile(path, '');
    expect(await readJournal(path, isRec)).toEqual({ records: [], tornTail: false });
  });
});

describe('writing a journal', () => {
  it('a journal that cannot be opened says where, and that nothing was sent', async () => {
    const path = join(await testDir('journal-write-'), 'no-such-folder', 'run.jsonl');
    const error = await refusal(openJournal(path));
    expect(error).toMatchObject({ code: 'io', details: { file: path } });
    expect(error.message).toContain(`Cannot open the journal ${path}`);
    expect(error.message).toMatch(/nothing was sent/);
  });

  it('an append that cannot be written is an io error naming the journal; close() really closes it', async () => {
    const path = join(await testDir('journal-write-'), 'run.jsonl');
    const journal = await openJournal<Rec>(path);
    await journal.append({ type: 'intent', id: 'a' });
    await journal.close();
    const error = await refusal(journal.append({ type: 'intent', id: 'b' }));
    expect(error).toMatchObject({ code: 'io', details: { file: path } });
    expect(error.message).toContain(`Could not write to the journal ${path}`);
    expect((await readFile(path, 'utf8')).split('\n').filter(Boolean).map((l) => (JSON.parse(l) as Rec).id)).toEqual(['a']);
  });

  it('close() waits for the appends already asked for', async () => {
    const path = join(await testDir('journal-write-'), 'run.jsonl');
    const journal = await openJournal<Rec>(path);
    const pending = ['a', 'b', 'c'].map((id) => journal.append({ type: 'intent', id }));
    await journal.close();
    expect((await readFile(path, 'utf8')).split('\n').filter(Boolean)).toHaveLength(3);
    await Promise.all(pending);
  });

  it('a shared journal (no lock held) is not touched by opening it, only repaired by an append under its lock', async () => {
    const path = join(await testDir('journal-write-'), 'changes.jsonl');
    const torn = `${line('a')}\n{"v":1,"type":"inte`;
    await writeFile(path, torn);
    const repairs: TailRepair[] = [];
    const journal = await openJournal<Rec>(path, () => new Date('2026-11-23T10:00:00Z'), { onRepair: (r) => repairs.push(r) });
    // Another process may be half-way through an append right now: opening must not cut it.
    expect(await readFile(path, 'utf8')).toBe(torn);
    expect(repairs).toEqual([]);
    await journal.append({ type: 'intent', id: 'b' });
    await journal.close();
    expect(repairs).toEqual([{ kind: 'truncated', bytes: '{"v":1,"type":"inte'.length }]);
    expect((await readJournal(path, isRec)).records.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('a clean journal reports no repair', async () => {
    const path = join(await testDir('journal-write-'), 'clean.jsonl');
    await writeFile(path, `${line('a')}\n`);
    const repairs: TailRepair[] = [];
    const journal = await openJournal<Rec>(path, undefined, { onRepair: (r) => repairs.push(r) });
    await journal.append({ type: 'intent', id: 'b' });
    await journal.close();
    expect(repairs).toEqual([]);
  });
});

import { mkdtemp, readFile, writeFile, stat, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it, beforeAll } from 'vitest';
import { writeCsvFile } from '../../../electron/core/csv/write';
import { parseCsvText, readCsvFile, columnIndex } from '../../../electron/core/csv/read';
import { removeDir } from '../../support/temp-dir';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csv-test-'));
});
afterAll(() => removeDir(dir));

describe('writeCsvFile', () => {
  it('round-trips quotes, commas, embedded newlines and unicode through a CSV parser', async () => {
    const rows = [
      ['a,b', 'say "hi"', 'line1\nline2', 'Zoë Ñúñez 山田'],
      ['plain', '', 'crlf\r\nhere', '😀'],
    ];
    const file = join(dir, 'roundtrip.csv');
    const n = await writeCsvFile(file, ['c1', 'c2', 'c3', 'c4'], rows, { formulaGuard: false });
    expect(n).toBe(2);
    const back = parse(await readFile(file, 'utf8')) as string[][];
    expect(back).toEqual([['c1', 'c2', 'c3', 'c4'], ...rows]);
  });

  it('defuses formula-like cells by default and can be switched off', async () => {
    const cells = ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tTab', '\rCR', 'safe'];
    const guarded = join(dir, 'guarded.csv');
    await writeCsvFile(guarded, ['v'], cells.map((c) => [c]));
    const back = (parse(await readFile(guarded, 'utf8'), { relax_quotes: true }) as string[][]).slice(1).map((r) => r[0]);
    expect(back).toEqual(["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "'\tTab", "'\rCR", 'safe']);
    const raw = join(dir, 'raw.csv');
    await writeCsvFile(raw, ['v'], cells.map((c) => [c]), { formulaGuard: false });
    const rawBack = (parse(await readFile(raw, 'utf8')) as string[][]).slice(1).map((r) => r[0]);
    expect(rawBack).toEqual(cells);
  });

  it('keeps real numbers as numbers under the guard', async () => {
    const file = join(dir, 'numbers.csv');
    await writeCsvFile(file, ['n'], [[-5], [3]]);
    expect(await readFile(file, 'utf8')).toBe('n\r\n-5\r\n3\r\n');
  });

  it('writes a UTF-8 BOM only when asked', async () => {
    const withBom = join(dir, 'bom.csv');
    const without = join(dir, 'nobom.csv');
    await writeCsvFile(withBom, ['a'], [['é']], { bom: true });
    await writeCsvFile(without, ['a'], [['é']]);
    expect([...(await readFile(withBom)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await readFile(without))[0]).toBe('a'.charCodeAt(0));
  });

  it('streams 100,000 rows from a generator and leaves no partial file behind', async () => {
    const file = join(dir, 'big.csv');
    function* rows() {
      for (let i = 0; i < 100_000; i += 1) yield [`user${i}@example.com`, `User ${i}`, i % 10 === 0 ? 'false' : 'true'];
    }
    const n = await writeCsvFile(file, ['userName', 'displayName', 'active'], rows());
    expect(n).toBe(100_000);
    const text = await readFile(file, 'utf8');
    expect(text.split('\r\n').length).toBe(100_002);
    expect((await stat(file)).size).toBeGreaterThan(3_000_000);
    expect((await readdir(dir)).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('does not leave a file under the chosen name when cancelled', async () => {
    const file = join(dir, 'cancelled.csv');
    const controller = new AbortController();
    function* rows() {
      for (let i = 0; i < 10; i += 1) {
        if (i === 5) controller.abort();
        yield [String(i)];
      }
    }
    await expect(writeCsvFile(file, ['n'], rows(), { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
    await expect(stat(file)).rejects.toThrow();
    expect((await readdir(dir)).filter((f) => f.startsWith('cancelled'))).toEqual([]);
  });
});

describe('readCsv', () => {
  it('detects a header, the BOM and the ; delimiter from Excel exports', async () => {
    const file = join(dir, 'excel.csv');
    await writeFile(file, '\uFEFFEmail;Name\r\nana@x.com;"Ana; Jr"\r\nbo@x.com;Bo\r\n');
    const table = await readCsvFile(file, { column: 'email' });
    expect(table.hasHeader).toBe(true);
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['Email', 'Name']);
    expect(table.rows).toEqual([['ana@x.com', 'Ana; Jr'], ['bo@x.com', 'Bo']]);
    expect(table.lines).toEqual([2, 3]);
    expect(columnIndex(table, 'EMAIL')).toBe(0);
  });

  it('treats a first row of data as data when there is no header', () => {
    const table = parseCsvText('ana@x.com\nbo@x.com\n');
    expect(table.hasHeader).toBe(false);
    expect(table.rows).toEqual([['ana@x.com'], ['bo@x.com']]);
    expect(columnIndex(table, '1')).toBe(0);
  });

  it('counts lines across quoted newlines for messages', () => {
    const table = parseCsvText('email,note\na@x.com,"two\nlines"\nb@x.com,ok\n', { column: 'email' });
    expect(table.lines).toEqual([2, 4]);
  });

  it('rejects a malformed file naming the line', () => {
    expect(() => parseCsvText('email,name\na@x.com,Ana\nb@x.com,Bo,extra\n', { source: 'leavers.csv' })).toThrow(/leavers\.csv is not valid CSV at line 3/);
    expect(() => parseCsvText('email\n"unclosed@x.com\n', { source: 'q.csv' })).toThrowError(expect.objectContaining({ code: 'invalid-csv' }));
  });

  it('names the columns when the requested one is missing', () => {
    expect(() => parseCsvText('mail,name\na@x.com,A\n', { column: 'email', hasHeader: true, source: 'f.csv' })).toThrow(/Column "email" is not in f\.csv: its columns are: mail, name/);
  });

  it('rejects an empty file and an unreadable path', async () => {
    expect(() => parseCsvText('', { source: 'empty.csv' })).toThrow(/empty\.csv is empty/);
    await expect(readCsvFile(join(dir, 'nope.csv'))).rejects.toMatchObject({ code: 'invalid-csv' });
  });
});

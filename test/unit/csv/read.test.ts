// Reading the CSV files admins bring (leaver lists, IdP exports): the delimiter, the header, the
// line numbers messages name, the column a command acts on, and the refusals that keep a bad file
// from being half acted on.
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnIndex, columnValues, detectDelimiter, parseCsvText, readCsvFile, readCsvText } from '../../../electron/core/csv/read';
import { testDir } from '../../support/temp-dir';

function failure(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('the delimiter', () => {
  it('is the one the first record uses most, counting only outside quotes', () => {
    expect(detectDelimiter('a,b,c\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    // the quoted cell's commas do not count, the two semicolons do
    expect(detectDelimiter('"x,y,z,w";b;c\n')).toBe(';');
    expect(detectDelimiter('"x;y;z;w",b,c\n')).toBe(',');
    expect(detectDelimiter('"x,y,z,w"\tb\tc\n')).toBe('\t');
    // only the first record counts, after a BOM, up to CRLF or LF
    expect(detectDelimiter('\uFEFFa;b\r\nc,d,e,f\r\n')).toBe(';');
    expect(detectDelimiter('a;b\nc,d,e,f\n')).toBe(';');
    expect(detectDelimiter('a;b')).toBe(';');
    expect(detectDelimiter('a,b;c;')).toBe(';'); // one record, no line break, its last cell empty
    expect(detectDelimiter('x\nb;c;d\n')).toBe(','); // a short first record still decides
  });

  it('is a comma on ties and when the first record has none', () => {
    expect(detectDelimiter('single\n')).toBe(',');
    expect(detectDelimiter('a,b;c\n')).toBe(',');
    expect(detectDelimiter('a\tb,c\n')).toBe(',');
    expect(detectDelimiter('a\tb;c\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc;d;e\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc,d,e\n')).toBe(',');
  });
});

describe('parsing', () => {
  it('reads a headed file: trimmed names, the first row as written, cells untrimmed, blank lines skipped', () => {
    const table = parseCsvText('\uFEFF Email , Name\r\n\r\nana@x.com , Ana\r\n\r\nbo@x.com,Bo\r\n', { column: 'email' });
    expect(table).toEqual({
      headers: ['Email', 'Name'],
      hasHeader: true,
      headerCertain: true,
      firstRow: [' Email ', ' Name'],
      delimiter: ',',
      rows: [
        ['ana@x.com ', ' Ana'],
        ['bo@x.com', 'Bo'],
      ],
      lines: [3, 5],
    });
  });

  it('numbers the columns of a file without a header, keeping a BOM out of the first value', () => {
    const table = parseCsvText('\uFEFFana@x.com;1\nbo@x.com;2\n');
    expect(table).toEqual({
      headers: ['1', '2'],
      hasHeader: false,
      headerCertain: true,
      firstRow: ['ana@x.com', '1'],
      delimiter: ';',
      rows: [
        ['ana@x.com', '1'],
        ['bo@x.com', '2'],
      ],
      lines: [1, 2],
    });
  });

  it('takes the caller\'s word on the header, and says when nobody knew', () => {
    expect(parseCsvText('ana@x.com\nbo@x.com\n', { hasHeader: true })).toMatchObject({ headers: ['ana@x.com'], hasHeader: true, headerCertain: true, rows: [['bo@x.com']], lines: [2] });
    expect(parseCsvText('email\nbo@x.com\n', { hasHeader: false })).toMatchObject({ headers: ['1'], hasHeader: false, headerCertain: true, rows: [['email'], ['bo@x.com']], lines: [1, 2] });
    expect(parseCsvText('alpha,beta\ngamma,delta\n')).toMatchObject({ hasHeader: false, headerCertain: false, rows: [['alpha', 'beta'], ['gamma', 'delta']] });
  });

  it('numbers lines across quoted line breaks, CRLF, blank lines and a last line without a newline', () => {
    expect(parseCsvText('email,note\r\na@x.com,"two\r\nlines"\r\n\r\nb@x.com,ok', { column: 'email' }).lines).toEqual([2, 5]);
    expect(parseCsvText('email\n\n\na@x.com\n\nb@x.com\n\n\n', { column: 'email' }).lines).toEqual([4, 6]);
    expect(parseCsvText('"a\n\nb"\nc\n', { hasHeader: false }).lines).toEqual([1, 4]);
    // Excel's BOM in front of a blank first line: the BOM is no content
    expect(parseCsvText('\uFEFF\nemail\na@x.com\n', { column: 'email' }).lines).toEqual([3]);
  });

  it('refuses a malformed file whole, naming the file, the line and the fix', () => {
    const ragged = failure(() => parseCsvText('email,name\na@x.com,Ana\nb@x.com,Bo,extra\n', { source: 'leavers.csv' }));
    expect(ragged).toMatchObject({
      code: 'invalid-csv',
      details: { file: 'leavers.csv', line: 3 },
    });
    // csv-parse's own reason, without its "Invalid Record Length: " prefix
    expect((ragged as Error).message).toBe(
      'leavers.csv is not valid CSV at line 3: expect 2, got 3 on line 3. Fix the file (quotes must be closed, every row needs the same number of columns); nothing was done.',
    );
    const unclosed = failure(() => parseCsvText('email\n"unclosed@x.com\n'));
    expect(unclosed).toMatchObject({
      code: 'invalid-csv',
      message: expect.stringMatching(/^the CSV file is not valid CSV at line 2: Quote Not Closed: /),
      details: { file: 'the CSV file', line: 2 },
    });
  });

  it('refuses a file with no records', () => {
    for (const text of ['', '\n\n', '\uFEFF', '\r\n']) {
      expect(failure(() => parseCsvText(text, { source: 'empty.csv' })), JSON.stringify(text)).toMatchObject({
        code: 'invalid-csv',
        message: 'empty.csv is empty; nothing was done.',
        details: { file: 'empty.csv' },
      });
    }
  });
});

describe('choosing a column', () => {
  const headed = parseCsvText('Email,Name\na@x.com,A\n', { hasHeader: true });
  const bare = parseCsvText('a@x.com,A\n', { hasHeader: false });

  it('by name in any case and with stray spaces, or by 1-based number', () => {
    expect(columnIndex(headed, ' NAME ')).toBe(1);
    expect(columnIndex(headed, '1')).toBe(0);
    expect(columnIndex(headed, '2')).toBe(1);
    expect(columnIndex(bare, ' 2 ')).toBe(1);
    const wide = parseCsvText(`${Array.from({ length: 12 }, (_, i) => `c${i + 1}`).join(',')}\n${'x,'.repeat(11)}x\n`, { hasHeader: true });
    expect(columnIndex(wide, '10')).toBe(9);
    expect(columnIndex(wide, '12')).toBe(11);
  });

  it('refuses a column that is not there, listing what is', () => {
    for (const column of ['0', '3', 'mail', '1.5', '-1']) {
      expect(failure(() => columnIndex(headed, column, 'f.csv')), column).toMatchObject({
        code: 'invalid-csv',
        message: `Column "${column}" is not in f.csv: its columns are: Email, Name.`,
        details: { file: 'f.csv', column },
      });
    }
    expect(failure(() => columnIndex(bare, 'email'))).toMatchObject({
      message: 'Column "email" is not in the CSV file: it has no header row and 2 column(s); name the column by number.',
    });
    expect(failure(() => parseCsvText('mail,name\na@x.com,A\n', { column: 'email', hasHeader: true, source: 'f.csv' }))).toMatchObject({ code: 'invalid-csv', details: { column: 'email' } });
  });

  it('takes the values of the named column, or of the only column, trimmed', () => {
    const table = parseCsvText('Email,Name\n a@x.com ,A\nb@x.com,B\n', { hasHeader: true });
    expect(columnValues(table, 'email', 'f.csv')).toEqual({ column: 'Email', values: ['a@x.com', 'b@x.com'] });
    expect(columnValues(table, '2', 'f.csv')).toEqual({ column: 'Name', values: ['A', 'B'] });
    expect(columnValues(table, undefined, 'f.csv')).toEqual({ column: null, values: [] });
    const single = parseCsvText('a@x.com\nb@x.com\n', { hasHeader: false });
    expect(columnValues(single, undefined, 'f.csv')).toEqual({ column: '1', values: ['a@x.com', 'b@x.com'] });
  });

  it('refuses an empty cell in the column, naming its line', () => {
    const headedBlank = parseCsvText('Email,Name\na@x.com,A\n  ,B\n', { hasHeader: true });
    expect(failure(() => columnValues(headedBlank, 'email', 'f.csv'))).toMatchObject({
      code: 'invalid-csv',
      message: 'f.csv line 3 has an empty "Email"; fix the file. Nothing was done.',
      details: { file: 'f.csv', line: 3 },
    });
    const bareBlank = parseCsvText('a@x.com,A\n,B\n', { hasHeader: false });
    expect(failure(() => columnValues(bareBlank, '1', 'f.csv'))).toMatchObject({
      message: 'f.csv line 2 has an empty column 1; fix the file. Nothing was done.',
      details: { line: 2 },
    });
  });
});

describe('reading the file', () => {
  it('names the file in the table\'s messages and refuses one it cannot read', async () => {
    const dir = await testDir('csv-read-');
    const file = join(dir, 'leavers.csv');
    await writeFile(file, 'email\n\na@x.com\n');
    const table = await readCsvFile(file, { column: 'email' });
    expect(table.rows).toEqual([['a@x.com']]);
    expect(() => columnIndex(table, 'name', file)).toThrow(`Column "name" is not in ${file}`);
    await expect(readCsvFile(file, { column: 'name' })).rejects.toMatchObject({ message: expect.stringContaining(`is not in ${file}:`) });
    const missing = join(dir, 'nope.csv');
    await expect(readCsvText(missing)).rejects.toMatchObject({
      code: 'invalid-csv',
      message: expect.stringMatching(new RegExp(`^Cannot read the CSV file ${missing}: ENOENT: no such file or directory`)),
      details: { file: missing },
    });
  });

  it('reads a file of 200 MB and refuses one byte more before decoding it', async () => {
    const dir = await testDir('csv-read-');
    const sparse = async (name: string, bytes: number): Promise<string> => {
      const file = join(dir, name);
      const handle = await open(file, 'w');
      await handle.truncate(bytes); // sparse: no disk space used
      await handle.close();
      return file;
    };
    // Outcomes, not values: a failing expect must not print 200 MB of text.
    const atLimit = await sparse('limit.csv', 200 * 1024 * 1024);
    expect(await readCsvText(atLimit).then((text) => text.length, (error: unknown) => error)).toBe(200 * 1024 * 1024);
    const over = await sparse('huge.csv', 200 * 1024 * 1024 + 1);
    expect(await readCsvText(over).then(() => 'read', (error: unknown) => error)).toMatchObject({
      code: 'invalid-csv',
      message: `The CSV file ${over} is larger than 200 MB; split it first.`,
      details: { file: over },
    });
  });
});

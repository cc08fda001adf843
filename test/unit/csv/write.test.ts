// Writing CSV exports: what the file holds (header unguarded, rows guarded and redacted, CRLF), that
// it streams a chunk at a time (the first chunk is on disk before the rows after it are produced),
// and that a failed or cancelled export leaves no file and says why.
import { readdirSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvFileWriter, writeCsvFile } from '../../../electron/core/csv/write';
import { InspectorError } from '../../../shared/errors';
import { redactorFor } from '../../../electron/core/secrets';
import { testDir } from '../../support/temp-dir';

/** Bytes written so far to the export's temporary file(s) in `dir` (read synchronously). */
function partialBytesNow(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) if (name.includes('.partial-')) total += statSync(join(dir, name)).size;
  return total;
}

describe('what an export holds', () => {
  it('writes our header as it is and guards formula-like cells in the rows only', async () => {
    const file = join(await testDir('csv-write-'), 'out.csv');
    const n = await writeCsvFile(file, ['=name', '+id'], [['=cmd()', '+1'], ['ok', 7]]);
    expect(n).toBe(2);
    expect(await readFile(file, 'utf8')).toBe(`=name,+id\r\n"'=cmd()","'+1"\r\nok,7\r\n`);
  });

  it('redacts the connection\'s secrets in every cell before formatting', async () => {
    const file = join(await testDir('csv-write-'), 'out.csv');
    const secret = 'tok-3f9a8b7c6d5e4f3a';
    const redactor = redactorFor(secret);
    await writeCsvFile(file, ['a', 'b'], [[`Bearer ${secret}`, `x,"${secret}"`]], { redactor });
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(secret);
    expect(text).toBe('a,b\r\nBearer [redacted],"x,""[redacted]"""\r\n');
  });

  it('writes an empty export as the header alone, and a BOM only when asked', async () => {
    const dir = await testDir('csv-write-');
    expect(await writeCsvFile(join(dir, 'empty.csv'), ['a', 'b'], [])).toBe(0);
    expect(await readFile(join(dir, 'empty.csv'), 'utf8')).toBe('a,b\r\n');
    await writeCsvFile(join(dir, 'bom.csv'), ['a'], [], { bom: true, formulaGuard: false });
    expect(await readFile(join(dir, 'bom.csv'), 'utf8')).toBe('\uFEFFa\r\n');
  });
});

describe('streaming', () => {
  it('hands back a full chunk every 250 rows, and the file appears only when finished', async () => {
    const dir = await testDir('csv-write-');
    const file = join(dir, 'out.csv');
    const writer = new CsvFileWriter(file, ['n']);
    const full: number[] = [];
    for (let i = 1; i <= 600; i += 1) if (writer.row([i])) full.push(i);
    expect(full).toEqual([250, 500]);
    expect(writer.count).toBe(600);
    await writer.drained();
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await writer.finish()).toBe(600);
    const lines = (await readFile(file, 'utf8')).split('\r\n');
    expect(lines).toEqual(['n', ...Array.from({ length: 600 }, (_, i) => String(i + 1)), '']);
    expect((await readdir(dir)).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  for (const kind of ['sync', 'async'] as const) {
    it(`has each chunk on disk before the rows after it are produced (${kind} rows)`, async () => {
      // What keeps a 100k-user export from holding the file in memory: the writer waits for the disk
      // after each chunk. A sync source gets no turn of the event loop otherwise, so without the
      // wait no byte could be on disk when row 251 is asked for.
      const dir = await testDir('csv-write-');
      const cell = 'x'.repeat(200); // 250 rows of this are more than a stream's buffer (16 KB)
      const onDisk: number[] = [];
      function* rows(): Generator<string[]> {
        for (let i = 0; i < 600; i += 1) {
          if (i === 250 || i === 500) onDisk.push(partialBytesNow(dir));
          yield [cell];
        }
      }
      const source = kind === 'sync' ? rows() : (async function* () {
        yield* rows();
      })();
      expect(await writeCsvFile(join(dir, 'out.csv'), ['v'], source)).toBe(600);
      expect(onDisk).toHaveLength(2);
      expect(onDisk[0]).toBeGreaterThanOrEqual(250 * 202);
      expect(onDisk[1]).toBeGreaterThanOrEqual(500 * 202);
    });
  }
});

describe('a failed or cancelled export', () => {
  it('is refused as cancelled at finish when cancelled after the last full chunk, leaving no file', async () => {
    const dir = await testDir('csv-write-');
    const file = join(dir, 'out.csv');
    const controller = new AbortController();
    const writer = new CsvFileWriter(file, ['n'], { signal: controller.signal });
    for (let i = 0; i < 250; i += 1) writer.row([i]);
    controller.abort();
    await expect(writer.finish()).rejects.toMatchObject({ code: 'cancelled', message: 'The export was cancelled; no file was written.' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('says which file could not be written when the rows fail, and leaves none', async () => {
    const dir = await testDir('csv-write-');
    const file = join(dir, 'out.csv');
    function* failing(): Generator<string[]> {
      yield ['a'];
      throw new Error('source went away');
    }
    await expect(writeCsvFile(file, ['n'], failing())).rejects.toMatchObject({
      code: 'io',
      message: `Could not write ${file}: source went away`,
      details: { file },
    });
    expect(await readdir(dir)).toEqual([]);
    const refusal = new InspectorError('unauthorized', 'The server answered 401.');
    async function* refused(): AsyncGenerator<string[]> {
      yield ['a'];
      throw refusal;
    }
    await expect(writeCsvFile(file, ['n'], refused())).rejects.toBe(refusal);
    expect(await readdir(dir)).toEqual([]);
  });
});

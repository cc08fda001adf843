// Writing CSV exports: RFC 4180 through csv-stringify, streamed to disk row by row so a
// 100k-user export never holds the whole file as one string. Cells that a spreadsheet would run
// as a formula are defused by default (OWASP CSV injection guidance).

import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import { InspectorError } from '../../../shared/errors';

export interface CsvWriteOptions {
  /** Prefix a UTF-8 byte order mark so Excel opens the file as UTF-8. */
  bom?: boolean;
  /** Prefix `'` to cells starting with = + - @ tab or CR (default on). */
  formulaGuard?: boolean;
  signal?: AbortSignal;
}

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cellText(value: CsvCell, guard: boolean): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  // Only text cells are defused: a real number such as -5 stays a number.
  return guard && typeof value === 'string' ? guardCell(text) : text;
}

/** Rows formatted per write: big enough to amortise the formatter, small enough to stream. */
const CHUNK_ROWS = 2_000;

const CSV_OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\r\n",]/ } as const;

/**
 * Streams rows to `path` (written to a temporary file, renamed when complete, so a failed or
 * cancelled export never leaves a half file under the chosen name). Rows are formatted by
 * csv-stringify a chunk at a time and written with backpressure, so memory holds one chunk of
 * text, never the file. Returns the data row count.
 */
export async function writeCsvFile(
  path: string,
  header: string[],
  rows: Iterable<CsvCell[]> | AsyncIterable<CsvCell[]>,
  options: CsvWriteOptions = {},
): Promise<number> {
  const guard = options.formulaGuard ?? true;
  const temp = `${path}.partial-${process.pid}`;
  const out = createWriteStream(temp, { encoding: 'utf8' });
  let count = 0;
  const flush = async (records: string[][]): Promise<void> => {
    if (records.length === 0) return;
    if (!out.write(stringify(records, CSV_OPTIONS))) await once(out, 'drain');
  };
  try {
    if (options.bom) out.write('\uFEFF');
    let chunk: string[][] = [header];
    for await (const row of rows as AsyncIterable<CsvCell[]>) {
      if (options.signal?.aborted) throw new InspectorError('cancelled', 'The export was cancelled; no file was written.');
      chunk.push(row.map((cell) => cellText(cell, guard)));
      count += 1;
      if (chunk.length >= CHUNK_ROWS) {
        await flush(chunk);
        chunk = [];
      }
    }
    await flush(chunk);
    out.end();
    await once(out, 'close');
    await rename(temp, path);
    return count;
  } catch (error) {
    out.destroy();
    await rm(temp, { force: true });
    if (error instanceof InspectorError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InspectorError('io', `Could not write ${path}: ${reason}`, { file: path });
  }
}

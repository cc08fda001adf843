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

/** First characters a spreadsheet may run as a formula: = + - @ tab CR (OWASP CSV injection). */
const FORMULA_START = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

export function guardCell(value: string): string {
  // A char-code lookup: this runs on every text cell of a 100k-row export.
  return value.length > 0 && FORMULA_START.has(value.charCodeAt(0)) ? `'${value}` : value;
}


/** Rows formatted per write: big enough to amortise the formatter, small enough to stream. */
const CHUNK_ROWS = 250;

// Quote any cell with a line break, quote or comma: by default csv-stringify only quotes a cell
// holding the whole record delimiter (\r\n), and a lone \n would break the row for readers.
const QUOTED_MATCH = /[\r\n",]/;
const GUARDED = { record_delimiter: '\r\n', quoted_match: QUOTED_MATCH, cast: { string: guardCell } };
const UNGUARDED = { record_delimiter: '\r\n', quoted_match: QUOTED_MATCH };

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
  // The guard runs as csv-stringify's string cast: only text cells are defused, a real number
  // such as -5 stays a number; null and undefined become empty cells.
  const csvOptions = (options.formulaGuard ?? true) ? GUARDED : UNGUARDED;
  const temp = `${path}.partial-${process.pid}`;
  const out = createWriteStream(temp, { encoding: 'utf8' });
  let count = 0;
  const flush = async (records: CsvCell[][]): Promise<void> => {
    if (records.length === 0) return;
    if (!out.write(stringify(records, csvOptions))) await once(out, 'drain');
  };
  try {
    if (options.bom) out.write('\uFEFF');
    // The header is ours, never guarded: write it without the cast.
    out.write(stringify([header], UNGUARDED));
    let chunk: CsvCell[][] = [];
    /** Adds a row; true when the chunk is full and should be written. */
    const add = (row: CsvCell[]): boolean => {
      chunk.push(row);
      count += 1;
      return chunk.length >= CHUNK_ROWS;
    };
    const writeChunk = async (): Promise<void> => {
      if (options.signal?.aborted) throw new InspectorError('cancelled', 'The export was cancelled; no file was written.');
      await flush(chunk);
      chunk = [];
    };
    // In-memory rows get a plain loop: `for await` over a sync iterable costs a promise per row,
    // which dominated 100k-row exports. Either way awaits happen once per chunk.
    if (Symbol.iterator in rows) {
      for (const row of rows) if (add(row)) await writeChunk();
    } else {
      for await (const row of rows) if (add(row)) await writeChunk();
    }
    if (options.signal?.aborted) throw new InspectorError('cancelled', 'The export was cancelled; no file was written.');
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

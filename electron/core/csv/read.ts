// Reading CSV files admins bring: HR leaver lists, IdP exports. They come from Excel (BOM, `;` in
// European locales), from scripts (`,`), quoted or not. A malformed file is rejected whole with
// the line number, so nothing downstream acts on half a list.

import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { InspectorError } from '../../../shared/errors';

export interface CsvTable {
  /** Column names, or "1", "2", ... when the file has no header row. */
  headers: string[];
  hasHeader: boolean;
  delimiter: ',' | ';' | '\t';
  /** Data rows (header excluded), each with one cell per header. */
  rows: string[][];
  /** 1-based line number in the file of each data row, for messages. */
  lines: number[];
}

export interface ReadCsvOptions {
  /** A column the caller needs: its presence in the first row marks that row as a header. */
  column?: string;
  /** Force header detection either way. */
  hasHeader?: boolean;
  /** Name shown in error messages (the file path). */
  source?: string;
}

const MAX_BYTES = 200 * 1024 * 1024;

export async function readCsvFile(path: string, options: ReadCsvOptions = {}): Promise<CsvTable> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InspectorError('invalid-csv', `Cannot read the CSV file ${path}: ${reason}`, { file: path });
  }
  if (buffer.length > MAX_BYTES) {
    throw new InspectorError('invalid-csv', `The CSV file ${path} is larger than 200 MB; split it first.`, { file: path });
  }
  return parseCsvText(buffer.toString('utf8'), { source: path, ...options });
}

export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = firstRecordLine(text);
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch] += 1;
  }
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

function firstRecordLine(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = body.search(/\r?\n/);
  return end === -1 ? body : body.slice(0, end);
}

export function parseCsvText(text: string, options: ReadCsvOptions = {}): CsvTable {
  const source = options.source ?? 'the CSV file';
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: false,
      trim: false,
      info: false,
    }) as string[][];
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number((error as { lines: unknown }).lines) : null;
    const reason = error instanceof Error ? error.message.replace(/^Invalid Record Length: /, '') : String(error);
    throw new InspectorError(
      'invalid-csv',
      `${source} is not valid CSV${line ? ` at line ${line}` : ''}: ${reason}. Fix the file (quotes must be closed, every row needs the same number of columns); nothing was done.`,
      { file: source, line },
    );
  }
  if (records.length === 0) {
    throw new InspectorError('invalid-csv', `${source} is empty; nothing was done.`, { file: source });
  }
  const first = records[0] ?? [];
  const hasHeader = options.hasHeader ?? looksLikeHeader(first, options.column);
  const width = first.length;
  const headers = hasHeader ? first.map((h) => h.trim()) : first.map((_, i) => String(i + 1));
  const dataStart = hasHeader ? 1 : 0;
  const rows = records.slice(dataStart);
  const lines = lineNumbers(text, delimiter).slice(dataStart, dataStart + rows.length);
  if (options.column !== undefined) columnIndex({ headers, hasHeader, delimiter, rows, lines }, options.column, source);
  return { headers, hasHeader, delimiter, rows: rows.map((r) => (r.length === width ? r : r.slice(0, width))), lines };
}

function looksLikeHeader(first: string[], column: string | undefined): boolean {
  if (column !== undefined && !/^\d+$/.test(column)) {
    return first.some((cell) => cell.trim().toLowerCase() === column.trim().toLowerCase());
  }
  // Without a named column: a header row is words, never e-mail addresses or GUID-like ids.
  return first.every((cell) => /^[\p{L}][\p{L}\p{N} _.\-:/()]*$/u.test(cell.trim()) && !cell.includes('@'));
}

/** Index of a column by name (case-insensitive) or 1-based number; a clear error otherwise. */
export function columnIndex(table: CsvTable, column: string, source = 'the CSV file'): number {
  const wanted = column.trim().toLowerCase();
  const byName = table.headers.findIndex((h) => h.toLowerCase() === wanted);
  if (byName !== -1) return byName;
  if (/^\d+$/.test(wanted)) {
    const n = Number(wanted);
    if (n >= 1 && n <= table.headers.length) return n - 1;
  }
  const known = table.hasHeader ? `its columns are: ${table.headers.join(', ')}` : `it has no header row and ${table.headers.length} column(s); name the column by number`;
  throw new InspectorError('invalid-csv', `Column "${column}" is not in ${source}: ${known}.`, { file: source, column });
}

/** The 1-based starting line of each record, counting newlines inside quoted cells. */
function lineNumbers(text: string, _delimiter: string): number[] {
  const result: number[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let quoted = false;
  let recordStart = true;
  let recordHasContent = false;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (recordStart) {
      recordStart = false;
      recordHasContent = false;
      result.push(line);
    }
    if (ch === '"') quoted = !quoted;
    if (ch === '\n') {
      line += 1;
      if (!quoted) {
        if (!recordHasContent) result.pop();
        recordStart = true;
        continue;
      }
    }
    if (ch !== '\r' && ch !== '\n') recordHasContent = true;
  }
  if (!recordStart && !recordHasContent) result.pop();
  return result;
}

// Reading CSV files admins bring: HR leaver lists, IdP exports. They come from Excel (BOM, `;` in
// European locales), from scripts (`,`), quoted or not. A malformed file is rejected whole with
// the line number, so nothing downstream acts on half a list.

import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { decodeCsvBytes } from '../../../shared/csv-text';
import { InspectorError } from '../../../shared/errors';
import { headerVerdict } from './header';

export interface CsvTable {
  /** Column names, or "1", "2", ... when the file has no header row. */
  headers: string[];
  hasHeader: boolean;
  /** False when the first row could be a header or data and nobody said which (then read as data). */
  headerCertain: boolean;
  /** The first row as written (the header, or the first record). */
  firstRow: string[];
  delimiter: ',' | ';' | '\t';
  /** Data rows (header excluded), each with one cell per header. */
  rows: string[][];
  /** 1-based line number in the file of each data row, for messages. */
  lines: number[];
}

export interface ReadCsvOptions {
  /** A column the caller needs: its presence in the first row marks that row as a header. */
  column?: string;
  /** Says whether the first row is a header; absent, it is judged (and may stay unsure). */
  hasHeader?: boolean;
  /** Name shown in error messages (the file path). */
  source?: string;
}

const MAX_BYTES = 200 * 1024 * 1024;

export async function readCsvFile(path: string, options: ReadCsvOptions = {}): Promise<CsvTable> {
  return parseCsvText(await readCsvText(path), { source: path, ...options });
}

/** The text of a CSV file (UTF-8 with or without BOM, or UTF-16), refused past 200 MB. */
export async function readCsvText(path: string): Promise<string> {
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
  return decodeCsvBytes(buffer, path);
}

export function detectDelimiter(text: string): ',' | ';' | '\t' {
  // Every character outside quotes is counted; only the three delimiters' counts are read.
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of firstRecordLine(text)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  const comma = counts.get(',') ?? 0;
  const semicolon = counts.get(';') ?? 0;
  const tab = counts.get('\t') ?? 0;
  if (tab > comma && tab > semicolon) return '\t';
  return semicolon > comma ? ';' : ',';
}

/** The first line (a BOM in front is neither a delimiter nor a quote, so it may stay). */
function firstRecordLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
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
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, csv-parse throws only CsvError objects, which always carry lines
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number((error as { lines: unknown }).lines) : null;
    // Stryker disable next-line Regex: equivalent, csv-parse puts this prefix only at the start
    const reason = error instanceof Error ? error.message.replace(/^Invalid Record Length: /, '') : String(error);
    throw new InspectorError(
      'invalid-csv',
      // Stryker disable next-line StringLiteral: the '' branch never runs (every csv-parse error has a line)
      `${source} is not valid CSV${line ? ` at line ${line}` : ''}: ${reason}. Fix the file (quotes must be closed, every row needs the same number of columns); nothing was done.`,
      { file: source, line },
    );
  }
  if (records.length === 0) {
    throw new InspectorError('invalid-csv', `${source} is empty; nothing was done.`, { file: source });
  }
  // Stryker disable next-line ArrayDeclaration: never used, records is not empty here
  const first = records[0] ?? [];
  // Stryker disable next-line StringLiteral: 'data' and '' are both "not a header" and both certain
  const verdict = options.hasHeader === undefined ? headerVerdict(first, options.column) : options.hasHeader ? 'header' : 'data';
  const hasHeader = verdict === 'header';
  const headers = hasHeader ? first.map((h) => h.trim()) : first.map((_, i) => String(i + 1));
  const dataStart = hasHeader ? 1 : 0;
  const rows = records.slice(dataStart);
  const lines = lineNumbers(text, delimiter).slice(dataStart, dataStart + rows.length);
  // Every row has the first row's width: csv-parse refuses any other (relax_column_count: false).
  const table = { headers, hasHeader, headerCertain: verdict !== 'unsure', firstRow: first, delimiter, rows, lines };
  if (options.column !== undefined) columnIndex(table, options.column, source);
  return table;
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
  // Stryker disable next-line BooleanLiteral: equivalent, set at the start of each record before it is read
  let recordHasContent = false;
  // Stryker disable next-line EqualityOperator: equivalent, one more turn can only add a line number past the last record, which the caller drops
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
    // A line break reaching here is quoted, so its record already has content (the quote).
    if (ch !== '\r') recordHasContent = true;
  }
  // A last record without content (a trailing "\r") may leave one number past the last record:
  // the caller keeps one number per parsed record.
  return result;
}

export interface ColumnValues {
  /** The chosen column's header (or number); null while the file has several and none was named. */
  column: string | null;
  values: string[];
}

/**
 * The values of one column: `column` by name or 1-based number, or the only column of a
 * one-column file. An empty cell is an error naming its line (a blank would match nobody, or worse).
 */
export function columnValues(table: CsvTable, column: string | undefined, source: string): ColumnValues {
  const index = column !== undefined ? columnIndex(table, column, source) : table.headers.length === 1 ? 0 : -1;
  if (index === -1) return { column: null, values: [] };
  // Stryker disable next-line ArithmeticOperator: never used, the index is one of the headers'
  const name = table.headers[index] ?? String(index + 1);
  // Stryker disable next-line StringLiteral: never used, every row has every column
  const values = table.rows.map((row) => (row[index] ?? '').trim());
  const blank = values.findIndex((v) => v === '');
  if (blank !== -1) {
    // Stryker disable next-line StringLiteral: the '?' is never used, every row has a line number
    throw new InspectorError('invalid-csv', `${source} line ${table.lines[blank] ?? '?'} has an empty ${table.hasHeader ? `"${name}"` : `column ${name}`}; fix the file. Nothing was done.`, { file: source, line: table.lines[blank] ?? null });
  }
  return { column: name, values };
}

// An IdP export as the comparison reads it: a CSV whose first line names its columns. The key
// column and the tenant attribute it holds are the admin's choice, offered from the file's own
// header row with a guess; a file without a header, or a column it does not have, is refused
// with what was wrong and what to do, before any tenant is read.

import { InspectorError } from '../../../shared/errors';
import { IDP_MATCHES, type IdpMatch } from '../../../shared/audit';
import { columnIndex, parseCsvText, readCsvText, type CsvTable } from '../csv/read';
import { headerVerdict } from '../csv/header';

const norm = (column: string): string => column.toLowerCase().replace(/[\s_-]/g, '');

/** The tenant attribute a column's name suggests (a guess the admin can change), or null. */
export function inferMatch(column: string): IdpMatch | null {
  const c = norm(column);
  if (c.includes('mail')) return c.includes('primary') ? 'primaryEmail' : 'email';
  if (c === 'username' || c === 'upn' || c === 'userprincipalname' || c === 'login' || c === 'loginname' || c === 'samaccountname') return 'userName';
  if (c === 'externalid' || c === 'objectid' || c === 'id' || c.includes('guid') || c === 'immutableid') return 'externalId';
  return null;
}

export function isIdpMatch(value: string): value is IdpMatch {
  return (IDP_MATCHES as readonly string[]).includes(value);
}

/**
 * Parses the IdP export; its first line must be a header. `key` (a column name or 1-based number)
 * is checked when given.
 */
export function readIdpTable(text: string, source: string, key?: string): CsvTable {
  const table = parseCsvText(text, { source, hasHeader: true });
  const first = table.firstRow;
  // A first line of values (an email, an id, a number) and no column name the product knows.
  if (headerVerdict(first) === 'data' && (key === undefined || !first.some((c) => c.trim().toLowerCase() === key.trim().toLowerCase()))) {
    const shown = first.map((c) => `"${c.length > 40 ? `${c.slice(0, 40)}…` : c}"`).join(', ');
    throw new InspectorError('invalid-csv', `${source} has no header row: line 1 (${shown}) holds values, not column names. Add a first line naming the columns (for example mail,department) and choose the key column from it; nothing was compared.`, { file: source, line: 1 });
  }
  if (first.some((c) => c.trim() === '')) {
    const blank = first.findIndex((c) => c.trim() === '') + 1;
    throw new InspectorError('invalid-csv', `${source} has a header row with no name for column ${blank}; name every column on line 1 and try again; nothing was compared.`, { file: source, line: 1, column: blank });
  }
  if (key !== undefined) columnIndex(table, key, source);
  return table;
}

/** readIdpTable over a file (the CLI's --idp-csv). */
export async function readIdpFile(path: string, key: string): Promise<CsvTable> {
  return readIdpTable(await readCsvText(path), path, key);
}

export interface IdpFileInfo {
  headers: string[];
  /** Data rows (the header excluded). */
  rows: number;
  /** The key column and attribute guessed from the header names (null: no column says). */
  guess: { column: string; match: IdpMatch } | null;
  /** The first rows, for the admin to see what the columns hold. */
  preview: string[][];
}

/** Guess order: an email column, then a userName column, then an id column. */
const GUESS_ORDER: IdpMatch[] = ['primaryEmail', 'email', 'userName', 'externalId'];

export function describeIdpTable(table: CsvTable, previewRows = 3): IdpFileInfo {
  const guesses = table.headers.flatMap((column) => {
    const match = inferMatch(column);
    return match === null ? [] : [{ column, match }];
  });
  guesses.sort((a, b) => GUESS_ORDER.indexOf(a.match) - GUESS_ORDER.indexOf(b.match));
  return { headers: table.headers, rows: table.rows.length, guess: guesses[0] ?? null, preview: table.rows.slice(0, previewRows) };
}

// Is the first row of a CSV a header or the first record? Guessing wrong either way is costly: a
// data row taken for a header silently drops a leaver (who then stays active), a header taken for
// data is looked up as a user. So the guess is only made when the row settles it — a known column
// name, or a value no header holds (an email, a number, an id) — and otherwise reported as unsure
// for the admin to decide.

export type HeaderVerdict = 'header' | 'data' | 'unsure';

const norm = (cell: string): string => cell.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Column names HR, IdP and SCIM exports use for people (compared without case or punctuation). */
const KNOWN_COLUMNS = new Set(
  [
    'id', 'userid', 'username', 'user', 'users', 'login', 'loginname', 'account', 'accountname', 'samaccountname', 'uid',
    'email', 'emails', 'emailaddress', 'mail', 'primaryemail', 'workemail', 'upn', 'userprincipalname',
    'externalid', 'objectid', 'employeeid', 'employeenumber', 'personid', 'guid', 'immutableid',
    'name', 'displayname', 'fullname', 'givenname', 'familyname', 'firstname', 'lastname', 'surname',
    'active', 'status', 'department', 'title', 'manager', 'value', 'values',
  ].map(norm),
);

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** A cell no header row would hold: an email, a number, a GUID, an id with several digits. */
function looksLikeValue(cell: string): boolean {
  const value = cell.trim();
  if (value.includes('@') || /^\d+$/.test(value) || UUID.test(value)) return true;
  return /^\S+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 3;
}

/**
 * The verdict on `first`. `column`, when named (not a number), settles it: a header holds that
 * name. Otherwise a known column name says header, a value says data, and anything else is unsure.
 */
export function headerVerdict(first: readonly string[], column?: string): HeaderVerdict {
  if (column !== undefined && !/^\d+$/.test(column.trim())) {
    return first.some((cell) => cell.trim().toLowerCase() === column.trim().toLowerCase()) ? 'header' : 'data';
  }
  if (first.some((cell) => KNOWN_COLUMNS.has(norm(cell)))) return 'header';
  if (first.some(looksLikeValue)) return 'data';
  return 'unsure';
}

/** How the first row was read, in words, for the admin ("which row was the header?"). */
export function describeHeader(table: { hasHeader: boolean; firstRow: readonly string[]; lines: readonly number[] }, source: string): string {
  const shown = (c: string): string => (c.length > 40 ? `${c.slice(0, 40)}…` : c);
  const row = table.firstRow.map((c) => `"${shown(c)}"`).join(', ');
  if (table.hasHeader) return `${source}: line 1 (${row}) is the header; values start at line ${table.lines[0] ?? 2}.`;
  return `${source} has no header row: line 1 (${row}) is a value.`;
}

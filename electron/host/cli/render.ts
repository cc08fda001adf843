// Human renderings of the result documents (without --json): the cells and last line of the
// listing's table (written in blocks by table-stream.ts). Readable in a terminal, and nothing a
// script should parse — scripts use --json.

import type { ResourceKind, ScimResource } from '../../../shared/scim';

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // Newlines (multiline titles exist) would break the columns, and escape sequences in a
  // tenant's data must never reach the admin's terminal as commands.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

function primaryEmail(r: ScimResource): string {
  const emails = Array.isArray(r.emails) ? (r.emails as unknown[]) : [];
  const rec = emails.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null);
  const primary = rec.find((e) => e.primary === true) ?? rec[0];
  return cell(primary?.value);
}

export function resourceRows(resources: readonly ScimResource[], kind: ResourceKind): { headers: string[]; rows: string[][] } {
  if (kind === 'Users') {
    return {
      headers: ['id', 'userName', 'displayName', 'email', 'active', 'externalId'],
      rows: resources.map((r) => [cell(r.id), cell(r.userName), cell(r.displayName), primaryEmail(r), cell(r.active), cell(r.externalId)]),
    };
  }
  return {
    headers: ['id', 'displayName', 'members', 'externalId'],
    rows: resources.map((r) => [cell(r.id), cell(r.displayName), Array.isArray(r.members) ? String(r.members.length) : '', cell(r.externalId)]),
  };
}

/** The human table's last line: how many, and whether the listing was verified complete. */
export function listFooter(doc: { complete: boolean; count: number; reportedTotal: number | null }, kind: ResourceKind): string {
  const total = doc.reportedTotal !== null ? `, server reports ${doc.reportedTotal}` : '';
  return `${doc.count} ${kind.toLowerCase()}${total}; ${doc.complete ? 'complete' : 'NOT verified complete'}`;
}

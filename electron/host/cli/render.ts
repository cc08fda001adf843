// Human renderings of the result documents (without --json). Plain aligned columns: readable in a
// terminal, and nothing a script should parse — scripts use --json.

import type { ResourceKind, ScimResource } from '../../../shared/scim';

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // Newlines (multiline titles exist) would break the columns, and escape sequences in a
  // tenant's data must never reach the admin's terminal as commands.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const fmt = (r: readonly string[]): string => r.map((c, i) => (c.length > (widths[i] ?? 0) ? `${c.slice(0, (widths[i] ?? 1) - 1)}…` : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [fmt(headers), ...rows.map(fmt)].join('\n');
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

export function renderList(doc: { complete: boolean; count: number; reportedTotal: number | null; Resources: ScimResource[] }, kind: ResourceKind): string {
  const { headers, rows } = resourceRows(doc.Resources, kind);
  const total = doc.reportedTotal !== null ? `, server reports ${doc.reportedTotal}` : '';
  return `${table(headers, rows)}\n\n${doc.count} ${kind.toLowerCase()}${total}; ${doc.complete ? 'complete' : 'NOT verified complete'}\n`;
}

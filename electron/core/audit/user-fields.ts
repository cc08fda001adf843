// Reading the attributes audits and exports care about from normalised resources.

import { memberIdsOf, SCHEMAS, type MultiValued, type ScimGroup, type ScimUser } from '../../../shared/scim';

export function emailsOf(user: ScimUser): MultiValued[] {
  return Array.isArray(user.emails) ? user.emails.filter((e) => typeof e?.value === 'string') : [];
}

export function primaryEmails(user: ScimUser): string[] {
  return emailsOf(user).filter((e) => e.primary === true).map((e) => e.value as string);
}

/** The primary email, or the only email when the user has exactly one. */
export function primaryEmail(user: ScimUser, emails: MultiValued[] = emailsOf(user)): string | null {
  const primaries = emails.filter((e) => e.primary === true);
  if (primaries.length >= 1) return primaries[0]?.value ?? null;
  return emails.length === 1 ? (emails[0]?.value ?? null) : null;
}

export function enterpriseOf(user: ScimUser): Record<string, unknown> {
  const ext = user[SCHEMAS.enterpriseUser];
  return typeof ext === 'object' && ext !== null ? (ext as Record<string, unknown>) : {};
}

export function isInactive(user: ScimUser): boolean {
  return user.active === false;
}

export function memberIds(group: ScimGroup): string[] {
  return memberIdsOf(group);
}

/** Value of a user attribute by a dotted path as admins name columns: name.givenName, emails, department... */
export function userAttribute(user: ScimUser, path: string): string {
  return userColumn(path)(user);
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Finds a key case-insensitively (RFC 7643 §2.1); exact spelling first, as servers mostly use it. */
function field(record: unknown, key: string, lower: string): unknown {
  if (typeof record !== 'object' || record === null) return undefined;
  const r = record as Record<string, unknown>;
  if (key in r) return r[key];
  for (const k in r) if (k.toLowerCase() === lower) return r[k];
  return undefined;
}

/**
 * A reader for one export column, resolved once per column rather than per cell: exports read
 * every column of 100k users.
 */
export function userColumn(path: string): (user: ScimUser) => string {
  const key = path.trim();
  const lower = key.toLowerCase();
  if (lower === 'email' || lower === 'primaryemail') return (u) => primaryEmail(u) ?? '';
  if (lower === 'emails') return (u) => emailsOf(u).map((e) => e.value).join('; ');
  if (lower === 'groups') return (u) => (Array.isArray(u.groups) ? u.groups.map((g) => g.display ?? g.value ?? '').join('; ') : '');
  if (lower === 'active') return (u) => text(u.active);
  if (lower === 'manager') return (u) => text((enterpriseOf(u).manager as { value?: unknown } | undefined)?.value);
  if (['department', 'costcenter', 'organization', 'division', 'employeenumber'].includes(lower)) {
    return (u) => text(field(enterpriseOf(u), key, lower));
  }
  if (lower === 'givenname' || lower === 'familyname') {
    const sub = lower === 'givenname' ? 'givenName' : 'familyName';
    return (u) => text(field(u.name, sub, lower));
  }
  const parts = key.split('.').map((p) => [p, p.toLowerCase()] as const);
  return (u) => {
    let current: unknown = u;
    for (const [part, partLower] of parts) current = field(current, part, partLower);
    return text(current);
  };
}

// Reading the attributes audits and exports care about from normalised resources.

import { SCHEMAS, type MultiValued, type ScimGroup, type ScimUser } from '../../../shared/scim';

export function emailsOf(user: ScimUser): MultiValued[] {
  return Array.isArray(user.emails) ? user.emails.filter((e) => typeof e?.value === 'string') : [];
}

export function primaryEmails(user: ScimUser): string[] {
  return emailsOf(user).filter((e) => e.primary === true).map((e) => e.value as string);
}

/** The primary email, or the only email when the user has exactly one. */
export function primaryEmail(user: ScimUser): string | null {
  const emails = emailsOf(user);
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
  return Array.isArray(group.members) ? group.members.map((m) => m?.value).filter((v): v is string => typeof v === 'string') : [];
}

/** Value of a user attribute by a dotted path as admins name columns: name.givenName, emails, department... */
export function userAttribute(user: ScimUser, path: string): string {
  const key = path.trim();
  const lower = key.toLowerCase();
  if (lower === 'email' || lower === 'primaryemail') return primaryEmail(user) ?? '';
  if (lower === 'emails') return emailsOf(user).map((e) => e.value).join('; ');
  if (lower === 'groups') return Array.isArray(user.groups) ? user.groups.map((g) => g.display ?? g.value ?? '').join('; ') : '';
  const ent = enterpriseOf(user);
  if (lower === 'manager') return String((ent.manager as { value?: unknown } | undefined)?.value ?? '');
  if (['department', 'costcenter', 'organization', 'division', 'employeenumber'].includes(lower)) {
    const hit = Object.keys(ent).find((k) => k.toLowerCase() === lower);
    return hit ? String(ent[hit] ?? '') : '';
  }
  if (lower === 'givenname' || lower === 'familyname') return String((user.name as Record<string, unknown> | undefined)?.[lower === 'givenname' ? 'givenName' : 'familyName'] ?? '');
  let current: unknown = user;
  for (const part of key.split('.')) {
    if (typeof current !== 'object' || current === null) return '';
    const record = current as Record<string, unknown>;
    const hit = Object.keys(record).find((k) => k.toLowerCase() === part.toLowerCase());
    current = hit === undefined ? undefined : record[hit];
  }
  if (current === undefined || current === null) return '';
  return typeof current === 'object' ? JSON.stringify(current) : String(current);
}

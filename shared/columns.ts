// The columns of the users and groups tables and how each cell's text is taken from a resource.
// Cells are extracted once per resource when its page arrives (columnar storage), never per render.

import type { ResourceKind, ScimResource } from './scim';

export const USER_COLUMNS = ['userName', 'displayName', 'emails', 'active', 'externalId', 'groups', 'title', 'lastModified'] as const;
export const GROUP_COLUMNS = ['displayName', 'externalId', 'members', 'lastModified'] as const;
export type UserColumn = (typeof USER_COLUMNS)[number];
export type GroupColumn = (typeof GROUP_COLUMNS)[number];
export type Column = UserColumn | GroupColumn;
/** A grid column: a fixed one, or an extra attribute column named by its SCIM path (attribute-columns.ts). */
export type ColumnId = Column | (string & {});

export const COLUMN_LABELS: Record<Column, string> = {
  userName: 'User name',
  displayName: 'Display name',
  emails: 'Emails',
  active: 'Active',
  externalId: 'External id',
  groups: 'Groups',
  title: 'Title',
  lastModified: 'Last modified',
  members: 'Members',
};

export function columnsOf(kind: ResourceKind): readonly Column[] {
  return kind === 'Users' ? USER_COLUMNS : GROUP_COLUMNS;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function multiValues(value: unknown, key: 'value' | 'display'): string {
  if (!Array.isArray(value)) return '';
  const out: string[] = [];
  for (const item of value) {
    if (typeof item === 'object' && item !== null) {
      const v = text((item as Record<string, unknown>)[key]) || text((item as Record<string, unknown>).value);
      if (v) out.push(v);
    }
  }
  return out.join(', ');
}

/** The text of one cell; "groups" is filled in later from group membership when the server omits it. */
export function cellText(resource: ScimResource, column: Column): string {
  switch (column) {
    case 'emails':
      return multiValues(resource.emails, 'value');
    case 'groups':
      return multiValues(resource.groups, 'display');
    case 'active':
      return resource.active === true ? 'yes' : resource.active === false ? 'no' : '';
    case 'lastModified':
      return text(resource.meta?.lastModified);
    case 'members':
      return Array.isArray(resource.members) ? String(resource.members.length) : '0';
    default:
      return text(resource[column]);
  }
}

/** Columns whose text goes into the quick-search index (lower-cased once per row). */
export const SEARCHED: Record<ResourceKind, readonly Column[]> = {
  Users: ['userName', 'displayName', 'emails', 'externalId', 'title'],
  Groups: ['displayName', 'externalId'],
};

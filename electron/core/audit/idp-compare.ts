// Comparing the tenant with the IdP's own export: who would be orphaned after the cutover
// (in the tenant, not in the IdP), who would be created (in the IdP, not in the tenant) and whose
// mapped attributes differ.

import { InspectorError } from '../../../shared/errors';
import type { Finding } from '../../../shared/audit';
import type { ScimUser } from '../../../shared/scim';
import { columnIndex, type CsvTable } from '../csv/read';
import { CompactStringSet } from '../scim/compact-strings';
import { userAttribute } from './user-fields';

export type IdpMatch = 'email' | 'userName' | 'externalId';

export interface IdpComparison {
  table: CsvTable;
  /** The IdP CSV column holding the key. */
  keyColumn: string;
  /** Which tenant attribute the key is (default: inferred from the column name). */
  match?: IdpMatch;
  source?: string;
}

/** IdP export column names (lower-case, no spaces) → the tenant attribute they mean. */
const MAPPED_COLUMNS: Record<string, string> = {
  displayname: 'displayName',
  givenname: 'givenName',
  firstname: 'givenName',
  familyname: 'familyName',
  lastname: 'familyName',
  surname: 'familyName',
  title: 'title',
  jobtitle: 'title',
  department: 'department',
  active: 'active',
  accountenabled: 'active',
  email: 'email',
  mail: 'email',
  username: 'userName',
  userprincipalname: 'userName',
  externalid: 'externalId',
};

export function inferMatch(column: string): IdpMatch | null {
  const c = column.toLowerCase().replace(/[\s_-]/g, '');
  if (c.includes('mail')) return 'email';
  if (c === 'username' || c === 'upn' || c === 'userprincipalname' || c === 'login') return 'userName';
  if (c === 'externalid' || c === 'objectid' || c === 'id' || c.includes('guid') || c === 'immutableid') return 'externalId';
  return null;
}

function tenantKey(user: ScimUser, match: IdpMatch): string {
  return userAttribute(user, match === 'email' ? 'email' : match).trim().toLowerCase();
}

function normalise(attribute: string, value: string): string {
  const v = value.trim();
  if (attribute === 'active') return /^(true|1|yes|enabled)$/i.test(v) ? 'true' : /^(false|0|no|disabled)$/i.test(v) ? 'false' : v.toLowerCase();
  return v.toLowerCase();
}

export interface IdpTotals {
  notInIdp: number;
  notInTenant: number;
  attributeDrift: number;
  notes: string[];
}

/**
 * Compares users one at a time as an audit streams them (findings go to `emit` as found); the
 * tenant's keys are kept in a compact set for the not-in-tenant pass at the end. The IdP export
 * itself is held (it is the admin's file, read before the tenant).
 */
export class IdpMatcher {
  private readonly source: string;
  private readonly match: IdpMatch;
  private readonly mapped: { index: number; attribute: string }[];
  private readonly idpRows = new Map<string, string[]>();
  private readonly tenantKeys = new CompactStringSet();
  private readonly notes: string[] = [];
  private notInIdp = 0;
  private drift = 0;

  constructor(private readonly idp: IdpComparison) {
    this.source = idp.source ?? 'the IdP CSV';
    const keyIndex = columnIndex(idp.table, idp.keyColumn, this.source);
    const match = idp.match ?? inferMatch(idp.keyColumn);
    if (match === null) {
      throw new InspectorError('usage', `Cannot tell which user attribute the IdP column "${idp.keyColumn}" holds; name an email, userName or externalId column.`, { column: idp.keyColumn });
    }
    this.match = match;
    this.mapped = idp.table.headers
      .map((h, i) => ({ index: i, attribute: MAPPED_COLUMNS[h.toLowerCase().replace(/[\s_-]/g, '')] }))
      .filter((m): m is { index: number; attribute: string } => m.attribute !== undefined && m.index !== keyIndex);
    idp.table.rows.forEach((row, i) => {
      const key = (row[keyIndex] ?? '').trim().toLowerCase();
      if (key === '') this.notes.push(`${this.source} line ${idp.table.lines[i] ?? '?'} has an empty ${idp.keyColumn}; skipped.`);
      else this.idpRows.set(key, row);
    });
  }

  user(user: ScimUser, emit: (finding: Finding) => void): void {
    const { match, source } = this;
    const key = tenantKey(user, match);
    if (key === '') {
      this.notInIdp += 1;
      emit({ code: 'not-in-idp', severity: 'high', resourceType: 'User', id: user.id, detail: `${user.userName} has no ${match} to match on: the IdP cannot claim it after the cutover` });
      return;
    }
    this.tenantKeys.add(key);
    const row = this.idpRows.get(key);
    if (!row) {
      this.notInIdp += 1;
      emit({ code: 'not-in-idp', severity: 'high', resourceType: 'User', id: user.id, detail: `${user.userName} (${match} ${key}) is not in ${source}: it would be orphaned after the cutover` });
      return;
    }
    for (const { index, attribute } of this.mapped) {
      const idpValue = row[index] ?? '';
      const tenantValue = userAttribute(user, attribute);
      if (idpValue.trim() === '' && tenantValue.trim() === '') continue;
      if (normalise(attribute, idpValue) !== normalise(attribute, tenantValue)) {
        this.drift += 1;
        emit({ code: 'attribute-drift', severity: 'low', resourceType: 'User', id: user.id, detail: `${user.userName}: ${attribute} is "${tenantValue}" in the tenant, "${idpValue}" in the IdP` });
      }
    }
  }

  /** The IdP records no tenant user matched (call after the last user). */
  finish(emit: (finding: Finding) => void): IdpTotals {
    let notInTenant = 0;
    for (const [key] of this.idpRows) {
      if (this.tenantKeys.has(key)) continue;
      notInTenant += 1;
      emit({ code: 'not-in-tenant', severity: 'medium', resourceType: 'IdpRecord', id: key, detail: `${this.match} ${key} is in ${this.source} but not in the tenant: it would be created` });
    }
    return { notInIdp: this.notInIdp, notInTenant, attributeDrift: this.drift, notes: this.notes };
  }
}

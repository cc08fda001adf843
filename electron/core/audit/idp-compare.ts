// Comparing the tenant with the IdP's own export: who would be orphaned after the cutover
// (in the tenant, not in the IdP), who would be created (in the IdP, not in the tenant) and whose
// mapped attributes differ. Matching follows the core resolver's rules (resolve/match.ts) and its
// exactly-one rule: a user and an IdP record are compared only when each names the other alone;
// two or more are reported (idp-ambiguous), never guessed. "Not in the tenant" is said only over a
// verified-complete listing; "not in the IdP" (the findings leavers are deactivated from) only when
// no key of the user, in any letter case, is in the IdP's file.

import { InspectorError } from '../../../shared/errors';
import { IDP_MATCH_LABELS, type Finding, type IdpMatch, type IdpSummary } from '../../../shared/audit';
import type { ScimUser } from '../../../shared/scim';
import { columnIndex, type CsvTable } from '../csv/read';
import { userAttribute } from './user-fields';
import { inferMatch } from './idp-file';
import { IdpEvidence, idpKey, tenantValues } from './idp-evidence';

export type { IdpMatch } from '../../../shared/audit';
export { inferMatch } from './idp-file';

export interface IdpComparison {
  table: CsvTable;
  /** The IdP CSV column holding the key. */
  keyColumn: string;
  /** Which tenant attribute the key is compared with (default: guessed from the column name). */
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

/**
 * The keys a tenant user answers to, with the resolver's rules (resolve/match.ts): userName and
 * emails case-insensitive, every email of the user (not only the primary one: a user whose IdP
 * mail is a second address is still that person), externalId exact as RFC 7643 says.
 */
function tenantKeys(user: ScimUser, match: IdpMatch): string[] {
  return [...new Set(tenantValues(user, match).map((v) => idpKey(match, v)))];
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
  /** Users not compared because they and the IdP's records do not name each other one to one. */
  ambiguous: number;
  notes: string[];
  summary: IdpSummary;
}

/** One IdP key: its row (the first), the file lines holding it, and the tenant users that claimed it. */
interface IdpRecord {
  row: string[];
  lines: number[];
  /** How many tenant users matched it, and the first one (label, id) for the ambiguity finding. */
  claims: number;
  first: string;
}

/**
 * Compares users one at a time as an audit streams them (findings go to `emit` as found). Only the
 * IdP export is held (it is the admin's file, read before the tenant), with which tenant users
 * claimed each of its records, for the not-in-tenant pass at the end.
 */
export class IdpMatcher {
  private readonly source: string;
  private readonly match: IdpMatch;
  private readonly mapped: { index: number; attribute: string }[];
  private readonly records = new Map<string, IdpRecord>();
  /** IdP keys folded to lower case → the key as written (externalId is case-exact; see user()). */
  private readonly folded = new Map<string, string>();
  private readonly notes: string[] = [];
  private readonly evidence: IdpEvidence;
  private notInIdp = 0;
  private drift = 0;
  private ambiguous = 0;

  constructor(private readonly idp: IdpComparison) {
    this.source = idp.source ?? 'the IdP CSV';
    const keyIndex = columnIndex(idp.table, idp.keyColumn, this.source);
    const match = idp.match ?? inferMatch(idp.keyColumn);
    if (match === null) {
      throw new InspectorError('usage', `Cannot tell which user attribute the IdP column "${idp.keyColumn}" holds; name an email, userName or externalId column.`, { column: idp.keyColumn });
    }
    this.match = match;
    this.evidence = new IdpEvidence(match, this.source, idp.keyColumn);
    this.mapped = idp.table.headers
      .map((h, i) => ({ index: i, attribute: MAPPED_COLUMNS[h.toLowerCase().replace(/[\s_-]/g, '')] }))
      .filter((m): m is { index: number; attribute: string } => m.attribute !== undefined && m.index !== keyIndex);
    idp.table.rows.forEach((row, i) => {
      const line = idp.table.lines[i] ?? 0;
      const key = idpKey(match, row[keyIndex] ?? '');
      if (key === '') {
        this.notes.push(`${this.source} line ${line || '?'} has an empty ${idp.keyColumn}; skipped.`);
        return;
      }
      const known = this.records.get(key);
      if (known) known.lines.push(line);
      else {
        this.records.set(key, { row, lines: [line], claims: 0, first: '' });
        this.evidence.record(key, row[keyIndex] ?? '', line);
      }
      this.folded.set(key.toLowerCase(), key);
    });
    for (const [key, record] of this.records) {
      if (record.lines.length > 1) this.notes.push(`${this.source} has ${idp.keyColumn} ${key} on ${record.lines.length} lines (${record.lines.join(', ')}); users with it are reported ambiguous, not compared.`);
    }
  }

  user(user: ScimUser, emit: (finding: Finding) => void): void {
    const { match, source } = this;
    const label = IDP_MATCH_LABELS[match];
    const keys = tenantKeys(user, match);
    const who = `${user.userName} (${user.id})`;
    const ambiguous = (detail: string): void => {
      this.ambiguous += 1;
      emit({ code: 'idp-ambiguous', severity: 'high', resourceType: 'User', id: user.id, detail });
    };
    if (keys.length === 0) {
      this.evidence.user(user, []);
      this.notInIdp += 1;
      emit({ code: 'not-in-idp', severity: 'high', resourceType: 'User', id: user.id, detail: `${user.userName} has no ${label} to match on: the IdP cannot claim it after the cutover` });
      return;
    }
    const hits = keys.flatMap((key) => {
      const record = this.records.get(key);
      return record ? [{ key, record }] : [];
    });
    this.evidence.user(user, hits.map((h) => h.key));
    if (hits.length === 0) {
      // externalId is case-exact (RFC 7643), but an IdP that exports GUIDs in the other case is
      // common: such a user is neither matched nor said to be missing from the IdP.
      const other = match === 'externalId' ? this.folded.get((keys[0] as string).toLowerCase()) : undefined;
      if (other !== undefined) {
        this.claim(other, who);
        ambiguous(`${who}: externalId ${keys[0]} is in ${source} only in another letter case (${other}); externalId is case-exact, so it was not compared`);
        return;
      }
      this.notInIdp += 1;
      emit({ code: 'not-in-idp', severity: 'high', resourceType: 'User', id: user.id, detail: `${user.userName} (${label} ${keys.join(', ')}) is not in ${source}: it would be orphaned after the cutover` });
      return;
    }
    const firsts = hits.map(({ key }) => this.claim(key, who));
    if (hits.length > 1) {
      ambiguous(`${who} matches ${hits.length} records of ${source} (${match} ${hits.map((h) => h.key).join(', ')}); not compared`);
      return;
    }
    const [{ key, record }] = hits as [{ key: string; record: IdpRecord }];
    if (record.lines.length > 1) {
      ambiguous(`${who}: ${match} ${key} is on ${record.lines.length} lines of ${source} (${record.lines.join(', ')}); not compared`);
      return;
    }
    if (firsts[0] !== null) {
      ambiguous(`${who} and ${firsts[0]} both match ${match} ${key} of ${source}; ${who} was not compared`);
      return;
    }
    for (const { index, attribute } of this.mapped) {
      const idpValue = record.row[index] ?? '';
      const tenantValue = userAttribute(user, attribute);
      if (idpValue.trim() === '' && tenantValue.trim() === '') continue;
      if (normalise(attribute, idpValue) !== normalise(attribute, tenantValue)) {
        this.drift += 1;
        emit({ code: 'attribute-drift', severity: 'low', resourceType: 'User', id: user.id, detail: `${user.userName}: ${attribute} is "${tenantValue}" in the tenant, "${idpValue}" in the IdP` });
      }
    }
  }

  /** Marks an IdP record as claimed by `who`; the user that claimed it first, if another did. */
  private claim(key: string, who: string): string | null {
    const record = this.records.get(key) as IdpRecord;
    record.claims += 1;
    if (record.claims === 1) {
      record.first = who;
      return null;
    }
    return record.first;
  }

  /**
   * The IdP records no tenant user matched (call after the last user). Over a listing that was not
   * verified complete they are not said to be missing from the tenant: only counted in a note.
   * `emit` answers true when the caller wants a pause (the generator yields there, see
   * Auditor.finishPaced).
   */
  *finishing(emit: (finding: Finding) => boolean, complete = true): Generator<void, IdpTotals, void> {
    let notInTenant = 0;
    let unseen = 0;
    for (const [key, record] of this.records) {
      if (record.claims > 0) continue;
      if (!complete) {
        unseen += 1;
        continue;
      }
      notInTenant += 1;
      if (emit({ code: 'not-in-tenant', severity: 'medium', resourceType: 'IdpRecord', id: key, detail: `${this.match} ${key} is in ${this.source} but not in the tenant: it would be created` })) yield;
    }
    if (unseen > 0) {
      this.notes.push(`${unseen} record(s) of ${this.source} matched no user of a listing that was not verified complete; whether they are in the tenant is unknown, so none is reported "not in the tenant". Run the audit again.`);
    }
    const summary = this.evidence.summary((key) => (this.records.get(key)?.claims ?? 0) > 0);
    return { notInIdp: this.notInIdp, notInTenant, attributeDrift: this.drift, ambiguous: this.ambiguous, notes: this.notes, summary };
  }
}

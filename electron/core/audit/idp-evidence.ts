// Why the IdP comparison said what it said. Beside the chosen attribute, every user is also looked
// up in the IdP's key column by the other attributes (userName, primary email, any email,
// externalId), so a wrong choice shows at once ("0 of 415 users matched on any email; 415 would
// match on userName"), and a few matched and unmatched rows are kept with the tenant value each
// was compared with. Only the IdP file's keys are held (the admin's file), never the users.

import { IDP_MATCHES, IDP_MATCH_LABELS, type IdpMatch, type IdpMatchedRow, type IdpSummary, type IdpUnmatchedRow, type IdpUnmatchedUser } from '../../../shared/audit';
import type { ScimUser } from '../../../shared/scim';
import { matchKey } from '../resolve/match';
import { emailsOf, primaryEmail } from './user-fields';

/** Rows of each kind kept as evidence. */
export const EVIDENCE_ROWS = 5;

/** The tenant values of `match` a user answers to, as written (trimmed, empty ones dropped). */
export function tenantValues(user: ScimUser, match: IdpMatch): string[] {
  let values: unknown[];
  if (match === 'email') values = emailsOf(user).map((e) => e.value);
  else if (match === 'primaryEmail') values = [primaryEmail(user)];
  else values = [user[match]];
  return [...new Set(values.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v !== ''))];
}

/** The comparison key of a value of `match` (resolver rules: externalId exact, the rest any case). */
export function idpKey(match: IdpMatch, value: string): string {
  return matchKey(match === 'primaryEmail' ? 'email' : match, value);
}

interface Entry {
  /** The key of the record under the chosen attribute. */
  key: string;
  line: number;
  value: string;
  /** Bit i: some user matched it on IDP_MATCHES[i]. */
  mask: number;
  /** The first user matching it on an attribute other than the chosen one. */
  other: IdpUnmatchedRow['wouldMatch'] | null;
}

export class IdpEvidence {
  private readonly entries: Entry[] = [];
  private readonly folded = new Map<string, Entry>();
  private readonly exact = new Map<string, Entry>();
  private readonly users = new Array<number>(IDP_MATCHES.length).fill(0);
  private compared = 0;
  private readonly matched: IdpMatchedRow[] = [];
  private readonly unmatchedUsers: IdpUnmatchedUser[] = [];

  constructor(
    private readonly match: IdpMatch,
    private readonly source: string,
    private readonly keyColumn: string,
  ) {}

  /** One IdP record (its first line) under its chosen-attribute key. */
  record(key: string, value: string, line: number): void {
    const entry: Entry = { key, line, value: value.trim(), mask: 0, other: null };
    this.entries.push(entry);
    if (!this.folded.has(entry.value.toLowerCase())) this.folded.set(entry.value.toLowerCase(), entry);
    if (!this.exact.has(entry.value)) this.exact.set(entry.value, entry);
  }

  private find(match: IdpMatch, value: string): Entry | undefined {
    return match === 'externalId' ? this.exact.get(value) : this.folded.get(value.toLowerCase());
  }

  /** A tenant user: looked up by every attribute; `hitKeys` are the chosen attribute's matches. */
  user(user: ScimUser, hitKeys: readonly string[]): void {
    this.compared += 1;
    const userName = typeof user.userName === 'string' ? user.userName : '';
    IDP_MATCHES.forEach((match, i) => {
      let hit = false;
      for (const value of tenantValues(user, match)) {
        const entry = this.find(match, value);
        if (!entry) continue;
        hit = true;
        entry.mask |= 1 << i;
        if (match !== this.match && entry.other === null) entry.other = { match, id: user.id, userName };
      }
      if (hit) this.users[i] = (this.users[i] ?? 0) + 1;
    });
    const values = tenantValues(user, this.match);
    if (hitKeys.length > 0) {
      if (this.matched.length >= EVIDENCE_ROWS) return;
      const key = hitKeys[0] as string;
      const entry = this.entries.find((e) => e.key === key);
      const tenantValue = values.find((v) => idpKey(this.match, v) === key) ?? key;
      this.matched.push({ line: entry?.line ?? 0, value: entry?.value ?? key, id: user.id, userName, tenantValue });
    } else if (this.unmatchedUsers.length < EVIDENCE_ROWS) {
      this.unmatchedUsers.push({ id: user.id, userName, compared: values });
    }
  }

  /** After the last user: `claimed` says which chosen-attribute keys some user matched. */
  summary(claimed: (key: string) => boolean): IdpSummary {
    const unmatchedRows: IdpUnmatchedRow[] = [];
    for (const entry of this.entries) {
      if (unmatchedRows.length >= EVIDENCE_ROWS) break;
      if (claimed(entry.key)) continue;
      unmatchedRows.push({ line: entry.line, value: entry.value, ...(entry.other ? { wouldMatch: entry.other } : {}) });
    }
    const byAttribute = IDP_MATCHES.map((match, i) => ({ match, users: this.users[i] ?? 0, records: this.entries.filter((e) => (e.mask & (1 << i)) !== 0).length }));
    return {
      source: this.source,
      keyColumn: this.keyColumn,
      match: this.match,
      records: this.entries.length,
      users: this.compared,
      byAttribute,
      matched: this.matched,
      unmatchedUsers: this.unmatchedUsers,
      unmatchedRows,
      hint: this.hint(byAttribute),
    };
  }

  private hint(byAttribute: IdpSummary['byAttribute']): string | null {
    if (this.compared === 0 || this.entries.length === 0) return null;
    const chosen = byAttribute.find((a) => a.match === this.match) ?? { users: 0 };
    const best = [...byAttribute].sort((a, b) => b.users - a.users)[0];
    const on = `${this.keyColumn} of ${this.source}`;
    if (best && best.match !== this.match && best.users > chosen.users) {
      return `${chosen.users} of ${this.compared} tenant users matched ${on} on ${IDP_MATCH_LABELS[this.match]}; ${best.users} would match on ${IDP_MATCH_LABELS[best.match]}. Choose "${IDP_MATCH_LABELS[best.match]}" as the tenant attribute and run again.`;
    }
    if (chosen.users === 0) {
      return `None of the ${this.compared} tenant users matched ${on} on userName, primary email, any email or externalId: check that ${this.keyColumn} is the column holding the users' keys.`;
    }
    return null;
  }
}

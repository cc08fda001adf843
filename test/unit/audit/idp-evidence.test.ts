// Issue 17: the IdP comparison says what it matched on and why. A CSV of userNames in a `mail`
// column compared with emails gave every user "not in IdP" and no hint; now the summary counts
// what each tenant attribute would match, names the better one, and keeps sample rows with the
// tenant value each was compared with. A file without a header or without the column is refused.
import { describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../../electron/core/audit/audit';
import { describeIdpTable, readIdpTable } from '../../../electron/core/audit/idp-file';
import { SNAPSHOT_FORMAT, type AuditResult, type IdpMatch, type Snapshot } from '../../../shared/audit';
import { SCHEMAS, type ScimUser } from '../../../shared/scim';

function user(i: number, extra: Partial<ScimUser> = {}): ScimUser {
  return { schemas: [SCHEMAS.user], id: `u${i}`, userName: `user${i}`, externalId: `ext-${i}`, active: true, emails: [{ value: `person${i}@corp.example`, primary: true }], ...extra };
}

function audit(users: ScimUser[], csv: string, keyColumn: string, match?: IdpMatch): AuditResult {
  const snapshot: Snapshot = { format: SNAPSHOT_FORMAT, version: 1, takenAt: '2026-11-20T00:00:00Z', baseUrl: 'http://127.0.0.1/scim/v2', complete: true, warnings: [], discovery: null, users, groups: [] };
  return auditSnapshot(snapshot, { idp: { table: readIdpTable(csv, 'idp.csv', keyColumn), keyColumn, source: 'idp.csv', ...(match ? { match } : {}) } });
}

const USERS = Array.from({ length: 40 }, (_, i) => user(i));
// The file: the IdP's userNames, in a column named `mail`, in upper case.
const USERNAMES_IN_MAIL = ['mail,department', ...USERS.map((u) => `${String(u.userName).toUpperCase()},Ops`)].join('\n');

describe('IdP comparison evidence', () => {
  it('userNames in a mail column matched on email: 0 of 40 matched, and says 40 would match on userName', () => {
    const result = audit(USERS, USERNAMES_IN_MAIL, 'mail');
    expect(result.counts.notInIdp).toBe(40);
    const idp = result.idp;
    expect(idp).toBeDefined();
    if (!idp) return;
    expect(idp.match).toBe('email');
    expect(idp.records).toBe(40);
    expect(idp.users).toBe(40);
    expect(Object.fromEntries(idp.byAttribute.map((a) => [a.match, [a.users, a.records]]))).toEqual({ userName: [40, 40], primaryEmail: [0, 0], email: [0, 0], externalId: [0, 0] });
    expect(idp.hint).toBe('0 of 40 tenant users matched mail of idp.csv on any email; 40 would match on userName. Choose "userName" as the tenant attribute and run again.');
    // Why: each unmatched user with the values that were looked for, each unmatched row with the
    // user it would match on another attribute.
    expect(idp.matched).toEqual([]);
    expect(idp.unmatchedUsers[0]).toEqual({ id: 'u0', userName: 'user0', compared: ['person0@corp.example'] });
    expect(idp.unmatchedUsers).toHaveLength(5);
    expect(idp.unmatchedRows[0]).toEqual({ line: 2, value: 'USER0', wouldMatch: { match: 'userName', id: 'u0', userName: 'user0' } });
  });

  it('the same file matched on userName: every user found, with the tenant value each equalled', () => {
    const result = audit(USERS, USERNAMES_IN_MAIL, 'mail', 'userName');
    expect(result.counts.notInIdp).toBe(0);
    expect(result.counts.notInTenant).toBe(0);
    expect(result.idp?.hint).toBeNull();
    expect(result.idp?.matched[0]).toEqual({ line: 2, value: 'USER0', id: 'u0', userName: 'user0', tenantValue: 'user0' });
    expect(result.idp?.unmatchedUsers).toEqual([]);
    expect(result.idp?.unmatchedRows).toEqual([]);
    expect(result.findings.find((f) => f.code === 'not-in-idp')).toBeUndefined();
  });

  it('primary email is stricter than any email: a second address is not-in-idp on primary, and the hint says so', () => {
    const users = [user(1, { emails: [{ value: 'one@corp.example', primary: true }, { value: 'One.Alias@corp.example' }] }), user(2, { emails: [{ value: 'two@corp.example', primary: true }] })];
    const csv = 'email\none.alias@corp.example\ntwo@corp.example\n';
    const primary = audit(users, csv, 'email', 'primaryEmail');
    expect(primary.findings.filter((f) => f.code === 'not-in-idp').map((f) => f.id)).toEqual(['u1']);
    expect(primary.findings.find((f) => f.code === 'not-in-idp')?.detail).toMatch(/\(primary email one@corp\.example\) is not in idp\.csv/);
    expect(primary.idp?.hint).toMatch(/^1 of 2 tenant users matched email of idp\.csv on primary email; 2 would match on any email\./);
    expect(primary.idp?.unmatchedRows).toEqual([{ line: 2, value: 'one.alias@corp.example', wouldMatch: { match: 'email', id: 'u1', userName: 'user1' } }]);
    const any = audit(users, csv, 'email', 'email');
    expect(any.counts.notInIdp).toBe(0);
    expect(any.idp?.hint).toBeNull();
  });

  it('a column matching nothing on any attribute says to check the column', () => {
    const result = audit(USERS.slice(0, 3), 'mail,department\nOps,x\nSales,y\n', 'mail');
    expect(result.idp?.hint).toBe('None of the 3 tenant users matched mail of idp.csv on userName, primary email, any email or externalId: check that mail is the column holding the users\' keys.');
  });

  it('refuses a file without a header row, a column it does not have and a header with a blank name', () => {
    expect(() => readIdpTable('ana@x.com,Ops\nbo@x.com,Ops\n', 'idp.csv')).toThrow(/idp\.csv has no header row: line 1 \("ana@x\.com", "Ops"\) holds values, not column names/);
    expect(() => readIdpTable('mail,department\nana@x.com,Ops\n', 'idp.csv', 'email')).toThrow('Column "email" is not in idp.csv: its columns are: mail, department.');
    expect(() => readIdpTable('mail,,department\nana@x.com,1,Ops\n', 'idp.csv')).toThrow(/no name for column 2/);
  });

  it('offers the header row with a guessed key column and attribute, and the first rows', () => {
    const info = describeIdpTable(readIdpTable('Department,UPN,Mail,objectId\nOps,ana,ana@x.com,g1\nHR,bo,bo@x.com,g2\n', 'idp.csv'));
    expect(info.headers).toEqual(['Department', 'UPN', 'Mail', 'objectId']);
    expect(info.rows).toBe(2);
    expect(info.guess).toEqual({ column: 'Mail', match: 'email' });
    expect(info.preview[0]).toEqual(['Ops', 'ana', 'ana@x.com', 'g1']);
    expect(describeIdpTable(readIdpTable('login,title\nana,Eng\n', 'idp.csv')).guess).toEqual({ column: 'login', match: 'userName' });
    expect(describeIdpTable(readIdpTable('name,title\nAna,Eng\n', 'idp.csv')).guess).toBeNull();
  });
});

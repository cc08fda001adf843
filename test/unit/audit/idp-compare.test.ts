// The IdP comparison follows the core resolver's rules (issue 13): a user is "not in the IdP" (the
// finding leavers are deactivated from) only when no key of theirs is in the IdP's file, in any
// letter case and on any of their emails; an IdP record is "not in the tenant" only over a
// verified-complete listing; and a user and a record are compared only when each names the other
// alone — two or more are reported (idp-ambiguous), never guessed.
import { describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../../electron/core/audit/audit';
import { parseCsvText } from '../../../electron/core/csv/read';
import { SNAPSHOT_FORMAT, type AuditResult, type Snapshot } from '../../../shared/audit';
import { SCHEMAS, type ScimUser } from '../../../shared/scim';

function user(id: string, userName: string, extra: Partial<ScimUser> = {}): ScimUser {
  return { schemas: [SCHEMAS.user], id, userName, externalId: `ext-${id}`, active: true, emails: [{ value: userName, primary: true }], ...extra };
}

function audit(users: ScimUser[], csv: string, keyColumn: string, complete = true): AuditResult {
  const snapshot: Snapshot = { format: SNAPSHOT_FORMAT, version: 1, takenAt: '2026-11-20T00:00:00Z', baseUrl: 'http://127.0.0.1/scim/v2', complete, warnings: [], discovery: null, users, groups: [] };
  return auditSnapshot(snapshot, { idp: { table: parseCsvText(csv, { column: keyColumn }), keyColumn } });
}

const ids = (result: AuditResult, code: string): string[] => result.findings.filter((f) => f.code === code).map((f) => f.id);

describe('IdP comparison on the resolver rules', () => {
  it('a user whose IdP mail is their second email, in another case, is that person: neither orphaned nor to be created', () => {
    const ana = user('u1', 'ana@x.com', { emails: [{ value: 'ana@x.com', primary: true }, { value: 'Ana.Silva@X.com', type: 'other' }], displayName: 'Ana' });
    const result = audit([ana, user('u2', 'bo@x.com')], 'mail,displayName\nana.silva@x.com,Ana\nbo@x.com,\n', 'mail');
    expect(ids(result, 'not-in-idp')).toEqual([]);
    expect(ids(result, 'not-in-tenant')).toEqual([]);
    expect(result.counts.notInIdp).toBe(0);
    expect(result.counts.notInTenant).toBe(0);
    expect(result.counts.idpAmbiguous).toBe(0);
  });

  it('a userName key matches in any letter case', () => {
    const result = audit([user('u1', 'Ana.Silva@x.com')], 'userName\nana.silva@X.COM\n', 'userName');
    expect(result.counts.notInIdp).toBe(0);
    expect(result.counts.notInTenant).toBe(0);
  });

  it('over a listing not verified complete, an unmatched IdP record is not said to be missing from the tenant', () => {
    const users = [user('u1', 'ana@x.com')];
    const csv = 'mail\nana@x.com\nnew@x.com\n';
    expect(ids(audit(users, csv, 'mail'), 'not-in-tenant')).toEqual(['new@x.com']);
    const short = audit(users, csv, 'mail', false);
    expect(ids(short, 'not-in-tenant')).toEqual([]);
    expect(short.counts.notInTenant).toBe(0);
    expect(short.notes.join(' ')).toMatch(/1 record\(s\) of the IdP CSV matched no user of a listing that was not verified complete/);
  });

  it('two users answering to one IdP record: the second is reported ambiguous, not compared', () => {
    const users = [user('u1', 'ana@x.com', { displayName: 'Ana' }), user('u2', 'ANA@x.com', { displayName: 'Other' })];
    const result = audit(users, 'mail,displayName\nana@x.com,Ana\n', 'mail');
    expect(ids(result, 'idp-ambiguous')).toEqual(['u2']);
    expect(result.findings.find((f) => f.code === 'idp-ambiguous')?.detail).toMatch(/ANA@x.com \(u2\) and ana@x.com \(u1\) both match email ana@x.com/);
    expect(ids(result, 'attribute-drift')).toEqual([]);
    expect(result.counts.idpAmbiguous).toBe(1);
    expect(result.counts.notInTenant).toBe(0);
  });

  it('a user whose two emails are two IdP records, or whose key the file repeats, is reported ambiguous', () => {
    const two = user('u1', 'ana@x.com', { emails: [{ value: 'ana@x.com', primary: true }, { value: 'a2@x.com' }] });
    const result = audit([two, user('u2', 'bo@x.com', { displayName: 'Bo' })], 'mail,displayName\nana@x.com,\na2@x.com,\nbo@x.com,Bo\nBO@x.com,Robert\n', 'mail');
    expect(ids(result, 'idp-ambiguous')).toEqual(['u1', 'u2']);
    expect(ids(result, 'attribute-drift')).toEqual([]);
    expect(result.counts.notInIdp).toBe(0);
    expect(result.counts.notInTenant).toBe(0);
    expect(result.notes.join(' ')).toMatch(/mail bo@x.com on 2 lines \(4, 5\)/);
  });

  it('externalId is case-exact: another case is neither a match nor "not in the IdP"', () => {
    const users = [user('u1', 'ana@x.com', { externalId: 'AB-12' }), user('u2', 'bo@x.com', { externalId: 'cd-34', title: 'Eng' })];
    const result = audit(users, 'externalId,title\nab-12,\ncd-34,Sales\n', 'externalId');
    expect(ids(result, 'idp-ambiguous')).toEqual(['u1']);
    expect(ids(result, 'attribute-drift')).toEqual(['u2']);
    expect(result.counts.notInIdp).toBe(0);
    expect(result.counts.notInTenant).toBe(0);
  });
});

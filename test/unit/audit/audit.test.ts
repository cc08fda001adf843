import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../../electron/core/audit/audit';
import { saveSnapshot, loadSnapshot, validateSnapshot } from '../../../electron/core/audit/snapshot';
import { exportCsv } from '../../../electron/core/audit/exports';
import { parseCsvText } from '../../../electron/core/csv/read';
import { SNAPSHOT_FORMAT, type Snapshot } from '../../../shared/audit';
import { SCHEMAS, type ScimGroup, type ScimUser } from '../../../shared/scim';
import { testDir } from '../../support/temp-dir';

function user(id: string, userName: string, extra: Partial<ScimUser> = {}): ScimUser {
  return {
    schemas: [SCHEMAS.user],
    id,
    userName,
    externalId: `ext-${id}`,
    active: true,
    emails: [{ value: userName, primary: true }],
    meta: { lastModified: '2026-11-01T00:00:00Z' },
    ...extra,
  };
}

function snapshotOf(users: ScimUser[], groups: ScimGroup[]): Snapshot {
  return { format: SNAPSHOT_FORMAT, version: 1, takenAt: '2026-11-20T00:00:00Z', baseUrl: 'http://127.0.0.1/scim/v2', complete: true, warnings: [], discovery: null, users, groups };
}

const users = [
  user('u1', 'ana@x.com'),
  user('u2', 'Ana@X.com', { externalId: undefined }),
  user('u3', 'bo@x.com', { active: false, emails: [{ value: 'robert@x.com', primary: true }] }),
  user('u4', 'cy@x.com', { emails: [{ value: 'cy@x.com' }, { value: 'c2@x.com' }], title: '=HYPERLINK("http://evil")' }),
  user('u5', 'di@x.com', { emails: [{ value: 'di@x.com', primary: true }, { value: 'd2@x.com', primary: true }], meta: { lastModified: '2024-01-01T00:00:00Z' } }),
];
const groups: ScimGroup[] = [
  { schemas: [SCHEMAS.group], id: 'g1', displayName: 'Eng', members: [{ value: 'u1' }, { value: 'u2' }, { value: 'ghost' }] },
  { schemas: [SCHEMAS.group], id: 'g2', displayName: 'Empty', members: [] },
  { schemas: [SCHEMAS.group], id: 'g3', displayName: 'Nested', members: [{ value: 'g1' }, { value: 'u3' }] },
];

describe('auditSnapshot', () => {
  it('counts every planted problem exactly and names each resource', () => {
    const result = auditSnapshot(snapshotOf(users, groups));
    expect(result.counts).toEqual({
      users: 5, groups: 3, inactive: 1, missingExternalId: 1, duplicateUserNameSets: 1, emailUserNameMismatch: 1,
      noPrimaryEmail: 1, multiplePrimaryEmails: 1, emptyGroups: 1, danglingMembers: 1, usersInNoGroup: 2,
      formulaLikeValues: 1, staleUsers: 1,
    });
    const ids = (code: string) => result.findings.filter((f) => f.code === code).map((f) => f.id).sort();
    expect(ids('missing-external-id')).toEqual(['u2']);
    expect(ids('duplicate-username')).toEqual(['u1']);
    expect(result.findings.find((f) => f.code === 'duplicate-username')?.detail).toContain('u2');
    expect(ids('inactive-user')).toEqual(['u3']);
    expect(ids('email-username-mismatch')).toEqual(['u3']);
    expect(ids('no-primary-email')).toEqual(['u4']);
    expect(ids('multiple-primary-emails')).toEqual(['u5']);
    expect(ids('dangling-member')).toEqual(['g1']);
    expect(ids('empty-group')).toEqual(['g2']);
    expect(ids('user-in-no-group')).toEqual(['u4', 'u5']);
    expect(ids('formula-like-value')).toEqual(['u4']);
    expect(ids('stale-user')).toEqual(['u5']);
  });

  it('skips group checks, with a note, for a service without /Groups', () => {
    const snap = snapshotOf(users, []);
    snap.discovery = { baseUrl: '', serviceProviderConfig: null, resourceTypes: [], schemas: [], warnings: [], roundTripMs: 1,
      capabilities: { groups: false, patch: true, etag: false, sort: false, filter: true, pagination: 'index', maxPageSize: null, bulk: false } };
    const result = auditSnapshot(snap);
    expect(result.counts.usersInNoGroup).toBe(0);
    expect(result.notes.join(' ')).toMatch(/no \/Groups endpoint/);
  });

  it('compares with an IdP export: orphans, creations and attribute drift', () => {
    const table = parseCsvText('mail,displayName,department\nANA@x.com,Ana,\nbo@x.com,Bo,\nnew@x.com,New,Sales\n', { column: 'mail' });
    const withNames = users.map((u) => ({ ...u, displayName: u.id === 'u1' ? 'Ana' : u.id === 'u3' ? 'Robert' : undefined }));
    const result = auditSnapshot(snapshotOf(withNames, groups), { idp: { table, keyColumn: 'mail' } });
    // Matching is on the users' emails (any of them, any case): u3's is robert@x.com, so bo@x.com
    // is not in the tenant; u4's two emails and u5's are not in the IdP either.
    expect(result.findings.filter((f) => f.code === 'not-in-tenant').map((f) => f.id)).toEqual(['bo@x.com', 'new@x.com']);
    expect(result.counts.notInTenant).toBe(2);
    expect(result.findings.filter((f) => f.code === 'not-in-idp').map((f) => f.id)).toEqual(['u3', 'u4', 'u5']);
    expect(result.counts.notInIdp).toBe(3);
    // u2 collides with u1 on the key (case-insensitive): two users for one record is reported, never
    // compared as if it were the one (it was drift against the row before issue 13).
    expect(result.findings.filter((f) => f.code === 'attribute-drift').map((f) => f.id)).toEqual([]);
    expect(result.findings.filter((f) => f.code === 'idp-ambiguous').map((f) => f.id)).toEqual(['u2']);
    const byUserName = parseCsvText('userName,displayName\nbo@x.com,Bo\n', { column: 'userName' });
    const drift = auditSnapshot(snapshotOf(withNames, groups), { idp: { table: byUserName, keyColumn: 'userName' } });
    expect(drift.findings.filter((f) => f.code === 'attribute-drift').map((f) => f.id)).toEqual(['u3']);
  });
});

describe('snapshot files and exports', () => {
  it('saves and loads a snapshot, plain and gzipped, and rejects what is not one', async () => {
    const dir = await testDir('snap-');
    const snap = snapshotOf(users, groups);
    for (const name of ['s.json', 's.json.gz']) {
      await saveSnapshot(join(dir, name), snap);
      expect(await loadSnapshot(join(dir, name))).toEqual(snap);
    }
    expect((await readFile(join(dir, 's.json.gz')))[0]).toBe(0x1f);
    expect(() => validateSnapshot({ format: 'other' }, 'x.json')).toThrow(/x\.json is not a usable snapshot/);
    expect(() => validateSnapshot({ ...snap, version: 99 })).toThrow(/newer than this app/);
  });

  it('exports memberships one row per pair, flagging dangling members, and findings with the guard on', async () => {
    const dir = await testDir('exp-');
    const snap = snapshotOf(users, groups);
    const m = await exportCsv({ snapshot: snap }, { kind: 'memberships', file: join(dir, 'm.csv') });
    expect(m.rows).toBe(5);
    const rows = parse(await readFile(join(dir, 'm.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.memberId === 'ghost')?.dangling).toBe('true');
    expect(rows.find((r) => r.memberId === 'g1')?.memberType).toBe('Group');
    const u = await exportCsv({ snapshot: snap }, { kind: 'users', file: join(dir, 'u.csv'), columns: ['id', 'email', 'emails', 'title'] });
    expect(u.rows).toBe(5);
    const userRows = parse(await readFile(join(dir, 'u.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(userRows[3]).toEqual({ id: 'u4', email: '', emails: 'cy@x.com; c2@x.com', title: "'=HYPERLINK(\"http://evil\")" });
    const audit = auditSnapshot(snap);
    const f = await exportCsv({ audit }, { kind: 'findings', file: join(dir, 'f.csv') });
    expect(f.rows).toBe(audit.findings.length);
    await expect(exportCsv({}, { kind: 'findings', file: join(dir, 'x.csv') })).rejects.toThrow(/needs an audit/);
  });

  it('exports findings with id, userName and primary email in their own columns', async () => {
    const dir = await testDir('exp-');
    const audit = auditSnapshot(snapshotOf(users, groups));
    await exportCsv({ audit }, { kind: 'findings', file: join(dir, 'f.csv') });
    const text = await readFile(join(dir, 'f.csv'), 'utf8');
    expect(text.split('\r\n')[0]).toBe('code,severity,resourceType,id,userName,email,detail');
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const of = (code: string, id: string) => rows.find((r) => r.code === code && r.id === id);
    // A user finding names the user; the email is the primary one, not the userName.
    expect(of('email-username-mismatch', 'u3')).toMatchObject({ resourceType: 'User', userName: 'bo@x.com', email: 'robert@x.com' });
    expect(of('stale-user', 'u5')).toMatchObject({ userName: 'di@x.com', email: 'di@x.com' });
    expect(of('no-primary-email', 'u4')).toMatchObject({ userName: 'cy@x.com', email: '' });
    expect(of('missing-external-id', 'u2')).toMatchObject({ userName: 'Ana@X.com', email: 'Ana@X.com' });
    // Checks made after all users are in keep only userNames (memory stays constant per user).
    expect(of('duplicate-username', 'u1')).toMatchObject({ userName: 'ana@x.com', email: '' });
    expect(of('user-in-no-group', 'u4')).toMatchObject({ userName: 'cy@x.com', email: '' });
    // Group findings name no user.
    expect(of('empty-group', 'g2')).toMatchObject({ resourceType: 'Group', userName: '', email: '' });
  });
});

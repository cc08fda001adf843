// Table exports through dispatch(): the rows a table shows, sent in chunks, written by main to
// the file the host chose (formula guard on, header as sent), refused when a row does not fit the
// header, and nothing left behind when cancelled; a host that only saves strings gets the content.
// "Deactivate these N users" plans from an audit finding held in main, only on its own tenant.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditView } from '../../../shared/channels/audit';
import type { PlannedRun } from '../../../shared/channels/deactivate';
import { featureContext, value } from './features-context';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.reverse()) await close();
  closers = [];
});

async function exportsDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'scim-table-export-'));
  closers.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('table exports', () => {
  it('writes the chunks it is sent, in order, with the formula guard, to the file the host chose', async () => {
    const dir = await exportsDir();
    const f = await featureContext(5, { streamTo: dir });
    closers.push(f.close);
    const { exportId } = value<{ exportId: string }>(await f.call('tableExport.begin', { profileId: 'sandbox', kind: 'Users', scope: 'selection', header: ['id', 'User name', 'Title'] }));
    const rows = Array.from({ length: 4_500 }, (_, i) => [`u${i}`, `user${i}@x.test`, i === 7 ? '=HYPERLINK("x")' : 'Engineer']);
    for (let i = 0; i < rows.length; i += 2_000) value(await f.call('tableExport.rows', { exportId, rows: rows.slice(i, i + 2_000) }));
    const done = value<{ saved: boolean; path: string; rows: number }>(await f.call('tableExport.end', { exportId }));
    expect(done).toMatchObject({ saved: true, rows: 4_500 });
    expect(done.path).toMatch(/scim-users-selection-.*\.csv$/);
    const lines = readFileSync(done.path, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(4_501);
    expect(lines[0]).toBe('id,User name,Title');
    expect(lines[1]).toBe('u0,user0@x.test,Engineer');
    expect(lines[8]).toBe(`u7,user7@x.test,"'=HYPERLINK(""x"")"`);
    expect(lines[4_500]).toBe('u4499,user4499@x.test,Engineer');
    // The export is closed: another chunk is refused.
    expect(await f.call('tableExport.rows', { exportId, rows: [['a', 'b', 'c']] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses a row that does not fit the header and a chunk over the limit, leaving no file', async () => {
    const dir = await exportsDir();
    const f = await featureContext(5, { streamTo: dir });
    closers.push(f.close);
    const { exportId } = value<{ exportId: string }>(await f.call('tableExport.begin', { profileId: 'sandbox', kind: 'Groups', scope: 'view', header: ['id', 'Display name'] }));
    expect(await f.call('tableExport.rows', { exportId, rows: Array.from({ length: 2_001 }, () => ['a', 'b']) })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const bad = await f.call('tableExport.rows', { exportId, rows: [['g1', 'One'], ['g2']] });
    expect(bad.ok ? '' : bad.error.message).toMatch(/Row 2 has 1 cells, the header 2/);
    expect(readdirSync(dir)).toEqual([]);
    const { exportId: second } = value<{ exportId: string }>(await f.call('tableExport.begin', { profileId: 'sandbox', kind: 'Groups', scope: 'view', header: ['id'] }));
    value(await f.call('tableExport.rows', { exportId: second, rows: [['g1']] }));
    expect(value<{ cancelled: boolean }>(await f.call('tableExport.cancel', { exportId: second }))).toEqual({ cancelled: true });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('starts the file with a UTF-8 BOM when the admin chose "For Excel" (table and audit exports), and not otherwise', async () => {
    const dir = await exportsDir();
    const f = await featureContext(5, { streamTo: dir });
    closers.push(f.close);
    const tableFile = async (bom: boolean | undefined): Promise<Buffer> => {
      const { exportId } = value<{ exportId: string }>(await f.call('tableExport.begin', { profileId: 'sandbox', kind: 'Users', scope: 'view', header: ['id', 'Display name'], bom }));
      value(await f.call('tableExport.rows', { exportId, rows: [['u1', 'Inés Παπαδόπουλος']] }));
      return readFileSync(value<{ path: string }>(await f.call('tableExport.end', { exportId })).path);
    };
    const excel = await tableFile(true);
    expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(excel.subarray(3).toString('utf8')).toBe('id,Display name\r\nu1,Inés Παπαδόπουλος\r\n');
    expect(excel.subarray(0, 2).toString('latin1')).not.toBe('id');
    expect((await tableFile(undefined)).subarray(0, 2).toString('latin1')).toBe('id');

    const view = value<AuditView>(await f.call('audit.run', { profileId: 'sandbox', operationId: 'bom' }));
    for (const kind of ['findings', 'users'] as const) {
      const saved = value<{ path: string }>(await f.call('audit.export', { auditId: view.auditId, kind, bom: true }));
      expect([...readFileSync(saved.path).subarray(0, 3)], kind).toEqual([0xef, 0xbb, 0xbf]);
    }
  });

  it('hands the content to saveFile on a host without a save path', async () => {
    const f = await featureContext(5);
    closers.push(f.close);
    const { exportId } = value<{ exportId: string }>(await f.call('tableExport.begin', { profileId: 'sandbox', kind: 'Users', scope: 'view', header: ['id'] }));
    value(await f.call('tableExport.rows', { exportId, rows: [['u1'], ['u2']] }));
    expect(value(await f.call('tableExport.end', { exportId }))).toMatchObject({ saved: true, rows: 2 });
    expect(f.saved[0]?.content).toBe('id\r\nu1\r\nu2\r\n');
    expect(existsSync(join(f.dataDir, 'tmp')) ? readdirSync(join(f.dataDir, 'tmp')) : []).toEqual([]);
  });
});

describe('deactivating the users of a finding', () => {
  it('plans exactly the finding users, looked up by id, and only on the audit tenant', async () => {
    const a = await featureContext(60);
    const b = await featureContext(10, { vendor: 'mindtickle', dataDir: a.dataDir });
    closers.push(a.close, b.close);
    const audit = value<AuditView>(await a.call('audit.run', { profileId: 'sandbox', operationId: 'find-a' }));
    // The largest user finding of the seeded tenant (one finding per user for these codes).
    const group = audit.groups.filter((g) => g.sample[0]?.resourceType === 'User' && g.code !== 'duplicate-username').sort((x, y) => y.count - x.count)[0];
    expect(group?.count).toBeGreaterThan(1);
    const { plan } = value<PlannedRun>(await a.call('deactivate.plan', { profileId: 'sandbox', finding: { auditId: audit.auditId, code: group?.code } }));
    const planned = plan.targets.length + plan.skipped.length + plan.unresolved.length + plan.refused.length;
    expect(planned).toBe(group?.count);
    expect(new Set([...plan.targets, ...plan.skipped].map((t) => t.id))).toEqual(new Set(plan.targets.map((t) => t.input).concat(plan.skipped.map((s) => s.input))));
    expect(plan.targets.every((t) => t.matchedBy.join() === 'id')).toBe(true);
    // A group finding names groups, not users.
    expect(await a.call('deactivate.plan', { profileId: 'sandbox', finding: { auditId: audit.auditId, code: 'empty-group' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // An audit of another tenant's snapshot is refused: its ids mean nothing here.
    const bAudit = value<AuditView>(await b.call('audit.run', { profileId: 'sandbox', operationId: 'find-b' }));
    const saved = value<{ name: string }>(await b.call('audit.saveSnapshot', { profileId: 'sandbox', auditId: bAudit.auditId, label: 'other' }));
    const offline = value<AuditView>(await a.call('audit.run', { profileId: 'sandbox', operationId: 'find-c', snapshot: saved.name }));
    const foreign = offline.groups.find((g) => g.sample[0]?.resourceType === 'User');
    expect(foreign).toBeDefined();
    const refused = await a.call('deactivate.plan', { profileId: 'sandbox', finding: { auditId: offline.auditId, code: foreign?.code } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused-unverifiable' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/cannot be deactivated from this profile/);
  });
});

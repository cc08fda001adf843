// The audit channels through dispatch() against the real sandbox: a live audit (counts, findings
// grouped by code, chart data), CSV exports through the host's saveFile, snapshot save/list/audit/diff.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditView, DiffView, SnapshotFile } from '../../../shared/channels/audit';
import { featureContext, value } from './features-context';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe('audit channels', () => {
  it('audits the live tenant with counts, grouped findings and chart data, and exports CSV', async () => {
    const f = await featureContext(120);
    close = f.close;
    const view = value<AuditView>(await f.call('audit.run', { profileId: 'sandbox', operationId: 'a1' }));
    expect(view.counts.users).toBe(120);
    expect(view.complete).toBe(true);
    expect(view.source).toEqual({ kind: 'live', profileId: 'sandbox' });
    const total = view.groups.reduce((n, g) => n + g.count, 0);
    expect(total).toBeGreaterThan(0);
    for (const g of view.groups) expect(g.sample.every((s) => s.code === g.code)).toBe(true);
    const inactive = view.groups.find((g) => g.code === 'inactive-user')?.count ?? 0;
    expect(inactive).toBe(view.counts.inactive);
    expect(view.lastModified.reduce((n, b) => n + b.count, 0)).toBe(120);
    expect(f.pushed.some((p) => p.event === 'progress' && (p.payload as { operationId: string }).operationId === 'a1')).toBe(true);

    const findings = value<{ saved: boolean; rows: number }>(await f.call('audit.export', { auditId: view.auditId, kind: 'findings' }));
    expect(findings).toMatchObject({ saved: true, rows: total });
    expect(f.saved[0]?.suggestedName).toMatch(/^scim-findings-.*\.csv$/);
    expect(f.saved[0]?.content.split('\r\n')[0]).toMatch(/code/);
    const users = value<{ rows: number }>(await f.call('audit.export', { auditId: view.auditId, kind: 'users' }));
    expect(users.rows).toBe(120);
    expect(f.saved[1]?.content).not.toMatch(/Bearer/);
  });

  it('streams an export to the path the host chooses when it offers one (no saveFile string)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'scim-stream-'));
    const f = await featureContext(50, { streamTo: out });
    close = async () => {
      await f.close();
      await rm(out, { recursive: true, force: true });
    };
    const view = value<AuditView>(await f.call('audit.run', { profileId: 'sandbox', operationId: 'a1' }));
    const saved = value<{ saved: boolean; path: string; rows: number }>(await f.call('audit.export', { auditId: view.auditId, kind: 'memberships', bom: true }));
    expect(saved.path.startsWith(out)).toBe(true);
    expect(f.saved).toEqual([]);
    const text = await readFile(saved.path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.trimEnd().split('\r\n')).toHaveLength(saved.rows + 1);
  });

  it('compares with an IdP export given as CSV text and rejects a malformed one with its line', async () => {
    const f = await featureContext(30);
    close = f.close;
    const first = value<AuditView>(await f.call('audit.run', { profileId: 'sandbox', operationId: 'a0' }));
    const users = await f.ctx.sessions.session('sandbox').then((s) => s.client.list('Users'));
    const names = users.Resources.slice(0, 5).map((u) => String(u.userName));
    const csv = ['userName,department', ...names.map((n) => `${n},Ops`), 'ghost@idp.test,Ops'].join('\n');
    const view = value<AuditView>(await f.call('audit.run', { profileId: 'sandbox', operationId: 'a1', idpCsv: csv, idpKey: 'userName' }));
    expect(view.counts.notInTenant).toBe(1);
    expect(view.counts.notInIdp).toBe(first.counts.users - 5);
    expect(view.groups.find((g) => g.code === 'not-in-tenant')?.sample[0]?.id).toBe('ghost@idp.test');
    const bad = await f.call('audit.run', { profileId: 'sandbox', operationId: 'a2', idpCsv: 'userName,department\nx,Ops\ny\n', idpKey: 'userName' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-csv' } });
    expect(bad.ok ? '' : bad.error.message).toMatch(/line 3/);
  });

  it('saves the snapshot, lists it, audits it offline and diffs two snapshots', async () => {
    const f = await featureContext(40);
    close = f.close;
    const first = value<AuditView>(await f.call('audit.run', { profileId: 'sandbox', operationId: 'a1' }));
    const a = value<SnapshotFile>(await f.call('audit.saveSnapshot', { profileId: 'sandbox', auditId: first.auditId, label: 'before' }));
    expect(a.name).toMatch(/^before-.*\.json\.gz$/);
    const second = value<AuditView>(await f.call('audit.run', { profileId: 'sandbox', operationId: 'a2' }));
    const b = value<SnapshotFile>(await f.call('audit.saveSnapshot', { profileId: 'sandbox', auditId: second.auditId, label: 'after' }));
    const list = value<{ snapshots: SnapshotFile[] }>(await f.call('audit.snapshots', { profileId: 'sandbox' })).snapshots;
    expect(list.map((s) => s.name).sort()).toEqual([a.name, b.name].sort());
    // Named by their label, tenant and time, not by a bare timestamp.
    expect(list.find((s) => s.name === a.name)).toMatchObject({ label: 'before', takenAt: first.takenAt, tenant: { name: 'Sandbox tenant (demo, rfc)', current: true } });
    const offline = value<AuditView>(await f.call('audit.run', { profileId: 'sandbox', operationId: 'a3', snapshot: a.name }));
    expect(offline.source).toEqual({ kind: 'snapshot', name: a.name });
    expect(offline.counts).toEqual(first.counts);
    const diff = value<DiffView>(await f.call('audit.diff', { a: a.name, b: b.name }));
    expect(diff).toMatchObject({ added: 0, removed: 0, changed: 0 });
    expect(await f.call('audit.diff', { a: '../x.json', b: b.name })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // The whole diff as CSV through the host, "For Excel" honoured; a path is refused.
    expect(value(await f.call('audit.exportDiff', { a: a.name, b: b.name, bom: true }))).toMatchObject({ saved: true, rows: 0 });
    const saved = f.saved.at(-1);
    expect(saved?.suggestedName).toMatch(/^scim-diff-.*\.csv$/);
    expect(saved?.content).toBe('\uFEFFchange,resourceType,id,name,field,before,after\r\n');
    expect(await f.call('audit.exportDiff', { a: a.name, b: '../x.json' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

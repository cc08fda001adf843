// Files that hold people's data are readable by their owner only: HAR, CSV exports, snapshots and
// journals written by browser mode (over its HTTP API, on the sandbox tenant) are 0600 in 0700
// folders the app owns, and exports land in the user's Downloads or, without one, the app's data
// folder — never a shared folder under /tmp that every local user can list.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/host/web';
import { raw, secretOf } from '../../unit/host/web-client';
import { featureContext, value } from '../../unit/host/features-context';
import type { PlannedRun, RunOutcome } from '../../../shared/channels/deactivate';
import type { ScimResource } from '../../../shared/scim';

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);
let home: string;
const hosts: WebHost[] = [];
const savedHome = process.env.HOME;
const savedMask = process.umask(0o022); // the common default: new files 0644, folders 0755

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'private-files-'));
});
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
  process.env.HOME = savedHome;
});
afterAll(() => {
  process.umask(savedMask);
  rmSync(home, { recursive: true, force: true });
});

async function host(name: string, options: { downloads: boolean }): Promise<{ host: WebHost; dataDir: string; userHome: string }> {
  const userHome = join(home, name);
  mkdirSync(userHome);
  if (options.downloads) mkdirSync(join(userHome, 'Downloads'));
  process.env.HOME = userHome; // os.homedir() reads it: where "the user's Downloads" is
  const dataDir = join(userHome, 'data');
  const h = await startWebHost({ dataDir, open: false, savedProfiles: false, sandboxUsers: 40, rendererDir: join(home, 'no-renderer') });
  hosts.push(h);
  return { host: h, dataDir, userHome };
}

async function call<T>(h: WebHost, channel: string, input: unknown): Promise<T> {
  const res = await raw(h.origin, `/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: h.origin, 'X-Inspector-Secret': secretOf(h.url) },
    body: JSON.stringify(input),
  });
  const body = JSON.parse(res.body) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.code ?? ''} ${body.error?.message ?? ''}`);
  return body.value as T;
}

describe('files with personal data (browser mode)', { timeout: 60_000 }, () => {
  it('without a Downloads folder, exports go to the data folder: 0600 files in 0700 folders; nothing under /tmp', async () => {
    const { host: h, dataDir } = await host('no-downloads', { downloads: false });
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('scim-inspector-exports'));
    await call(h, 'resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'l1', limit: 10 });
    const har = await call<{ path: string }>(h, 'requestLog.exportHar', { profileId: 'sandbox' });
    expect(dirname(har.path)).toBe(join(dataDir, 'exports'));
    expect(mode(har.path)).toBe('600');
    expect(mode(dirname(har.path))).toBe('700');

    const audit = await call<{ auditId: string }>(h, 'audit.run', { profileId: 'sandbox', operationId: 'a1' });
    const csv = await call<{ path: string }>(h, 'audit.export', { auditId: audit.auditId, kind: 'users' });
    expect(dirname(csv.path)).toBe(join(dataDir, 'exports'));
    expect(mode(csv.path)).toBe('600');
    const snapshot = await call<{ name: string }>(h, 'audit.saveSnapshot', { profileId: 'sandbox', auditId: audit.auditId });
    const snapshotFile = readdirSync(dataDir, { recursive: true, withFileTypes: true }).find((e) => e.name === snapshot.name);
    expect(snapshotFile).toBeDefined();
    const snapshotPath = join(snapshotFile?.parentPath ?? '', snapshot.name);
    expect(mode(snapshotPath)).toBe('600');
    expect(mode(dirname(snapshotPath))).toBe('700');

    expect(mode(dataDir)).toBe('700');
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('scim-inspector-exports'))).toEqual(before);
  });

  it("with a Downloads folder, exports go there as 0600 files (the folder itself is the user's)", async () => {
    const { host: h, userHome } = await host('downloads', { downloads: true });
    await call(h, 'resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'l1', limit: 10 });
    const har = await call<{ path: string }>(h, 'requestLog.exportHar', { profileId: 'sandbox' });
    expect(dirname(har.path)).toBe(join(userHome, 'Downloads'));
    expect(mode(har.path)).toBe('600');
    expect(mode(join(userHome, 'Downloads'))).toBe('755');
    expect(existsSync(join(userHome, 'data', 'exports'))).toBe(false);
  });

  it('a deactivation journal and the journals folder are private', async () => {
    const f = await featureContext(20);
    try {
      value(await f.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'l1', limit: 10 }));
      const users = (f.pushed.find((p) => p.event === 'resources.page')?.payload as { resources: ScimResource[] }).resources.filter((u) => u.active !== false).slice(0, 2);
      const { planId } = value<PlannedRun>(await f.call('deactivate.plan', { profileId: 'sandbox', inputs: users.map((u) => u.id) }));
      const run = value<RunOutcome>(await f.call('deactivate.execute', { planId, operationId: 'op1', confirmCount: 2 }));
      const journal = join(f.dataDir, 'journals', run.journalName ?? '');
      expect(mode(journal)).toBe('600');
      expect(mode(dirname(journal))).toBe('700');
      expect(readdirSync(dirname(journal)).filter((n) => n.includes('.lock'))).toEqual([]);
    } finally {
      await f.close();
    }
  });
});

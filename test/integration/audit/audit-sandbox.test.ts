// The audit against the sandbox tenant's planted data: every count exact, from a live snapshot
// taken through the real client over HTTP.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import type { PlantedData } from '../../../electron/core/sandbox';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { takeSnapshot, saveSnapshot, loadSnapshot } from '../../../electron/core/audit/snapshot';
import { auditSnapshot } from '../../../electron/core/audit/audit';
import { exportCsv } from '../../../electron/core/audit/exports';
import type { Snapshot } from '../../../shared/audit';
import { testDir } from '../../support/temp-dir';

let sandbox: SandboxHandle;
let client: ScimClient;
let planted: PlantedData;
let snapshot: Snapshot;

beforeAll(async () => {
  sandbox = await startSandbox({ vendor: 'rfc', users: 1500, seed: 42 });
  planted = sandbox.store.planted;
  client = createScimClient({ baseUrl: sandbox.url, token: () => sandbox.token });
  snapshot = await takeSnapshot(client);
});
afterAll(async () => {
  await client?.close();
  await sandbox?.close();
});

describe('audit of the sandbox tenant', () => {
  it('takes a complete snapshot with every user and group and full member lists', () => {
    expect(snapshot.complete).toBe(true);
    expect(snapshot.users).toHaveLength(planted.users);
    expect(snapshot.groups).toHaveLength(planted.groups);
    const dangling = snapshot.groups.find((g) => g.id === planted.danglingMember?.groupId);
    expect(dangling?.members?.some((m) => m.value === planted.danglingMember?.memberId)).toBe(true);
  });

  it('counts every planted problem exactly', () => {
    const { counts, findings } = auditSnapshot(snapshot);
    expect(counts.users).toBe(planted.users);
    expect(counts.groups).toBe(planted.groups);
    expect(counts.inactive).toBe(planted.inactiveUsers);
    expect(counts.missingExternalId).toBe(planted.usersWithoutExternalId);
    expect(counts.duplicateUserNameSets).toBe(planted.caseCollidingUserNames.length);
    expect(counts.emailUserNameMismatch).toBe(planted.emailDiffersFromUserName);
    expect(counts.emptyGroups).toBe(1);
    expect(findings.find((f) => f.code === 'empty-group')?.id).toBe(planted.emptyGroupId);
    expect(counts.danglingMembers).toBe(1);
    expect(findings.find((f) => f.code === 'dangling-member')?.detail).toContain(planted.danglingMember?.memberId ?? '?');
    const formulaUsers = new Set(findings.filter((f) => f.code === 'formula-like-value' && f.resourceType === 'User').map((f) => f.id));
    expect([...formulaUsers].sort()).toEqual([...planted.formulaLikeUserIds].sort());
    const formulaGroups = findings.filter((f) => f.code === 'formula-like-value' && f.resourceType === 'Group').map((f) => f.id);
    expect(formulaGroups).toEqual(planted.formulaLikeGroupId ? [planted.formulaLikeGroupId] : []);
  });

  it('gives the same audit from the saved snapshot, offline', async () => {
    const dir = await testDir('audit-');
    await saveSnapshot(join(dir, 's.json.gz'), snapshot);
    const stats = sandbox.stats().requests;
    const loaded = await loadSnapshot(join(dir, 's.json.gz'));
    expect(auditSnapshot(loaded)).toEqual(auditSnapshot(snapshot));
    expect(sandbox.stats().requests).toBe(stats);
    const written = await exportCsv({ snapshot: loaded }, { kind: 'users', file: join(dir, 'u.csv'), columns: ['id', 'userName', 'title'] });
    expect(written.rows).toBe(planted.users);
    const rows = parse(await readFile(join(dir, 'u.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    // The guard defuses every planted formula-like title in the export.
    for (const r of rows) expect(r.title ?? '').not.toMatch(/^[=+\-@]/);
  });

  it('skips group checks on a service without /Groups (mittr)', async () => {
    const mittr = await startSandbox({ vendor: 'mittr', users: 200, seed: 42 });
    const c = createScimClient({ baseUrl: mittr.url, token: () => mittr.token });
    try {
      const snap = await takeSnapshot(c);
      expect(snap.groups).toEqual([]);
      expect(snap.warnings.join(' ')).toMatch(/no \/Groups/);
      const result = auditSnapshot(snap);
      expect(result.counts.usersInNoGroup).toBe(0);
      expect(result.counts.inactive).toBe(mittr.store.planted.inactiveUsers);
    } finally {
      await c.close();
      await mittr.close();
    }
  });
});

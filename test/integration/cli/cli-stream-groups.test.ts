// Group work that streams (issue 15). `export groups` and `export memberships`, from a snapshot
// file or the live tenant, hold ids and names, never the tenant, and write byte for byte the CSV
// the whole-snapshot export wrote: the reference below is that export as it was, run on the same
// sandbox (planted dangling member and formula-like group name, plus groups nested both ways).
// `groups list --members --json|--ndjson` fills each page's groups listed without members before
// writing it, and prints what the collecting version printed.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { takeSnapshot } from '../../../electron/core/audit/snapshot';
import { memberIds } from '../../../electron/core/audit/user-fields';
import { writeCsvFile, type CsvCell } from '../../../electron/core/csv/write';
import type { Snapshot } from '../../../shared/audit';
import type { ScimResource } from '../../../shared/scim';
import { fetchMissingMembers } from '../../../electron/host/cli/commands/members';
import { toListDocument } from '../../../electron/host/cli/commands/list';
import { runCli } from './spawn-cli';

let sandbox: SandboxHandle;
let client: ScimClient;
let snapshot: Snapshot;
let dir: string;

/** The groups and memberships exports before they streamed (exports.ts at 19b0952). */
function referenceTables(s: Snapshot): Record<'groups' | 'memberships', { header: string[]; rows: CsvCell[][] }> {
  const users = new Map(s.users.map((u) => [u.id, u]));
  const groups = new Map(s.groups.map((g) => [g.id, g]));
  const memberships: CsvCell[][] = [];
  for (const g of s.groups) {
    for (const id of memberIds(g)) {
      const user = users.get(id);
      const group = groups.get(id);
      memberships.push([g.id, g.displayName, id, user ? 'User' : group ? 'Group' : '', user?.userName ?? group?.displayName ?? '', user || group ? 'false' : 'true']);
    }
  }
  return {
    groups: { header: ['id', 'displayName', 'externalId', 'memberCount', 'meta.lastModified'], rows: s.groups.map((g) => [g.id, g.displayName, g.externalId ?? '', memberIds(g).length, g.meta?.lastModified ?? '']) },
    memberships: { header: ['groupId', 'groupDisplayName', 'memberId', 'memberType', 'memberName', 'dangling'], rows: memberships },
  };
}

beforeAll(async () => {
  sandbox = await startSandbox({ vendor: 'rfc', users: 1500, seed: 42 });
  client = createScimClient({ baseUrl: sandbox.url, token: () => sandbox.token });
  const listed = await client.list('Groups');
  // Nested both ways: an early group holds a later one (known only after it is listed) and back.
  const [early, later] = [listed.Resources[4], listed.Resources[40]];
  if (!early || !later) throw new Error('the sandbox has too few groups');
  const add = (to: string, member: string): Promise<unknown> => client.patch('Groups', to, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'add', path: 'members', value: [{ value: member, type: 'Group' }] }] });
  await add(early.id, later.id);
  await add(later.id, early.id);
  snapshot = await takeSnapshot(client);
  dir = await mkdtemp(join(tmpdir(), 'cli-stream-exports-'));
});
afterAll(async () => {
  await client?.close();
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('streamed groups and memberships exports', () => {
  it('write the same CSV as the whole-snapshot export, from a snapshot file and from the live tenant', { timeout: 300_000 }, async () => {
    const reference = referenceTables(snapshot);
    expect(reference.memberships.rows.some((r) => r[3] === 'Group')).toBe(true);
    expect(reference.memberships.rows.some((r) => r[5] === 'true')).toBe(true);
    const env = { SANDBOX_TOKEN: sandbox.token };
    const conn = ['--url', sandbox.url, '--token-env', 'SANDBOX_TOKEN'];
    const file = join(dir, 'tenant.json.gz');
    const snap = await runCli(['snapshot', '--out', file, ...conn, '--json'], { env, timeoutMs: 60_000 });
    expect(snap.code, snap.stderr).toBe(0);
    const runs: [kind: 'groups' | 'memberships', source: string[]][] = [
      ['groups', ['--snapshot', file]],
      ['memberships', ['--snapshot', file]],
      ['memberships', conn],
    ];
    for (const [kind, source] of runs) {
      const out = join(dir, `${kind}-${source[0] ?? ''}.csv`);
      const expected = join(dir, `${kind}-reference.csv`);
      const rows = await writeCsvFile(expected, reference[kind].header, reference[kind].rows);
      const cli = await runCli(['export', kind, ...source, '--out', out, '--json'], { env, timeoutMs: 60_000 });
      expect(cli.code, cli.stderr).toBe(0);
      expect(JSON.parse(cli.stdout)).toEqual({ rows, file: out });
      expect(await readFile(out, 'utf8')).toBe(await readFile(expected, 'utf8'));
    }
  });
});

describe('groups list --members streamed', () => {
  it('prints the document the collecting version printed, on a server whose listings omit members', { timeout: 300_000 }, async () => {
    sandbox.setFaults({ listOmitsMembers: true });
    try {
      // The reference: the whole listing collected, then the groups without members fetched (as before).
      const outcome = await client.list('Groups');
      expect(outcome.Resources.every((g) => g.members === undefined)).toBe(true);
      const reference = toListDocument(outcome, false);
      reference.Resources = await fetchMissingMembers(client, reference.Resources, { concurrency: 4, signal: new AbortController().signal });
      expect(reference.Resources.filter((g) => Array.isArray(g.members) && g.members.length > 0).length).toBeGreaterThan(10);
      const env = { SANDBOX_TOKEN: sandbox.token };
      const conn = ['--url', sandbox.url, '--token-env', 'SANDBOX_TOKEN', '--page-size', '7'];
      const json = await runCli(['groups', 'list', '--members', '--json', ...conn], { env, timeoutMs: 120_000 });
      expect(json.code, json.stderr).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual(reference);
      const ndjson = await runCli(['groups', 'list', '--members', '--ndjson', ...conn], { env, timeoutMs: 120_000 });
      expect(ndjson.code, ndjson.stderr).toBe(0);
      const lines = ndjson.stdout.trim().split('\n').map((l) => JSON.parse(l) as ScimResource);
      expect(lines).toEqual(reference.Resources);
    } finally {
      sandbox.setFaults({});
    }
  });
});

// The diff of two snapshot files read line by line (diff-stream.ts) makes exactly the entries, in
// the same order, that diffSnapshots makes over both snapshots loaded whole: for any pair of
// tenants (edits, removals, additions, member and key order shuffled, repeated ids), in one round
// or in many small ones.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../electron/core/audit/diff';
import { diffSnapshotFiles } from '../../../electron/core/audit/diff-stream';
import { saveSnapshot } from '../../../electron/core/audit/snapshot';
import { SNAPSHOT_FORMAT, type Snapshot, type SnapshotDiff } from '../../../shared/audit';
import { SCHEMAS, type ScimGroup, type ScimUser } from '../../../shared/scim';
import { fileDir } from '../../support/temp-dir';

const dir = fileDir('diff-stream-');
let files = 0;

const snap = (users: ScimUser[], groups: ScimGroup[]): Snapshot => ({
  format: SNAPSHOT_FORMAT, version: 1, takenAt: '2026-11-20T00:00:00Z', baseUrl: 'x', complete: true, warnings: [], discovery: null, users, groups,
});

async function streamedDiff(a: string, b: string, roundChars?: number): Promise<SnapshotDiff & { counts: unknown }> {
  const out: SnapshotDiff = { added: [], removed: [], changed: [] };
  const sink = { added: (e: SnapshotDiff['added'][number]) => void out.added.push(e), removed: (e: SnapshotDiff['removed'][number]) => void out.removed.push(e), changed: (e: SnapshotDiff['changed'][number]) => void out.changed.push(e) };
  const { counts } = await diffSnapshotFiles(a, b, sink, roundChars === undefined ? {} : { roundChars });
  return { ...out, counts };
}

async function saved(s: Snapshot): Promise<string> {
  files += 1;
  const path = join(dir, `s${files}.json${files % 2 === 0 ? '.gz' : ''}`);
  await saveSnapshot(path, s);
  return path;
}

const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const user = fc.record({
  id: ids,
  userName: fc.constantFrom('ann', 'bob', undefined),
  title: fc.constantFrom('x', 'y', null, undefined),
  active: fc.boolean(),
  meta: fc.record({ lastModified: fc.constantFrom('2026-01-01', '2026-02-02') }),
  // Key order alone is no change.
  shuffle: fc.boolean(),
}).map(({ shuffle, userName, title, ...u }) => {
  const base: Record<string, unknown> = { schemas: [SCHEMAS.user], ...u, ...(userName === undefined ? {} : { userName }), ...(title === undefined ? {} : { title }) };
  return (shuffle ? Object.fromEntries(Object.entries(base).reverse()) : base) as unknown as ScimUser;
});
const group = fc.record({
  id: fc.constantFrom('g1', 'g2', 'g3', 'a'),
  displayName: fc.constantFrom('Eng', 'Ops'),
  members: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'zz'), { maxLength: 4 }),
  reversed: fc.boolean(),
}).map(({ members, reversed, ...g }) => ({ schemas: [SCHEMAS.group], ...g, members: (reversed ? [...members].reverse() : members).map((value) => ({ value })) }) as ScimGroup);
const tenant = fc.record({ users: fc.array(user, { maxLength: 8 }), groups: fc.array(group, { maxLength: 4 }) });

describe('diffSnapshotFiles', () => {
  it('makes the entries diffSnapshots makes, in the same order, for any two tenants', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(tenant, tenant, async (x, y) => {
        const a = snap(x.users, x.groups);
        const b = snap(y.users, y.groups);
        const whole = diffSnapshots(a, b);
        const [fa, fb] = [await saved(a), await saved(b)];
        for (const roundChars of [undefined, 1, 200]) {
          const got = await streamedDiff(fa, fb, roundChars);
          expect({ added: got.added, removed: got.removed, changed: got.changed }).toEqual(whole);
          expect(got.counts).toEqual({ added: whole.added.length, removed: whole.removed.length, changed: whole.changed.length });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('does not take a -0 written in a file for the 0 it prints as (the fingerprint is not trusted there)', async () => {
    const line = (u: Record<string, unknown>, raw: string): string => JSON.stringify(u).replace('"score":0', `"score":${raw}`);
    const file = (raw: string): string => `{"format":"${SNAPSHOT_FORMAT}","version":1,"takenAt":"2026-11-20T00:00:00Z","baseUrl":"x","discovery":null,"users":[\n${line({ schemas: [SCHEMAS.user], id: 'u1', userName: 'ann', score: 0 }, raw)}\n],"groups":[\n],"complete":true,"warnings":[]}\n`;
    const [a, b] = [join(dir, 'zero.json'), join(dir, 'minus-zero.json')];
    await writeFile(a, file('0'));
    await writeFile(b, file('-0'));
    const got = await streamedDiff(a, b);
    expect(got.changed.map((c) => c.fields.map((f) => f.path))).toEqual([['score']]);
  });

  it('holds the older resources of one round at a time: a tiny round still finds every change', async () => {
    const users = Array.from({ length: 50 }, (_, i) => ({ schemas: [SCHEMAS.user], id: `u${i}`, userName: `u${i}@x`, title: 'a' }) as ScimUser);
    const a = await saved(snap(users, []));
    const b = await saved(snap(users.map((u, i) => (i % 3 === 0 ? { ...u, title: 'b' } : u)), []));
    const got = await streamedDiff(a, b, 10);
    expect(got.changed.map((c) => c.id)).toEqual(users.filter((_, i) => i % 3 === 0).map((u) => u.id));
  });
});

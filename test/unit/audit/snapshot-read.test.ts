// The snapshot reader takes files line by line in every layout it may meet: the current writer's
// (complete/warnings after the arrays, batched), the earlier one's (them first, a comma at the
// end of each line), pretty-printed JSON (elements over several lines) and one long line; it
// refuses a cut-short file and an element without an id, naming the file.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot, readSnapshot, saveSnapshot, SnapshotWriter } from '../../../electron/core/audit/snapshot';
import { SNAPSHOT_FORMAT, type Snapshot } from '../../../shared/audit';
import { SCHEMAS, type ScimGroup, type ScimUser } from '../../../shared/scim';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snapshot-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const users: ScimUser[] = Array.from({ length: 40 }, (_, i) => ({
  schemas: [SCHEMAS.user],
  id: `u${i}`,
  userName: i === 3 ? 'line\nbreak ] , { "users": [' : `user${i}@x.com`,
  emails: [{ value: `user${i}@x.com`, primary: true }],
  name: { givenName: 'Zoë', familyName: '}],' },
}));
const groups: ScimGroup[] = [
  { schemas: [SCHEMAS.group], id: 'g1', displayName: 'Eng', members: [{ value: 'u1' }, { value: 'u2' }] },
  { schemas: [SCHEMAS.group], id: 'g2', displayName: 'Empty', members: [] },
];
const snap: Snapshot = { format: SNAPSHOT_FORMAT, version: 1, takenAt: '2026-11-20T00:00:00.000Z', baseUrl: 'http://127.0.0.1/scim/v2', complete: true, warnings: ['Users: a warning'], discovery: null, users, groups };

/** The layout the writer before issue 15 produced: head (complete, warnings included) first. */
function earlierLayout(s: Snapshot): string {
  const { users: u, groups: g, ...head } = s;
  const rows = (list: unknown[]): string => list.map((r, i) => `${i ? ',' : ''}\n${JSON.stringify(r)}`).join('');
  return `${JSON.stringify(head).slice(0, -1)},\n"users":[${rows(u)}\n],\n"groups":[${rows(g)}\n]}\n`;
}

describe('readSnapshot', () => {
  it('reads every layout to the same snapshot, plain or gzipped', async () => {
    const layouts: Record<string, string> = {
      earlier: earlierLayout(snap),
      pretty: JSON.stringify(snap, null, 2),
      oneLine: JSON.stringify(snap),
      prettyTabs: JSON.stringify(snap, null, '\t'),
    };
    for (const [name, text] of Object.entries(layouts)) {
      await writeFile(join(dir, `${name}.json`), text);
      await writeFile(join(dir, `${name}.json.gz`), gzipSync(text));
      expect(await loadSnapshot(join(dir, `${name}.json`)), name).toEqual(snap);
      expect(await loadSnapshot(join(dir, `${name}.json.gz`)), `${name}.gz`).toEqual(snap);
    }
    await saveSnapshot(join(dir, 'current.json.gz'), snap);
    expect(await loadSnapshot(join(dir, 'current.json.gz'))).toEqual(snap);
  });

  it('hands out users then groups with their counts, and the head before any', async () => {
    await saveSnapshot(join(dir, 'order.json'), snap);
    const seen: string[] = [];
    const summary = await readSnapshot(join(dir, 'order.json'), {
      head: (f) => seen.push(`head:${f.takenAt}`),
      user: (u) => seen.push(u.id),
      group: (g) => seen.push(g.id),
    });
    expect(seen).toEqual(['head:2026-11-20T00:00:00.000Z', ...users.map((u) => u.id), 'g1', 'g2']);
    expect(summary).toMatchObject({ users: 40, groups: 2, complete: true, warnings: ['Users: a warning'] });
  });

  it('refuses a cut-short file, an element without an id and a foreign format, naming the file', async () => {
    const full = earlierLayout(snap);
    await writeFile(join(dir, 'cut.json'), full.slice(0, Math.floor(full.length * 0.6)));
    await expect(loadSnapshot(join(dir, 'cut.json'))).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/cut\.json is not a usable snapshot.*cut short/) as unknown });
    await writeFile(join(dir, 'noid.json'), earlierLayout({ ...snap, users: [...users.slice(0, 2), { userName: 'x' } as unknown as ScimUser] }));
    await expect(loadSnapshot(join(dir, 'noid.json'))).rejects.toThrow(/user #3 has no id/);
    await writeFile(join(dir, 'other.json'), earlierLayout({ ...snap, format: 'other' as typeof SNAPSHOT_FORMAT }));
    await expect(loadSnapshot(join(dir, 'other.json'))).rejects.toThrow(/format is "other"/);
    await writeFile(join(dir, 'garbage.json'), 'not json at all');
    await expect(loadSnapshot(join(dir, 'garbage.json'))).rejects.toThrow(/not valid JSON/);
  });
});

describe('SnapshotWriter', () => {
  it('writes in ~256 KB batches, not one write per resource', async () => {
    const many: ScimUser[] = Array.from({ length: 3000 }, (_, i) => ({ schemas: [SCHEMAS.user], id: `id-${i}`, userName: `u${i}`, title: 'x'.repeat(300) }));
    const writer = new SnapshotWriter(join(dir, 'batched.json.gz'), { takenAt: snap.takenAt, baseUrl: snap.baseUrl, discovery: null });
    for (const u of many) writer.add(u);
    writer.startGroups();
    await writer.finish({ complete: true, warnings: [] });
    // ~1 MB of text: a handful of batches.
    expect(writer.batches).toBeGreaterThan(1);
    expect(writer.batches).toBeLessThan(10);
    const loaded = await loadSnapshot(join(dir, 'batched.json.gz'));
    expect(loaded.users).toEqual(many);
    expect(loaded.groups).toEqual([]);
  });
});

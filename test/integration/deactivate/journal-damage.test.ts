// A journal damaged in the middle is refused whole, also when its last line is torn too. A real
// run on the sandbox writes the journal; one of its middle lines is then garbled (an edit, a bad
// disk) and a half record is appended (a crash mid-append). Counting, resuming and undoing must
// all refuse with the damaged line's number and write nothing: dropping that line would silently
// shorten the run's record (an undo that forgets users, a resume that redoes them).

import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScimUser } from '../../../shared/scim';
import { executePlan, journalCounts, planDeactivation, reactivateRun, resumeRun } from '../../../electron/core/deactivate';
import { plainActiveUsers, tenant, writes, type Tenant } from './support';

let t: Tenant | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function runOnce(t: Tenant, users: ScimUser[]): Promise<string[]> {
  const plan = await planDeactivation(t.client, { inputs: users.map((u) => u.id), method: 'patch' });
  const result = await executePlan(t.client, plan, t.journal, { concurrency: 1 });
  expect(result.failed).toEqual([]);
  return (await readFile(t.journal, 'utf8')).split('\n').filter((l) => l !== '');
}

describe('a journal with a bad middle line and a torn tail', () => {
  it('is refused by count, resume and undo, naming the line, and nothing is written', async () => {
    t = await tenant('rfc');
    const users = plainActiveUsers(t.users).slice(0, 3);
    const lines = await runOnce(t, users);
    // run, 3 × (intent, outcome), end
    expect(lines.map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(['run', 'intent', 'outcome', 'intent', 'outcome', 'intent', 'outcome', 'end']);

    // Line 4 (the second user's intent) garbled; half of a record appended without its newline.
    const damaged = [...lines];
    damaged[3] = (damaged[3] ?? '').slice(0, 25);
    const torn = JSON.stringify({ v: 1, at: new Date().toISOString(), type: 'intent', runId: 'x', id: 'y', method: 'PATCH' }).slice(0, 30);
    await writeFile(t.journal, `${damaged.join('\n')}\n${torn}`);

    const before = writes(t.sandbox);
    for (const attempt of [() => journalCounts(t!.journal), () => reactivateRun(t!.client, t!.journal), () => resumeRun(t!.client, t!.journal)]) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'invalid-input' });
      expect((error as Error).message).toMatch(/line 4\b/);
    }
    expect(writes(t.sandbox)).toBe(before);
    for (const u of users) expect((await t.client.get<ScimUser>('Users', u.id)).active).toBe(false);
  });

  it('with only the tail torn, undo reads every record before it and reactivates every user', async () => {
    t = await tenant('rfc');
    const users = plainActiveUsers(t.users).slice(0, 3);
    const lines = await runOnce(t, users);
    await writeFile(t.journal, `${lines.join('\n')}\n{"v":1,"at":"2026-01-01T00:00:00.000Z","type":"inte`);
    expect((await journalCounts(t.journal)).reactivatable).toBe(3);
    const undo = await reactivateRun(t.client, t.journal);
    expect(undo.warnings.join(' ')).toMatch(/torn/);
    expect(undo.done.map((d) => d.id).sort()).toEqual(users.map((u) => u.id).sort());
    for (const u of users) expect((await t.client.get<ScimUser>('Users', u.id)).active).toBe(true);
  });
});

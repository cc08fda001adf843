// Holding a deactivation run's journal (run-journal.ts), on the sandbox: what the admin is told when
// the journal had to be repaired or its lock taken over, what is said when the journal cannot be
// reached, and that a run leaves no open handle on the journal behind.

import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan, planDeactivation, resumeRun } from '../../../electron/core/deactivate';
import { failure } from '../../support/failure';
import { deadPid, plantLock } from '../../support/stale-lock';
import { plainActiveUsers, tenant, type Tenant } from './support';

let t: Tenant | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** A cancelled run's journal (run record and end, nothing written) on a fresh tenant. */
async function cancelledRun(): Promise<{ t: Tenant; ids: string[] }> {
  t = await tenant('rfc', { users: 20 });
  const ids = plainActiveUsers(t.users)
    .slice(0, 2)
    .map((u) => u.id);
  const run = await executePlan(t.client, await planDeactivation(t.client, { inputs: ids, method: 'patch' }), t.journal, { signal: AbortSignal.abort() });
  expect(run.done).toEqual([]);
  return { t, ids };
}

describe('a deactivation run’s journal', () => {
  it('adds the newline a complete last record lacks, says so (not "torn"), and finishes the run', async () => {
    const { t, ids } = await cancelledRun();
    const text = await readFile(t.journal, 'utf8');
    await writeFile(t.journal, text.replace(/\n$/, ''));
    const resumed = await resumeRun(t.client, t.journal);
    expect(resumed.warnings).toEqual(['The journal ended with a complete record but no newline (the process stopped mid-write); the newline was added before appending.']);
    expect(resumed.done.map((d) => d.id).sort()).toEqual([...ids].sort());
    expect((await readFile(t.journal, 'utf8')).startsWith(text)).toBe(true);
  });

  it('takes over the lock of a process that no longer runs, and names it', async () => {
    t = await tenant('rfc', { users: 20 });
    const [user] = plainActiveUsers(t.users);
    if (!user) throw new Error('seed has no plain user');
    const pid = deadPid();
    const at = '2026-12-01T08:00:00.000Z';
    await plantLock(t.journal, { pid, at });
    const run = await executePlan(t.client, await planDeactivation(t.client, { inputs: [user.id], method: 'patch' }), t.journal);
    expect(run.warnings).toEqual([`The journal was locked by process ${pid} (since ${at}), which no longer runs; its lock was taken over.`]);
    expect(run.done.map((d) => d.id)).toEqual([user.id]);
  });

  it('names the journal and the reason when it cannot be reached', async () => {
    const { t } = await cancelledRun();
    const missing = join(t.journal, '..', 'none.jsonl');
    const gone = await failure(resumeRun(t.client, missing));
    expect(gone).toMatchObject({ code: 'invalid-input', message: `Cannot read the journal ${missing}: there is no such file.`, details: { file: missing } });
    // A path through a file: not "no such file" but the system's own reason.
    const through = join(t.journal, 'run.jsonl');
    const blocked = await failure(resumeRun(t.client, through));
    expect(blocked).toMatchObject({ code: 'invalid-input', details: { file: through } });
    expect(blocked.message).toBe(`Cannot read the journal ${through}: ENOTDIR: not a directory, access '${through}'.`);
  });

  // Open files are read from /proc (Linux, where CI runs); elsewhere there is nothing to read.
  it.runIf(existsSync('/proc/self/fd'))('leaves no open handle on the journal after a run and after a resume', async () => {
    const { t } = await cancelledRun();
    const handles = (): number =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === t.journal;
        } catch {
          return false; // closed while listing
        }
      }).length;
    expect(handles()).toBe(0);
    await resumeRun(t.client, t.journal);
    expect(handles()).toBe(0);
  });
});

// What counts as a deactivation journal record (records.ts), through the journal reader the resume
// and undo paths use: every malformed line is refused naming its line, before anything is decided
// from it, and the records are folded per run in file order (a record of a run the journal never
// opened is ignored, a later outcome replaces an earlier one, a reactivate run takes users back).

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldRuns, isDeactivationRecord, journalCounts } from '../../../electron/core/deactivate';
import { readJournal } from '../../../electron/core/journal/journal';
import { testDir } from '../../support/temp-dir';

const at = '2026-12-03T10:00:00.000Z';
const run = (runId: string, targets: string[], action = 'deactivate') => ({ v: 1, at, type: 'run', runId, action, method: 'patch', baseUrl: 'http://127.0.0.1:1/scim/v2', targets: targets.map((id) => ({ id, userName: `${id}@example.com` })), skipped: [] });
const intent = (runId: string, id: string) => ({ v: 1, at, type: 'intent', runId, id, method: 'PATCH' });
const outcome = (runId: string, id: string, status: 'done' | 'failed') => ({ v: 1, at, type: 'outcome', runId, id, status, wrote: true, verified: status === 'done' });
const end = (runId: string) => ({ v: 1, at, type: 'end', runId, done: 0, failed: 0, cancelled: false });

async function journal(lines: unknown[]): Promise<string> {
  const path = join(await testDir('deactivate-records-'), 'run.jsonl');
  await writeFile(path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  return path;
}

describe('deactivation journal records', () => {
  const bad: [string, unknown][] = [
    ['a number', 7],
    ['null', null],
    ['another schema version', { ...intent('r1', 'u1'), v: 2 }],
    ['no version', { ...intent('r1', 'u1'), v: undefined }],
    ['a run id that is not text', { ...intent('r1', 'u1'), runId: 1 }],
    ['a run of another action', { ...run('r2', ['u1']), action: 'delete-all' }],
    ['a run without a method', { ...run('r2', ['u1']), method: undefined }],
    ['a run whose targets are not a list', { ...run('r2', ['u1']), targets: { id: 'u1' } }],
    ['a run whose skipped is not a list', { ...run('r2', ['u1']), skipped: 'none' }],
    ['an intent without a user id', { ...intent('r1', 'u1'), id: 5 }],
    ['an outcome without a user id', { ...outcome('r1', 'u1', 'done'), id: undefined }],
    ['an outcome of another status', { ...outcome('r1', 'u1', 'done'), status: 'maybe' }],
    ['an unknown record type', { ...end('r1'), type: 'note' }],
  ];
  it.each(bad)('refuses %s, naming the line', async (_what, line) => {
    const path = await journal([run('r1', ['u1']), line]);
    await expect(journalCounts(path)).rejects.toMatchObject({ code: 'invalid-input', message: `${path} line 2 is not a journal record this version understands.` });
  });

  it('accepts every record kind, with reactivate runs, and folds them per run in file order', async () => {
    const path = await journal([
      run('r1', ['u1', 'u2', 'u3']),
      intent('r1', 'u1'),
      outcome('r1', 'u1', 'done'),
      intent('r1', 'u2'),
      outcome('r1', 'u2', 'failed'),
      // A later outcome for the same user replaces the failed one (a retry in the same run).
      outcome('r1', 'u2', 'done'),
      intent('r1', 'u3'),
      outcome('r1', 'u3', 'done'),
      // Records of a run this journal never opened are ignored, never attributed to another run.
      intent('r9', 'u4'),
      outcome('r9', 'u4', 'done'),
      end('r1'),
      // An undo of u3 alone.
      run('r2', ['u3'], 'reactivate'),
      intent('r2', 'u3'),
      outcome('r2', 'u3', 'done'),
      end('r2'),
    ]);
    expect(await journalCounts(path)).toEqual({ pending: 0, reactivatable: 2 });
    const runs = foldRuns((await readJournal(path, isDeactivationRecord)).records);
    expect(runs.map((r) => [r.run.runId, r.run.action, [...r.intents], [...r.outcomes.values()].map((o) => `${o.id}:${o.status}`), r.ended])).toEqual([
      ['r1', 'deactivate', ['u1', 'u2', 'u3'], ['u1:done', 'u2:done', 'u3:done'], true],
      ['r2', 'reactivate', ['u3'], ['u3:done'], true],
    ]);
  });

  it('counts what is pending in the last unfinished run, and only users with an intent as ours', async () => {
    const path = await journal([
      run('r1', ['u1', 'u2', 'u3']),
      intent('r1', 'u1'),
      outcome('r1', 'u1', 'done'),
      // Already inactive: done without a write, so no intent, and undo must not reactivate it.
      outcome('r1', 'u2', 'done'),
      intent('r1', 'u3'),
      outcome('r1', 'u3', 'failed'),
    ]);
    expect(await journalCounts(path)).toEqual({ pending: 1, reactivatable: 1 });
    // No end record: the run stopped (crash or cancel before its end), and the journal list says so.
    expect(foldRuns((await readJournal(path, isDeactivationRecord)).records).map((r) => r.ended)).toEqual([false]);
  });
});

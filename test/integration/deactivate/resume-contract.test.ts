// Resume and undo read everything they do from the journal; these pin what they do with journals
// other than the one clean run: several runs in one file, a run already finished, a journal with
// no run, one made on another tenant, a torn tail, a PUT run, and a read-only connection. Real runs
// on the sandbox write the journals (mutants of resume.ts survived every earlier test).

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScimUser } from '../../../shared/scim';
import { executePlan, journalCounts, planDeactivation, reactivateRun, resumeRun } from '../../../electron/core/deactivate';
import { startSandbox } from '../../../electron/core/sandbox';
import { createScimClient } from '../../../electron/core/scim/client';
import { openJournal } from '../../../electron/core/journal/journal';
import type { DeactivationRecord } from '../../../electron/core/deactivate/records';
import { plainActiveUsers, tenant, writes, type Tenant } from './support';

let t: Tenant | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

type Line = { type: string; runId: string; action?: string; method?: string; vendor?: string; baseUrl?: string };
async function journalLines(path: string): Promise<Line[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);
}

async function active(t: Tenant, id: string): Promise<boolean | undefined> {
  return (await t.client.get<ScimUser>('Users', id)).active;
}

async function refusal(attempt: Promise<unknown>): Promise<{ code?: string; message: string; details?: unknown }> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected a refusal').toBeInstanceOf(Error);
  return error as { code?: string; message: string; details?: unknown };
}

describe('resume and undo of a journal holding several runs', () => {
  it('resume finishes the last unfinished run, reports a finished one as done, and undo reverts them all', async () => {
    t = await tenant('rfc');
    const [first, second, third] = plainActiveUsers(t.users);
    if (!first || !second || !third) throw new Error('seed has too few plain users');
    const tt = t;
    const plan = (ids: string[]) => planDeactivation(tt.client, { inputs: ids, method: 'patch' });

    const one = await executePlan(t.client, await plan([first.id]), t.journal);
    expect(one.done.map((d) => d.id)).toEqual([first.id]);
    // The second run is cancelled before its first write.
    const two = await executePlan(t.client, await plan([second.id, third.id]), t.journal, { signal: AbortSignal.abort() });
    expect(two.done).toEqual([]);
    expect(await journalCounts(t.journal)).toEqual({ pending: 2, reactivatable: 1 });

    const progress: number[] = [];
    const resumed = await resumeRun(t.client, t.journal, { onProgress: (p) => progress.push(p.done) });
    expect(resumed.runId).toBe(two.runId);
    expect(resumed.failed).toEqual([]);
    expect(resumed.warnings).toEqual([]);
    expect(resumed.done.map((d) => ({ id: d.id, wrote: d.wrote })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [{ id: second.id, wrote: true }, { id: third.id, wrote: true }].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(progress.at(-1)).toBe(2);
    expect(await active(t, first.id)).toBe(false);
    expect(await active(t, second.id)).toBe(false);
    expect(await active(t, third.id)).toBe(false);
    // Resume continued run two: no new run record, its outcomes appended under its id.
    const lines = await journalLines(t.journal);
    expect(lines.filter((l) => l.type === 'run').map((l) => l.runId)).toEqual([one.runId, two.runId]);
    expect(lines.filter((l) => l.type === 'outcome' && l.runId === two.runId)).toHaveLength(2);
    expect(await journalCounts(t.journal)).toEqual({ pending: 0, reactivatable: 3 });

    // Nothing left to do: the last run is reported as done before this resume, and nothing is sent.
    const before = writes(t.sandbox);
    const again = await resumeRun(t.client, t.journal);
    expect(writes(t.sandbox)).toBe(before);
    expect(again.runId).toBe(two.runId);
    expect(again.done.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: second.id, userName: second.userName, wrote: true, note: 'done before the resume' },
        { id: third.id, userName: third.userName, wrote: true, note: 'done before the resume' },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );

    // Undo reverts every run of the file, as one reactivate run with the runs' method.
    const undo = await reactivateRun(t.client, t.journal);
    expect(undo.action).toBe('reactivate');
    expect(undo.planned.map((p) => p.id).sort()).toEqual([first.id, second.id, third.id].sort());
    for (const u of [first, second, third]) expect(await active(t, u.id)).toBe(true);
    const undoRun = (await journalLines(t.journal)).filter((l) => l.type === 'run').at(-1);
    expect(undoRun).toMatchObject({ action: 'reactivate', method: 'patch', runId: undo.runId, baseUrl: t.client.baseUrl });
    expect(await journalCounts(t.journal)).toEqual({ pending: 0, reactivatable: 0 });
  });

  it('resume finishes an unfinished run that a later finished run follows, and takes the last of two unfinished', async () => {
    t = await tenant('rfc');
    const [a, b, c, d] = plainActiveUsers(t.users);
    if (!a || !b || !c || !d) throw new Error('seed has too few plain users');
    const tt = t;
    const plan = (ids: string[]) => planDeactivation(tt.client, { inputs: ids, method: 'patch' });
    const cancelled = await executePlan(t.client, await plan([a.id, b.id]), t.journal, { signal: AbortSignal.abort() });
    const finished = await executePlan(t.client, await plan([c.id]), t.journal);
    expect(finished.done.map((x) => x.id)).toEqual([c.id]);
    expect(await journalCounts(t.journal)).toEqual({ pending: 2, reactivatable: 1 });
    const resumed = await resumeRun(t.client, t.journal);
    expect(resumed.runId).toBe(cancelled.runId);
    expect(resumed.done.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(await active(t, a.id)).toBe(false);
    expect(await active(t, b.id)).toBe(false);

    // Two unfinished runs: the later one is resumed.
    const first = await executePlan(t.client, await plan([d.id]), t.journal, { signal: AbortSignal.abort() });
    const [e] = plainActiveUsers(t.users).filter((u) => ![a, b, c, d].some((x) => x.id === u.id));
    if (!e) throw new Error('seed has too few plain users');
    const second = await executePlan(t.client, await plan([e.id]), t.journal, { signal: AbortSignal.abort() });
    expect(first.runId).not.toBe(second.runId);
    const last = await resumeRun(t.client, t.journal);
    expect(last.runId).toBe(second.runId);
    expect(last.done.map((x) => x.id)).toEqual([e.id]);
    expect(await active(t, d.id)).toBe(true);
  });

  it('undo re-checks each user: one someone already reactivated is not written again', async () => {
    t = await tenant('rfc');
    const [mine, back] = plainActiveUsers(t.users);
    if (!mine || !back) throw new Error('seed has too few plain users');
    const run = await executePlan(t.client, await planDeactivation(t.client, { inputs: [mine.id, back.id], method: 'patch' }), t.journal);
    expect(run.failed).toEqual([]);
    await t.client.patch('Users', back.id, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: true }] });
    const before = writes(t.sandbox);
    const undo = await reactivateRun(t.client, t.journal);
    expect(writes(t.sandbox) - before).toBe(1);
    expect(undo.skipped).toEqual([]);
    expect(undo.done.find((x) => x.id === back.id)).toMatchObject({ wrote: false });
    expect(undo.done.find((x) => x.id === mine.id)).toMatchObject({ wrote: true });
    expect(await active(t, mine.id)).toBe(true);
  });

  it('undo leaves a target whose write failed as the tenant has it', async () => {
    t = await tenant('rfc');
    const [done, failed] = plainActiveUsers(t.users);
    if (!done || !failed) throw new Error('seed has too few plain users');
    // A run that wrote both, but only the first was verified; the second failed (say the server
    // answered 500 after applying it, and an admin has looked at it since).
    const journal = await openJournal<DeactivationRecord>(t.journal);
    await journal.append({ type: 'run', runId: 'r1', action: 'deactivate', method: 'patch', baseUrl: t.client.baseUrl, targets: [{ id: done.id, userName: done.userName }, { id: failed.id, userName: failed.userName }], skipped: [] });
    for (const [user, status] of [[done, 'done'], [failed, 'failed']] as const) {
      await journal.append({ type: 'intent', runId: 'r1', id: user.id, method: 'PATCH' });
      await t.client.patch('Users', user.id, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] });
      await journal.append({ type: 'outcome', runId: 'r1', id: user.id, status, wrote: true, verified: status === 'done' });
    }
    await journal.append({ type: 'end', runId: 'r1', done: 1, failed: 1, cancelled: false });
    await journal.close();

    expect(await journalCounts(t.journal)).toEqual({ pending: 1, reactivatable: 1 });
    const undo = await reactivateRun(t.client, t.journal);
    expect(undo.planned.map((p) => p.id)).toEqual([done.id]);
    expect(await active(t, done.id)).toBe(true);
    expect(await active(t, failed.id)).toBe(false);
  });

  it('undo of a PUT run reactivates by PUT and keeps the vendor of the run', async () => {
    t = await tenant('rfc');
    const [target] = plainActiveUsers(t.users);
    if (!target) throw new Error('seed has no plain user');
    const plan = await planDeactivation(t.client, { inputs: [target.id], method: 'put', vendor: 'rfc' });
    expect((await executePlan(t.client, plan, t.journal, { vendor: 'rfc' })).failed).toEqual([]);
    const puts = t.sandbox.stats().byMethod.PUT ?? 0;
    const patches = t.sandbox.stats().byMethod.PATCH ?? 0;
    const undo = await reactivateRun(t.client, t.journal);
    expect(undo.done.map((d) => d.id)).toEqual([target.id]);
    expect(t.sandbox.stats().byMethod.PUT).toBe(puts + 1);
    expect(t.sandbox.stats().byMethod.PATCH ?? 0).toBe(patches);
    expect((await journalLines(t.journal)).filter((l) => l.type === 'run').at(-1)).toMatchObject({ action: 'reactivate', method: 'put', vendor: 'rfc' });
    expect(await active(t, target.id)).toBe(true);
  });
});

describe('journals resume and undo refuse', () => {
  it('a journal that is not there: refused saying so, and none is created', async () => {
    t = await tenant('rfc');
    for (const attempt of [resumeRun, reactivateRun]) {
      const error = await refusal(attempt(t.client, t.journal));
      expect(error).toMatchObject({ code: 'invalid-input' });
      expect(error.message).toBe(`Cannot read the journal ${t.journal}: there is no such file.`);
    }
    expect(existsSync(t.journal)).toBe(false);
    expect(writes(t.sandbox)).toBe(0);
  });

  it('a journal with no run in it: refused naming the file, nothing written', async () => {
    t = await tenant('rfc');
    // Records without their run record (an end alone), and an empty file.
    for (const text of [`${JSON.stringify({ v: 1, at: '2026-01-01T00:00:00.000Z', type: 'end', runId: 'r0', done: 0, failed: 0, cancelled: false })}\n`, '']) {
      await writeFile(t.journal, text);
      expect(await journalCounts(t.journal)).toEqual({ pending: 0, reactivatable: 0 });
      for (const attempt of [resumeRun, reactivateRun]) {
        const error = await refusal(attempt(t.client, t.journal));
        expect(error).toMatchObject({ code: 'invalid-input', details: { file: t.journal } });
        expect(error.message).toContain(`${t.journal} holds no deactivation run`);
      }
      expect(await readFile(t.journal, 'utf8')).toBe(text);
    }
    expect(writes(t.sandbox)).toBe(0);
  });

  it('a journal made on another tenant: refused naming both; a trailing slash is the same tenant', async () => {
    t = await tenant('rfc');
    const [target] = plainActiveUsers(t.users);
    if (!target) throw new Error('seed has no plain user');
    expect((await executePlan(t.client, await planDeactivation(t.client, { inputs: [target.id], method: 'patch' }), t.journal)).failed).toEqual([]);
    const text = await readFile(t.journal, 'utf8');

    const other = await startSandbox({ vendor: 'rfc', users: 5, seed: 7 });
    const elsewhere = createScimClient({ baseUrl: other.url, token: () => other.token, vendor: 'rfc' });
    try {
      for (const attempt of [resumeRun, reactivateRun]) {
        const error = await refusal(attempt(elsewhere, t.journal));
        expect(error).toMatchObject({ code: 'refused-unverifiable', details: { file: t.journal } });
        expect(error.message).toContain(`is for ${t.client.baseUrl}, but this connection is ${elsewhere.baseUrl}`);
      }
      expect(other.stats().writes).toBe(0);
      expect(await readFile(t.journal, 'utf8')).toBe(text);
    } finally {
      await elsewhere.close();
      await other.close();
    }

    // The run recorded with trailing slashes on its URL is this tenant all the same.
    await writeFile(t.journal, text.replace(`"baseUrl":${JSON.stringify(t.client.baseUrl)}`, `"baseUrl":${JSON.stringify(`${t.client.baseUrl}//`)}`));
    expect(await readFile(t.journal, 'utf8')).toContain(`${t.client.baseUrl}//`);
    const undo = await reactivateRun(t.client, t.journal);
    expect(undo.done.map((d) => d.id)).toEqual([target.id]);
    expect(await active(t, target.id)).toBe(true);
  });

  it('on a read-only connection: refused saying what was refused, the journal untouched', async () => {
    t = await tenant('rfc');
    const [target] = plainActiveUsers(t.users);
    if (!target) throw new Error('seed has no plain user');
    const run = await executePlan(t.client, await planDeactivation(t.client, { inputs: [target.id], method: 'patch' }), t.journal, { signal: AbortSignal.abort() });
    expect(run.done).toEqual([]);
    const text = await readFile(t.journal, 'utf8');
    const sandbox = t.sandbox;
    const readOnly = createScimClient({ baseUrl: sandbox.url, token: () => sandbox.token, vendor: 'rfc', readOnly: true });
    try {
      const requests = sandbox.stats().requests;
      const resume = await refusal(resumeRun(readOnly, t.journal));
      expect(resume).toMatchObject({ code: 'refused-read-only' });
      expect(resume.message).toContain('resuming a deactivation is refused');
      const undo = await refusal(reactivateRun(readOnly, t.journal));
      expect(undo).toMatchObject({ code: 'refused-read-only' });
      expect(undo.message).toContain('undoing a deactivation is refused');
      expect(sandbox.stats().requests).toBe(requests);
      expect(await readFile(t.journal, 'utf8')).toBe(text);
    } finally {
      await readOnly.close();
    }
  });
});

describe('a torn tail on resume', () => {
  it('says both that the torn line was ignored and that it was cut off, then finishes the run', async () => {
    t = await tenant('rfc');
    const users = plainActiveUsers(t.users).slice(0, 2);
    const run = await executePlan(t.client, await planDeactivation(t.client, { inputs: users.map((u) => u.id), method: 'patch' }), t.journal, { signal: AbortSignal.abort() });
    expect(run.done).toEqual([]);
    await writeFile(t.journal, `${await readFile(t.journal, 'utf8')}{"v":1,"at":"2026-01-01T00:00:00.000Z","type":"inte`);
    const resumed = await resumeRun(t.client, t.journal);
    expect(resumed.warnings).toHaveLength(2);
    expect(resumed.warnings.join('\n')).toMatch(/cut off before appending/);
    expect(resumed.warnings.join('\n')).toMatch(/that line was ignored and its target is re-checked/);
    expect(resumed.done.map((d) => d.id).sort()).toEqual(users.map((u) => u.id).sort());
    for (const u of users) expect(await active(t, u.id)).toBe(false);
  });
});

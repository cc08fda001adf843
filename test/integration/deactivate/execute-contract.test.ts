// What a run claims in its result and its journal, against the sandbox (mutants of execute.ts
// survived every in-process test; the CLI and crash tests run it in child processes, where a
// mutant is not active). Done means verified on the server; `wrote` says whether a request may
// have reached it; a journal that cannot be written stops the run; DELETE runs send DELETE.

import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import { SCHEMAS, type ScimUser } from '../../../shared/scim';
import { executePlan, planDeactivation, reactivateRun, resumeRun } from '../../../electron/core/deactivate';
import { executeRun } from '../../../electron/core/deactivate/execute';
import type { DeactivationRecord, RunRecord } from '../../../electron/core/deactivate/records';
import type { JournalWriter } from '../../../electron/core/journal/journal';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { plainActiveUsers, tenant, writes, type Tenant } from './support';

let t: Tenant | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

type Line = { type: string; id?: string; status?: string; wrote?: boolean; verified?: boolean; note?: string; method?: string; cancelled?: boolean };
async function records(path: string, type: string): Promise<Line[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line)
    .filter((r) => r.type === type);
}

/** The client, but its PATCH changes the title instead: a server that answers 200 and ignores `active`. */
function ignoringActive(client: ScimClient): ScimClient {
  return {
    ...client,
    get baseUrl() {
      return client.baseUrl;
    },
    patch: (kind, id, _body, opts) => client.patch(kind, id, { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'title', value: 'Not what was asked' }] }, opts),
  } as ScimClient;
}

describe('a deactivation run says only what the server shows', () => {
  it('a write the server accepts but does not apply is failed (sent, not verified), never done', async () => {
    t = await tenant('rfc');
    const [target] = plainActiveUsers(t.users);
    if (!target) throw new Error('seed has no plain user');
    const plan = await planDeactivation(t.client, { inputs: [target.id], method: 'patch' });
    const result = await executePlan(ignoringActive(t.client), plan, t.journal);
    expect(result.done).toEqual([]);
    expect(result.failed).toEqual([{ id: target.id, error: `The server accepted the write but ${target.userName} is still active=true; this service may not honour this method — try --method put.` }]);
    expect(await records(t.journal, 'outcome')).toEqual([expect.objectContaining({ id: target.id, status: 'failed', wrote: true, verified: false })]);
    expect((await t.client.get<ScimUser>('Users', target.id)).active).toBe(true);
  });

  it('a write refused before it left (no token) is recorded as not written', async () => {
    t = await tenant('rfc');
    const [target] = plainActiveUsers(t.users);
    if (!target) throw new Error('seed has no plain user');
    const plan = await planDeactivation(t.client, { inputs: [target.id], method: 'patch' });
    const sandbox = t.sandbox;
    const noToken = createScimClient({
      baseUrl: sandbox.url,
      vendor: 'rfc',
      token: () => {
        throw new InspectorError('token-missing', 'No token is stored for this profile.');
      },
    });
    try {
      const before = writes(sandbox);
      const result = await executePlan(noToken, plan, t.journal);
      expect(result.failed.map((f) => f.id)).toEqual([target.id]);
      expect(writes(sandbox)).toBe(before);
      expect(await records(t.journal, 'outcome')).toEqual([expect.objectContaining({ id: target.id, status: 'failed', wrote: false, verified: false })]);
    } finally {
      await noToken.close();
    }
  });

  it('a journal that cannot be written stops the run before the write', async () => {
    t = await tenant('rfc');
    const [target] = plainActiveUsers(t.users);
    if (!target) throw new Error('seed has no plain user');
    const run: RunRecord = { type: 'run', runId: 'r-io', action: 'deactivate', method: 'patch', baseUrl: t.client.baseUrl, targets: [{ id: target.id, userName: target.userName }], skipped: [] };
    const appended: DeactivationRecord[] = [];
    const journal: JournalWriter<DeactivationRecord> = {
      path: t.journal,
      append: async (record) => {
        if (record.type === 'intent') throw new InspectorError('io', 'Could not write to the journal: disk full.');
        appended.push(record);
      },
      close: async () => undefined,
    };
    const before = writes(t.sandbox);
    await expect(executeRun(t.client, run, journal)).rejects.toMatchObject({ code: 'io' });
    expect(writes(t.sandbox)).toBe(before);
    expect(appended.map((r) => r.type)).toEqual(['run']);
    expect((await t.client.get<ScimUser>('Users', target.id)).active).toBe(true);
  });

  it('done entries carry the userName; a cancelled run ends saying so; a re-checked target is journalled as seen, not written', async () => {
    t = await tenant('rfc');
    const [one, two] = plainActiveUsers(t.users);
    if (!one || !two) throw new Error('seed has too few plain users');
    const plan = await planDeactivation(t.client, { inputs: [one.id, two.id], method: 'patch' });
    const cancelled = await executePlan(t.client, plan, t.journal, { signal: AbortSignal.abort() });
    expect(cancelled.done).toEqual([]);
    expect(await records(t.journal, 'end')).toEqual([expect.objectContaining({ done: 0, failed: 0, cancelled: true })]);

    await t.client.patch('Users', two.id, { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'active', value: false }] });
    const resumed = await resumeRun(t.client, t.journal, { concurrency: 1 });
    expect(resumed.unresolved).toEqual([]);
    expect(resumed.done).toEqual([
      { id: one.id, userName: one.userName, wrote: true },
      { id: two.id, userName: two.userName, wrote: false, note: 'already in the wanted state when re-checked' },
    ]);
    expect(await records(t.journal, 'outcome')).toEqual([
      expect.objectContaining({ id: one.id, status: 'done', wrote: true, verified: true }),
      expect.objectContaining({ id: two.id, status: 'done', wrote: false, verified: true, note: 'already in the wanted state when re-checked' }),
    ]);
    expect((await records(t.journal, 'end')).at(-1)).toMatchObject({ done: 2, failed: 0, cancelled: false });
  });

  it('a DELETE run sends DELETE and verifies the user gone; undo cannot bring a deleted user back and says so', async () => {
    t = await tenant('rfc');
    const [target] = plainActiveUsers(t.users);
    if (!target) throw new Error('seed has no plain user');
    const plan = await planDeactivation(t.client, { inputs: [target.id], method: 'delete' });
    const by = () => ({ ...t!.sandbox.stats().byMethod });
    const before = by();
    const result = await executePlan(t.client, plan, t.journal);
    expect(result.done).toEqual([{ id: target.id, userName: target.userName, wrote: true }]);
    expect((by().DELETE ?? 0) - (before.DELETE ?? 0)).toBe(1);
    expect(by().PATCH ?? 0).toBe(before.PATCH ?? 0);
    expect(await records(t.journal, 'intent')).toEqual([expect.objectContaining({ id: target.id, method: 'DELETE' })]);
    expect(t.sandbox.store.get('Users', target.id)).toBeUndefined();

    const undo = await reactivateRun(t.client, t.journal);
    expect(undo.done).toEqual([]);
    expect(undo.failed.map((f) => f.id)).toEqual([target.id]);
    // Undo tries to set active back with PATCH (there is nothing to DELETE back) and is told the user is gone.
    expect((await records(t.journal, 'intent')).at(-1)).toMatchObject({ id: target.id, method: 'PATCH' });
  });
});

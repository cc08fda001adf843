// Executing a run: bounded concurrency, an fsync'ed intent before and outcome after every write,
// and each user verified by a GET afterwards. A failed user never stops the others; a journal
// that cannot be written stops everything (the run would no longer be resumable).

import { randomUUID } from 'node:crypto';
import { InspectorError } from '../../../shared/errors';
import type { ScimUser } from '../../../shared/scim';
import type { RunAction, RunProgress, RunResult, DeactivationMethod } from '../../../shared/deactivate';
import type { ScimClient } from '../scim/types';
import type { JournalWriter } from '../journal/journal';
import { buildReplaceBody, dialectForVendor } from '../patch';
import { activePatch } from './plan';
import type { DeactivationRecord, RunRecord } from './records';

export interface ExecuteOptions {
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /** Look at each target's current state first and write only when needed (resume). */
  recheck?: boolean;
  /** Each target's state as read back once it is verified in the wanted state ('gone': deleted). */
  onVerified?: (id: string, state: ScimUser | 'gone') => void;
}

export function newRunId(): string {
  return randomUUID();
}

async function currentState(client: ScimClient, id: string, signal?: AbortSignal): Promise<ScimUser | 'gone'> {
  try {
    return await client.get<ScimUser>('Users', id, { signal });
  } catch (error) {
    if (error instanceof InspectorError && error.code === 'not-found') return 'gone';
    throw error;
  }
}

function reached(state: ScimUser | 'gone', action: RunAction, method: DeactivationMethod): boolean {
  if (state === 'gone') return action === 'deactivate' && method === 'delete';
  return state.active === (action === 'reactivate');
}

/**
 * Sends the one write for `id`. `sending` is called just before the write request goes out, so
 * the journal's `wrote` never claims a write that a failed fresh read (PUT) kept from being sent.
 */
async function write(client: ScimClient, run: RunRecord, id: string, sending: () => void, signal?: AbortSignal): Promise<void> {
  const active = run.action === 'reactivate';
  if (run.method === 'delete' && !active) {
    sending();
    return client.delete('Users', id, { signal });
  }
  if (run.method === 'put') {
    const fresh = await client.get<ScimUser>('Users', id, { signal });
    const body = buildReplaceBody(fresh, { ...fresh, active });
    sending();
    await client.replace('Users', id, body, { ifMatch: fresh.meta?.version, signal });
    return;
  }
  sending();
  await client.patch('Users', id, activePatch(active, dialectForVendor(run.vendor)), { signal });
}

/** Errors raised before any byte of the request leaves: nothing was sent. */
const NOT_SENT = new Set(['refused-read-only', 'token-missing', 'keychain-unavailable']);

const WRITE_METHOD = { patch: 'PATCH', put: 'PUT', delete: 'DELETE' } as const;

/**
 * Runs every target of `run` not already done. The `run` record is appended first unless
 * `appendRunRecord` is false (resume continues an existing run).
 */
export async function executeRun(
  client: ScimClient,
  run: RunRecord,
  journal: JournalWriter<DeactivationRecord>,
  options: ExecuteOptions & { appendRunRecord?: boolean; alreadyDone?: Set<string> } = {},
): Promise<RunResult> {
  if (options.appendRunRecord !== false) await journal.append(run);
  const names = new Map(run.targets.map((t) => [t.id, t.userName]));
  const pending = run.targets.filter((t) => !options.alreadyDone?.has(t.id));
  const result: RunResult = {
    runId: run.runId,
    action: run.action,
    planned: run.targets,
    done: [],
    skipped: run.skipped,
    failed: [],
    unresolved: [],
    journal: journal.path,
  };
  const progress = (): void => options.onProgress?.({ total: pending.length, done: result.done.length, failed: result.failed.length });
  let next = 0;
  let cancelled = false;
  const method = run.action === 'reactivate' && run.method === 'delete' ? 'patch' : run.method;
  const effective: RunRecord = { ...run, method };

  const worker = async (): Promise<void> => {
    while (next < pending.length) {
      if (options.signal?.aborted) {
        cancelled = true;
        return;
      }
      const target = pending[next++];
      if (!target) return;
      const userName = names.get(target.id) ?? target.id;
      let sent = false;
      try {
        if (options.recheck) {
          const state = await currentState(client, target.id, options.signal);
          if (reached(state, run.action, run.method)) {
            await journal.append({ type: 'outcome', runId: run.runId, id: target.id, status: 'done', wrote: false, verified: true, note: 'already in the wanted state when re-checked' });
            result.done.push({ id: target.id, userName, wrote: false, note: 'already in the wanted state when re-checked' });
            options.onVerified?.(target.id, state);
            progress();
            continue;
          }
        }
        await journal.append({ type: 'intent', runId: run.runId, id: target.id, method: WRITE_METHOD[effective.method] });
        await write(client, effective, target.id, () => (sent = true), options.signal);
        const after = await currentState(client, target.id, options.signal);
        if (!reached(after, run.action, effective.method)) {
          const state = after === 'gone' ? 'gone' : `active=${String(after.active)}`;
          throw new InspectorError('bad-response', `The server accepted the write but ${userName} is still ${state}; this service may not honour this method — try --method put.`);
        }
        await journal.append({ type: 'outcome', runId: run.runId, id: target.id, status: 'done', wrote: true, verified: true });
        result.done.push({ id: target.id, userName, wrote: true });
        options.onVerified?.(target.id, after);
      } catch (error) {
        if (error instanceof InspectorError && error.code === 'io') throw error;
        const message = error instanceof Error ? error.message : String(error);
        // A cancel the transport caught before the request left (sent: false) wrote nothing either.
        const wrote = sent && !(error instanceof InspectorError && (NOT_SENT.has(error.code) || error.details?.sent === false));
        await journal.append({ type: 'outcome', runId: run.runId, id: target.id, status: 'failed', wrote, verified: false, error: message });
        result.failed.push({ id: target.id, error: message });
      }
      progress();
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 4, 16));
  await Promise.all(Array.from({ length: concurrency }, worker));
  await journal.append({ type: 'end', runId: run.runId, done: result.done.length, failed: result.failed.length, cancelled });
  return result;
}

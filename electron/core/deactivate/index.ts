// Deactivation: resolve → plan (dry run) → confirm (the host's job) → execute with a journal;
// resume and undo from the journal. One core, used by the CLI and the app alike.

import { InspectorError } from '../../../shared/errors';
import type { DeactivationMethod, DeactivationPlan, RunResult } from '../../../shared/deactivate';
import type { ScimClient } from '../scim/types';
import { resolveTargets, type MatchAttribute } from './resolve';
import { buildPlan } from './plan';
import { executeRun, newRunId, type ExecuteOptions } from './execute';
import { refuseReadOnly, withRunJournal } from './run-journal';

export { resolveTargets, MATCH_ATTRIBUTES, type MatchAttribute } from './resolve';
export { buildPlan, activePatch } from './plan';
export { resumeRun, reactivateRun, journalCounts } from './resume';
export { isDeactivationRecord, foldRuns } from './records';
export type { ExecuteOptions } from './execute';
export { refuseReadOnly } from './run-journal';

export interface PlanRequest {
  inputs: string[];
  method?: DeactivationMethod;
  protectedUsers?: string[];
  vendor?: string;
  headers?: Record<string, string>;
  match?: readonly MatchAttribute[];
  signal?: AbortSignal;
  /** Trust the server's filters alone: an empty answer is then an unproven "not found". */
  serverFilterOnly?: boolean;
}

/** Resolves the inputs and builds the plan. Nothing is written; a read-only profile is refused. */
export async function planDeactivation(client: ScimClient, request: PlanRequest): Promise<DeactivationPlan> {
  refuseReadOnly(client, 'deactivation (even a dry run)');
  if (request.inputs.every((v) => v.trim() === '')) {
    throw new InspectorError('usage', 'Name at least one user to deactivate (userName, email, externalId or id).');
  }
  let method = request.method;
  if (!method) {
    // PUT only where discovery says PATCH is not supported; DELETE only when asked for by name.
    const discovery = await client.discover(request.signal);
    method = discovery.capabilities.patch ? 'patch' : 'put';
  }
  const resolution = await resolveTargets(client, request.inputs, {
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.match ? { match: request.match } : {}),
    ...(request.serverFilterOnly ? { serverFilterOnly: true } : {}),
  });
  return buildPlan(resolution, { baseUrl: client.baseUrl, method, protectedUsers: request.protectedUsers, vendor: request.vendor, headers: request.headers });
}

/**
 * Executes a plan the admin confirmed. Refuses a plan with refusals in it and a read-only
 * connection before anything is journaled; writes the run record, intents and outcomes to the
 * journal at `journalPath`, held exclusively. A plan with no targets creates no journal.
 */
export async function executePlan(client: ScimClient, plan: DeactivationPlan, journalPath: string, options: ExecuteOptions & { vendor?: string } = {}): Promise<RunResult & { warnings: string[] }> {
  if (plan.refused.length > 0) {
    const code = plan.refused.some((r) => r.kind === 'unverifiable') ? 'refused-unverifiable' : 'refused-protected';
    throw new InspectorError(code, `Refused: ${plan.refused.map((r) => r.reason).join(' ')} Nothing was written.`, { refused: plan.refused });
  }
  refuseReadOnly(client, 'deactivation');
  const run = {
    type: 'run' as const,
    runId: newRunId(),
    action: 'deactivate' as const,
    method: plan.method,
    baseUrl: client.baseUrl,
    ...(options.vendor ? { vendor: options.vendor } : {}),
    targets: plan.targets.map((t) => ({ id: t.id, userName: t.userName })),
    skipped: plan.skipped.map((s) => ({ id: s.id, reason: s.reason })),
  };
  if (run.targets.length === 0) {
    // Nothing to write, so nothing to journal: an empty journal would only be a run to "undo".
    return { runId: run.runId, action: 'deactivate', planned: [], done: [], skipped: run.skipped, failed: [], unresolved: plan.unresolved, journal: null, warnings: [] };
  }
  return withRunJournal(journalPath, false, async () => null, async ({ journal, warnings }) => {
    const result = await executeRun(client, run, journal, options);
    return { ...result, unresolved: plan.unresolved, warnings };
  });
}

// Deactivation: resolve → plan (dry run) → confirm (the host's job) → execute with a journal;
// resume and undo from the journal. One core, used by the CLI and the app alike.

import { InspectorError } from '../../../shared/errors';
import type { DeactivationMethod, DeactivationPlan, RunResult } from '../../../shared/deactivate';
import type { ScimClient } from '../scim/types';
import { openJournal } from '../journal/journal';
import { resolveTargets, type MatchAttribute } from './resolve';
import { buildPlan } from './plan';
import { executeRun, newRunId, type ExecuteOptions } from './execute';
import type { DeactivationRecord } from './records';

export { resolveTargets, MATCH_ATTRIBUTES, type MatchAttribute } from './resolve';
export { buildPlan, activePatch } from './plan';
export { resumeRun, reactivateRun, journalCounts } from './resume';
export { isDeactivationRecord, foldRuns } from './records';
export type { ExecuteOptions } from './execute';

export interface PlanRequest {
  inputs: string[];
  method?: DeactivationMethod;
  protectedUsers?: string[];
  vendor?: string;
  headers?: Record<string, string>;
  match?: readonly MatchAttribute[];
  signal?: AbortSignal;
}

/** Resolves the inputs and builds the plan. Nothing is written. */
export async function planDeactivation(client: ScimClient, request: PlanRequest): Promise<DeactivationPlan> {
  if (request.inputs.every((v) => v.trim() === '')) {
    throw new InspectorError('usage', 'Name at least one user to deactivate (userName, email, externalId or id).');
  }
  let method = request.method;
  if (!method) {
    // PUT only where discovery says PATCH is not supported; DELETE only when asked for by name.
    const discovery = await client.discover(request.signal);
    method = discovery.capabilities.patch ? 'patch' : 'put';
  }
  const resolution = await resolveTargets(client, request.inputs, { signal: request.signal, ...(request.match ? { match: request.match } : {}) });
  return buildPlan(resolution, { baseUrl: client.baseUrl, method, protectedUsers: request.protectedUsers, vendor: request.vendor, headers: request.headers });
}

/**
 * Executes a plan the admin confirmed. Refuses a plan with refusals in it; writes the run record,
 * intents and outcomes to the journal at `journalPath`.
 */
export async function executePlan(client: ScimClient, plan: DeactivationPlan, journalPath: string, options: ExecuteOptions & { vendor?: string } = {}): Promise<RunResult> {
  if (plan.refused.length > 0) {
    const code = plan.refused.some((r) => r.kind === 'unverifiable') ? 'refused-unverifiable' : 'refused-protected';
    throw new InspectorError(code, `Refused: ${plan.refused.map((r) => r.reason).join(' ')} Nothing was written.`, { refused: plan.refused });
  }
  const journal = await openJournal<DeactivationRecord>(journalPath);
  try {
    const result = await executeRun(
      client,
      {
        type: 'run',
        runId: newRunId(),
        action: 'deactivate',
        method: plan.method,
        baseUrl: client.baseUrl,
        ...(options.vendor ? { vendor: options.vendor } : {}),
        targets: plan.targets.map((t) => ({ id: t.id, userName: t.userName })),
        skipped: plan.skipped.map((s) => ({ id: s.id, reason: s.reason })),
      },
      journal,
      options,
    );
    return { ...result, unresolved: plan.unresolved };
  } finally {
    await journal.close();
  }
}

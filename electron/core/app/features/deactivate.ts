// The core functions behind shared/channels/deactivate.ts, one per channel (plain Node, no electron).
// Plans are kept here by id until confirmed (the renderer sends back only the id and the typed
// count); runs write their journals to <dataDir>/journals/ and report progress as 'progress'
// events; retry and undo work from those journals by file name.

import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InspectorError } from '../../../../shared/errors';
import { JOURNAL_NAME, type DEACTIVATE_CHANNELS, type JournalList, type JournalSummary, type RunOutcome } from '../../../../shared/channels/deactivate';
import type { DeactivationPlan, RunProgress, RunResult } from '../../../../shared/deactivate';
import { columnValues, parseCsvText } from '../../csv/read';
import { executePlan, foldRuns, type ExecuteOptions, isDeactivationRecord, journalCounts, planDeactivation, reactivateRun, resumeRun } from '../../deactivate/index';
import { ensurePrivateDir } from '../../io/private-files';
import { readJournal } from '../../journal/journal';
import { publishChange } from '../changes';
import type { AppContext } from '../context';
import type { FunctionsFor } from '../functions';
import { belongsTo, tenantKey, tenantName, tenantOf } from '../tenant';
import { findingUserIds } from './audit';
import { selectionIds } from './table-selection';
import { profileFacts } from './edit';

interface StoredPlan {
  profileId: string;
  plan: DeactivationPlan;
  vendor: string | null;
}

interface State {
  plans: Map<string, StoredPlan>;
}

// Per app context (one per host), so two hosts in one process (tests) never share plans.
const states = new WeakMap<AppContext, State>();
/** Plans not confirmed are dropped oldest first; a plan is one screen of the UI, not an archive. */
const MAX_PLANS = 20;

function state(ctx: AppContext): State {
  let s = states.get(ctx);
  if (!s) {
    s = { plans: new Map() };
    states.set(ctx, s);
  }
  return s;
}

export function journalsDir(ctx: AppContext): string {
  return join(ctx.dataDir, 'journals');
}

function journalPath(ctx: AppContext, name: string): string {
  // The channel already pinned the name's shape; basename() keeps it inside journals/ regardless.
  if (!JOURNAL_NAME.test(name) || basename(name) !== name) throw new InspectorError('invalid-input', `"${name}" is not a journal name.`);
  return join(journalsDir(ctx), name);
}

function confirmOrRefuse(expected: number, typed: number, what: string): void {
  if (typed !== expected) {
    throw new InspectorError('usage', `Type the number of users to ${what} (${expected}) to confirm; nothing was written.`, { expected, typed });
  }
}

type RunHooks = { signal: AbortSignal; onProgress: (p: RunProgress) => void; onVerified: ExecuteOptions['onVerified'] };

/**
 * Runs `work` with a cancellable signal under operationId, pushing 'progress' events and each
 * verified user's read-back as 'resource.changed' (the grid shows the run as it goes).
 */
async function tracked(ctx: AppContext, run: { profileId: string; operationId: string; label: string; cause: 'deactivate' | 'reactivate' }, work: (hooks: RunHooks) => Promise<RunResult & { warnings?: string[] }>): Promise<RunOutcome> {
  const { profileId, operationId, label, cause } = run;
  return ctx.sessions.operation(operationId, async (signal) => {
    ctx.emit('progress', { operationId, label, done: 0, total: null });
    const result = await work({
      signal,
      onProgress: (p) => ctx.emit('progress', { operationId, label, done: p.done + p.failed, total: p.total }),
      onVerified: (id, state) => publishChange(ctx, { profileId, kind: 'Users', id, resource: state === 'gone' ? null : state, cause }),
    });
    return { ...result, warnings: result.warnings ?? [], journalName: result.journal ? basename(result.journal) : null, cancelled: signal.aborted };
  });
}

async function journalSummaries(ctx: AppContext, { profileId, all }: { profileId: string; all: boolean }): Promise<JournalList> {
  const dir = journalsDir(ctx);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => JOURNAL_NAME.test(n));
  } catch {
    return { journals: [], otherTenants: 0 }; // no journals/ yet: nothing was ever run from this data folder
  }
  const tenant = await tenantOf(ctx, profileId);
  const journals: JournalSummary[] = [];
  let otherTenants = 0;
  for (const journalName of names) {
    const path = join(dir, journalName);
    const { records } = await readJournal(path, isDeactivationRecord);
    const starts = new Map(records.filter((r) => r.type === 'run').map((r) => [r.runId, r.at]));
    const folded = foldRuns(records);
    const baseUrl = folded[0]?.run.baseUrl ?? '';
    const current = folded.every((s) => belongsTo(tenant, s.run.baseUrl));
    if (!current) otherTenants += 1;
    if (!current && !all) continue;
    const runs = folded.map((s) => {
      const outcomes = [...s.outcomes.values()];
      return {
        journalName,
        runId: s.run.runId,
        action: s.run.action,
        method: s.run.method,
        baseUrl: s.run.baseUrl,
        at: starts.get(s.run.runId) ?? null,
        targets: s.run.targets.length,
        done: outcomes.filter((o) => o.status === 'done').length,
        failed: outcomes.filter((o) => o.status === 'failed').length,
        ended: s.ended,
      };
    });
    const counts = await journalCounts(path);
    const ref = { baseUrl: tenantKey(baseUrl), name: current ? tenant.name : tenantName(ctx, baseUrl), current };
    journals.push({ journalName, tenant: ref, runs, pending: counts.pending, reactivatable: counts.reactivatable });
  }
  journals.sort((a, b) => (b.runs[0]?.at ?? '').localeCompare(a.runs[0]?.at ?? ''));
  return { journals, otherTenants: all ? 0 : otherTenants };
}

/**
 * Retry and undo run only from the profile of the tenant the journal was written on; checked
 * before the typed count, so the admin is told at once rather than after typing it.
 */
async function assertSameTenant(ctx: AppContext, profileId: string, path: string, what: string): Promise<void> {
  const tenant = await tenantOf(ctx, profileId);
  const { records } = await readJournal(path, isDeactivationRecord);
  const foreign = foldRuns(records).find((s) => !belongsTo(tenant, s.run.baseUrl));
  if (foreign) {
    const name = tenantName(ctx, foreign.run.baseUrl);
    throw new InspectorError('refused-unverifiable', `This journal's runs were made on ${name} (${tenantKey(foreign.run.baseUrl)}), not on ${tenant.name}; open that tenant's profile to ${what} them. Nothing was written.`, {
      journalTenant: tenantKey(foreign.run.baseUrl),
    });
  }
}

export const deactivateFunctions: FunctionsFor<typeof DEACTIVATE_CHANNELS> = {
  'deactivate.parseCsv': async (_ctx, { text, column, hasHeader }) => {
    const source = 'the pasted list';
    const table = parseCsvText(text, { source, ...(column !== undefined ? { column } : {}), ...(hasHeader !== undefined ? { hasHeader } : {}) });
    const read = { headers: table.headers, hasHeader: table.hasHeader, headerUnsure: !table.headerCertain, firstRow: table.firstRow };
    // Unsure: no values until the admin says whether line 1 is a header (a guess could drop a leaver).
    if (read.headerUnsure) return { ...read, column: null, values: [] };
    return { ...read, ...columnValues(table, column, source) };
  },
  'deactivate.plan': async (ctx, { profileId, inputs, finding, selection, method }) => {
    // A selection is resolved first: a stale one is refused before anything is asked of the tenant.
    const selected = selection ? selectionIds(ctx, profileId, selection) : null;
    const { client } = await ctx.sessions.session(profileId);
    const facts = await profileFacts(ctx, profileId);
    // A finding's users are ids the audit read from this tenant, a selection's ids main's index
    // holds: looked up by id only.
    const named = finding ? { inputs: await findingUserIds(ctx, profileId, finding.auditId, finding.code), match: ['id'] as const } : selected ? { inputs: selected, match: ['id'] as const } : { inputs };
    const plan = await planDeactivation(client, { ...named, ...(method ? { method } : {}), ...(facts.vendor ? { vendor: facts.vendor } : {}), headers: facts.headers, protectedUsers: facts.protectedUsers });
    const { plans } = state(ctx);
    const planId = randomUUID();
    plans.set(planId, { profileId, plan, vendor: facts.vendor });
    for (const old of plans.keys()) if (plans.size > MAX_PLANS) plans.delete(old);
    return { planId, plan };
  },
  'deactivate.execute': async (ctx, { planId, operationId, confirmCount }) => {
    const stored = state(ctx).plans.get(planId);
    if (!stored) throw new InspectorError('invalid-input', 'This plan is no longer held (the app restarted or it was replaced); make the plan again.', { planId });
    confirmOrRefuse(stored.plan.targets.length, confirmCount, 'deactivate');
    const { client } = await ctx.sessions.session(stored.profileId);
    await ensurePrivateDir(journalsDir(ctx), ctx.dataDir);
    const name = `deactivate-${new Date().toISOString().replace(/[:.]/g, '-')}-${planId.slice(0, 8)}.jsonl`;
    // A plan runs once: a second execute would re-send what the journal already holds.
    state(ctx).plans.delete(planId);
    return tracked(ctx, { profileId: stored.profileId, operationId, label: 'Deactivating users', cause: 'deactivate' }, (hooks) => executePlan(client, stored.plan, journalPath(ctx, name), { ...hooks, ...(stored.vendor ? { vendor: stored.vendor } : {}) }));
  },
  'deactivate.cancel': async (ctx, { operationId }) => {
    return { cancelled: ctx.sessions.cancelOperation(operationId) };
  },
  'deactivate.retry': async (ctx, { profileId, journalName, operationId, confirmCount }) => {
    const path = journalPath(ctx, journalName);
    await assertSameTenant(ctx, profileId, path, 'retry');
    confirmOrRefuse((await journalCounts(path)).pending, confirmCount, 'retry');
    const { client } = await ctx.sessions.session(profileId);
    return tracked(ctx, { profileId, operationId, label: 'Retrying failed deactivations', cause: 'deactivate' }, (hooks) => resumeRun(client, path, hooks));
  },
  'deactivate.undo': async (ctx, { profileId, journalName, operationId, confirmCount }) => {
    const path = journalPath(ctx, journalName);
    await assertSameTenant(ctx, profileId, path, 'undo');
    confirmOrRefuse((await journalCounts(path)).reactivatable, confirmCount, 'reactivate');
    const { client } = await ctx.sessions.session(profileId);
    return tracked(ctx, { profileId, operationId, label: 'Reactivating users', cause: 'reactivate' }, (hooks) => reactivateRun(client, path, hooks));
  },
  'deactivate.journals': journalSummaries,
};

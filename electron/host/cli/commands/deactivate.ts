// `deactivate`, `resume --journal`, `reactivate --journal`: the CLI face of the deactivation core.
// Dry run prints the plan with the exact requests; a real run needs --yes (or a typed count at a
// terminal) and always writes a journal.

import { InspectorError } from '../../../../shared/errors';
import type { DeactivationMethod, DeactivationPlan, RunResult } from '../../../../shared/deactivate';
import type { Command, CommandContext } from '../command';
import { commaList, optFlag, optList, optString, type ParsedArgs } from '../args';
import { withConnection } from '../connect';
import { SERVER_FILTER_ONLY } from '../options';
import { confirmCount } from '../confirm';
import { terminalSafe } from '../output';
import { columnValues, readCsvFile } from '../../../core/csv/read';
import { describeHeader } from '../../../core/csv/header';
import { executePlan, journalCounts, MATCH_ATTRIBUTES, planDeactivation, reactivateRun, refuseReadOnly, resumeRun, type MatchAttribute } from '../../../core/deactivate';

const METHODS: readonly DeactivationMethod[] = ['patch', 'put', 'delete'];

/** What the CLI read from --from-csv, for the --json document ("which row was the header?"). */
interface CsvSource {
  file: string;
  headerLine: 1 | null;
  header: string[] | null;
  column: string;
  values: number;
}

/** A bare `--header` (no "Name: value") is this command's "line 1 of the CSV is a header". */
function headerChoice(args: ParsedArgs): { hasHeader?: boolean; connection: ParsedArgs } {
  const headers = optList(args, 'header');
  const bare = headers.includes('');
  const no = optFlag(args, 'no-header');
  if (bare && no) throw new InspectorError('usage', 'Use either --header (line 1 of the CSV is a header) or --no-header (every line is a value), not both.');
  if ((bare || no) && optString(args, 'from-csv') === undefined) throw new InspectorError('usage', `--${bare ? 'header' : 'no-header'} without a value is about the CSV's first line; it goes with --from-csv FILE.`);
  const options = new Map(args.options);
  if (bare) options.set('header', headers.filter((h) => h !== ''));
  return { ...(bare || no ? { hasHeader: bare } : {}), connection: { ...args, options } };
}

async function inputsFrom(ctx: CommandContext, hasHeader: boolean | undefined): Promise<{ inputs: string[]; csv: CsvSource | null }> {
  const users = optList(ctx.args, 'user');
  const csv = optString(ctx.args, 'from-csv');
  if (users.length > 0 && csv !== undefined) throw new InspectorError('usage', 'Use either --user VALUE… or --from-csv FILE, not both.');
  if (csv === undefined) {
    if (users.length === 0) throw new InspectorError('usage', 'Name the users: --user VALUE (repeatable) or --from-csv FILE [--column NAME].');
    return { inputs: users, csv: null };
  }
  const column = optString(ctx.args, 'column');
  const table = await readCsvFile(csv, { ...(column === undefined ? {} : { column }), ...(hasHeader === undefined ? {} : { hasHeader }) });
  if (!table.headerCertain) {
    throw new InspectorError('usage', `${csv}: line 1 ("${table.firstRow.join('", "')}") could be a header or a value. Say which: --header (line 1 is a header) or --no-header (every line is a value). Nothing was done.`, { file: csv });
  }
  const picked = columnValues(table, column, csv);
  if (picked.column === null) throw new InspectorError('usage', `${csv} has ${table.headers.length} columns (${table.headers.join(', ')}); say which with --column NAME.`);
  ctx.out.info(terminalSafe(describeHeader(table, csv))); // cells may hold escape sequences
  return {
    inputs: picked.values,
    csv: { file: csv, headerLine: table.hasHeader ? 1 : null, header: table.hasHeader ? table.headers : null, column: picked.column, values: picked.values.length },
  };
}

function matchOption(ctx: CommandContext): MatchAttribute[] | undefined {
  const list = commaList(ctx.args, 'match');
  if (list === undefined) return undefined;
  const bad = list.filter((m) => !(MATCH_ATTRIBUTES as readonly string[]).includes(m));
  if (bad.length > 0) throw new InspectorError('usage', `--match takes ${MATCH_ATTRIBUTES.join(', ')}; not ${bad.join(', ')}.`);
  return list as MatchAttribute[];
}

function defaultJournal(): string {
  return `scim-inspector-deactivate-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`;
}

function planDocument(plan: DeactivationPlan, journal: string | null): Record<string, unknown> {
  return {
    planned: plan.targets.map((t) => ({ ...resolution(t), displayName: t.displayName, active: t.active, matchedBy: t.matchedBy, request: t.request })),
    done: [],
    skipped: plan.skipped.map((s) => ({ id: s.id, reason: s.reason, userName: s.userName })),
    failed: [],
    unresolved: plan.unresolved,
    refused: plan.refused,
    warnings: plan.warnings,
    journal,
    dryRun: true,
  };
}

/** How a target was resolved: the server's filter, or a verified-complete listing (its size and time). */
function resolution(t: DeactivationPlan['targets'][number]): Record<string, unknown> {
  return { input: t.input, id: t.id, userName: t.userName, resolvedBy: t.resolvedBy, listing: t.listing ? { size: t.listing.size, takenAt: t.listing.takenAt } : null };
}

function runDocument(result: RunResult, warnings: string[], plan?: DeactivationPlan): Record<string, unknown> {
  return { ...result, ...(plan ? { resolved: plan.targets.map(resolution) } : {}), warnings };
}

function exitFor(result: { failed: unknown[]; unresolved: unknown[] }): number {
  if (result.failed.length > 0) return 1;
  return result.unresolved.length > 0 ? 3 : 0;
}

function humanPlan(plan: DeactivationPlan): string {
  const lines = [`Plan: ${plan.method.toUpperCase()} ${plan.targets.length} user(s) to inactive on ${plan.baseUrl}`];
  for (const t of plan.targets) lines.push(`  ${t.request.method} ${t.request.url}  ${t.userName}${t.displayName ? ` (${t.displayName})` : ''}`);
  for (const s of plan.skipped) lines.push(`  skip ${s.userName}: ${s.reason}`);
  for (const u of plan.unresolved) lines.push(`  ? ${u.input}: ${u.reason}`);
  for (const r of plan.refused) lines.push(`  REFUSED ${r.input}: ${r.reason}`);
  return `${lines.join('\n')}\n`;
}

function humanRun(result: RunResult): string {
  const journal = result.journal === null ? 'nothing to write, so no journal' : `journal ${result.journal}`;
  const lines = [`${result.action}: ${result.done.length} done, ${result.failed.length} failed, ${result.skipped.length} skipped; ${journal}`];
  for (const f of result.failed) lines.push(`  failed ${f.id}: ${f.error}`);
  for (const u of result.unresolved) lines.push(`  ? ${u.input}: ${u.reason}`);
  return `${lines.join('\n')}\n`;
}

export const deactivateCommand: Command = {
  words: ['deactivate'],
  operands: '',
  minOperands: 0,
  maxOperands: 0,
  summary: 'deactivate users (dry run first; --yes to write); every write is journalled',
  options: {
    user: { kind: 'repeatable', valueName: 'VALUE', help: 'userName, email, externalId or id (repeatable)' },
    'from-csv': { kind: 'string', valueName: 'FILE', help: 'CSV file of users to deactivate' },
    column: { kind: 'string', valueName: 'NAME', help: 'CSV column holding the values (name or number)' },
    'no-header': { kind: 'boolean', help: 'line 1 of the CSV is a value, not a header (bare --header: it is a header)' },
    'dry-run': { kind: 'boolean', help: 'show the plan and the exact requests; write nothing' },
    yes: { kind: 'boolean', help: 'confirm the writes (required when not at a terminal)' },
    journal: { kind: 'string', valueName: 'FILE', help: 'journal file (default: a new file in the current directory)' },
    method: { kind: 'string', choices: METHODS, valueName: 'patch|put|delete', help: 'PATCH active=false (default where PATCH works), PUT, or DELETE (only by name)' },
    match: { kind: 'string', valueName: 'id,userName,externalId,email', help: 'look values up only by these attributes (default: all four)' },
    protect: { kind: 'repeatable', valueName: 'VALUE', help: 'never deactivate this user (break-glass accounts; adds to the profile list)' },
    'server-filter-only': SERVER_FILTER_ONLY,
  },
  connects: true,
  run: async (ctx) => {
    const { hasHeader, connection } = headerChoice(ctx.args);
    const { inputs, csv } = await inputsFrom(ctx, hasHeader);
    const method = optString(ctx.args, 'method') as DeactivationMethod | undefined;
    const match = matchOption(ctx);
    return withConnection(connection, ctx.env, ctx.out, async ({ client, protectedUsers }) => {
      // The profile's break-glass list always applies; --protect adds to it for this run.
      const guard = [...protectedUsers, ...optList(ctx.args, 'protect')];
      const plan = await planDeactivation(client, { inputs, method, match, protectedUsers: guard, signal: ctx.signal, serverFilterOnly: optFlag(ctx.args, 'server-filter-only') });
      for (const w of plan.warnings) ctx.out.warn(w);
      if (plan.refused.length > 0 || optFlag(ctx.args, 'dry-run')) {
        ctx.out.result({ ...planDocument(plan, null), ...(csv ? { csv } : {}) }, () => humanPlan(plan));
        if (plan.refused.length > 0) {
          const code = plan.refused.some((r) => r.kind === 'unverifiable') ? 'refused-unverifiable' : 'refused-protected';
          throw new InspectorError(code, `Refused, nothing was written: ${plan.refused.map((r) => r.reason).join(' ')}`, { refused: plan.refused });
        }
        return plan.unresolved.length > 0 ? 3 : 0;
      }
      if (plan.targets.length > 0) await confirmCount(plan.targets.length, 'deactivate', optFlag(ctx.args, 'yes'));
      const journal = optString(ctx.args, 'journal') ?? defaultJournal();
      const result = await executePlan(client, plan, journal, {
        signal: ctx.signal,
        onProgress: (p) => ctx.out.progress(`${p.done + p.failed}/${p.total} (${p.failed} failed)`),
      });
      ctx.out.endProgress();
      for (const w of result.warnings) ctx.out.warn(w);
      ctx.out.result({ ...runDocument(result, [...new Set([...plan.warnings, ...result.warnings])], plan), ...(csv ? { csv } : {}) }, () => humanRun(result));
      return exitFor(result);
    });
  },
};

function journalCommand(word: 'resume' | 'reactivate'): Command {
  return {
    words: [word],
    operands: '',
    minOperands: 0,
    maxOperands: 0,
    summary: word === 'resume' ? 'finish an interrupted deactivation run from its journal' : 'undo a deactivation run: set active back to true for the users it deactivated',
    options: {
      journal: { kind: 'string', valueName: 'FILE', help: 'the journal of the run' },
      yes: { kind: 'boolean', help: 'confirm the writes (required when not at a terminal)' },
    },
    connects: true,
    run: async (ctx) => {
      const journal = optString(ctx.args, 'journal');
      if (journal === undefined) throw new InspectorError('usage', `${word} needs --journal FILE (the journal the deactivate run wrote).`);
      const counts = await journalCounts(journal);
      const count = word === 'resume' ? counts.pending : counts.reactivatable;
      return withConnection(ctx.args, ctx.env, ctx.out, async ({ client }) => {
        // A read-only profile is refused before the admin is asked to confirm anything.
        refuseReadOnly(client, word === 'resume' ? 'resuming a deactivation' : 'undoing a deactivation');
        if (count > 0) await confirmCount(count, word === 'resume' ? 'finish deactivating' : 'reactivate', optFlag(ctx.args, 'yes'));
        const run = word === 'resume' ? resumeRun : reactivateRun;
        const result = await run(client, journal, { signal: ctx.signal, onProgress: (p) => ctx.out.progress(`${p.done + p.failed}/${p.total}`) });
        ctx.out.endProgress();
        for (const w of result.warnings) ctx.out.warn(w);
        ctx.out.result(runDocument(result, result.warnings), () => humanRun(result));
        return exitFor(result);
      });
    },
  };
}

export const resumeCommand = journalCommand('resume');
export const reactivateCommand = journalCommand('reactivate');

// `patch users|groups ID (--replace PATH=JSON | --add PATH=JSON | --remove PATH[=JSON])… [--dry-run]
// [--yes] [--journal FILE] [--put]`: the CLI face of the edit core. The document always shows the request
// exactly as it goes out (token redacted), before and the predicted after; --dry-run never sends,
// and a send needs --yes (or a typed "yes" at a terminal). Every send is in the change journal.

import { createInterface } from 'node:readline/promises';
import { InspectorError } from '../../../../shared/errors';
import type { EditPreview, SendOutcome } from '../../../../shared/edit';
import type { PatchOpName, PatchOperation, ResourceKind } from '../../../../shared/scim';
import { changeJournalPath, previewEdit, sendEdit } from '../../../core/edit';
import { operationFromFlag } from '../../../core/patch';
import { userDataDir } from '../../../core/profiles/paths';
import { optFlag, optList, optString, type ParsedArgs } from '../args';
import type { Command, CommandContext } from '../command';
import { parseHeaders, withConnection } from '../connect';
import { resolveProfile } from '../profile-connection';
import { kindOperand } from './get';
import type { Output } from '../output';

const KINDS: Record<string, ResourceKind> = { users: 'Users', groups: 'Groups' };
const OP_FLAGS: readonly PatchOpName[] = ['replace', 'add', 'remove'];

/**
 * The operations in flag order. The parser keeps each flag's values in order and the flags in the
 * order each first appears, so `--remove X --add Y` sends the remove first; interleaving one flag
 * kind around another (`--add A --remove B --add C`) groups the adds.
 */
export function operationsFrom(args: ParsedArgs): PatchOperation[] {
  const operations: PatchOperation[] = [];
  for (const name of args.options.keys()) {
    const op = OP_FLAGS.find((flag) => flag === name);
    if (op) for (const value of optList(args, op)) operations.push(operationFromFlag(op, value));
  }
  if (operations.length === 0) throw new InspectorError('usage', 'Say what to change: --replace PATH=JSON, --add PATH=JSON or --remove PATH[=JSON] (repeatable), e.g. --replace \'title="CTO"\'.');
  return operations;
}

/** The vendor hint (PatchOp dialect) and extra headers of the connection, for an exact preview. */
async function connectionTraits(args: ParsedArgs, env: NodeJS.ProcessEnv): Promise<{ vendor: string | null; headers: Record<string, string>; profile: string | null }> {
  const flagHeaders = parseHeaders(optList(args, 'header'));
  const sandbox = optString(args, 'sandbox');
  if (sandbox !== undefined) return { vendor: sandbox, headers: flagHeaders, profile: `sandbox ${sandbox}` };
  const profile = optString(args, 'profile');
  if (profile === undefined) return { vendor: null, headers: flagHeaders, profile: null };
  const resolved = await resolveProfile(profile, env);
  return { vendor: resolved.options.vendor ?? null, headers: { ...resolved.options.headers, ...flagHeaders }, profile: resolved.name };
}

function previewDocument(preview: EditPreview): Record<string, unknown> {
  return {
    request: preview.request,
    before: preview.before,
    after: preview.after,
    changed: preview.changed,
    sent: false,
    result: null,
    warnings: preview.warnings.map((w) => w.message),
  };
}

function sentDocument(preview: EditPreview, outcome: SendOutcome): Record<string, unknown> {
  const doc: Record<string, unknown> = { ...previewDocument(preview), sent: true, status: outcome.status, responseStatus: outcome.responseStatus, journal: outcome.journal };
  if (outcome.status === 'conflict') {
    return { ...doc, result: null, changedMeanwhile: outcome.changedMeanwhile, conflicts: outcome.conflicts, newRequest: outcome.newPreview.request };
  }
  doc.result = outcome.result;
  doc.verification = outcome.verification;
  if (outcome.status === 'partially-applied') doc.offerPut = outcome.offerPut ? { request: outcome.offerPut.request, after: outcome.offerPut.after } : null;
  return doc;
}

function human(preview: EditPreview, outcome: SendOutcome | null): string {
  const r = preview.request;
  const lines = [`${r.method} ${r.url}`, ...Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`), '', JSON.stringify(r.body, null, 2), ''];
  lines.push(preview.changed.length > 0 ? `changes: ${preview.changed.join(', ')}` : 'changes: none');
  for (const c of preview.changes) lines.push(`  ${c.path}: ${JSON.stringify(c.before) ?? 'unset'} → ${JSON.stringify(c.after) ?? 'unset'}`);
  if (outcome === null) lines.push('not sent (dry run)');
  else if (outcome.status === 'conflict') lines.push('NOT applied: the resource changed meanwhile (412); review the changes and run again.');
  else lines.push(`${outcome.status} (${outcome.responseStatus ?? '2xx'}); journal ${outcome.journal}`);
  return `${lines.join('\n')}\n`;
}

/** The `patch` command lines that send the alternatives a 501/405 refusal offers. */
function alternativeCommands(kind: string, id: string, error: InspectorError): string[] {
  const offered = Array.isArray(error.details?.alternatives) ? (error.details.alternatives as { label: string; preview: EditPreview }[]) : [];
  const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
  return offered.map(({ label, preview }) => {
    if (preview.method === 'PUT') return `To send it as ${label}: run the same command with --put.`;
    const ops = (preview.request.body as { Operations?: { op: string; path?: string; value?: unknown }[] }).Operations ?? [];
    const flags = ops.map((op) => `--${op.op} ${quote(`${op.path ?? ''}${op.value === undefined ? '' : `=${JSON.stringify(op.value)}`}`)}`);
    return `To send it as ${label}: scim-inspector patch ${kind.toLowerCase()} ${id} ${flags.join(' ')} --yes`;
  });
}

/** A send needs --yes, or a person at a terminal typing "yes"; anything else is refused (exit 4). */
async function confirmSend(preview: EditPreview, yes: boolean, out: Output): Promise<void> {
  if (yes) return;
  const refusal = `Refusing to send the ${preview.method} to ${preview.request.url} without confirmation: run with --dry-run to see it, then again with --yes. Nothing was sent.`;
  if (!process.stdin.isTTY || !process.stderr.isTTY) throw new InspectorError('refused-needs-confirmation', refusal);
  process.stderr.write(out.secrets.text(human(preview, null).replace('not sent (dry run)\n', '')));
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question('Type yes to send it, anything else to stop: ');
    if (answer.trim().toLowerCase() !== 'yes') throw new InspectorError('refused-needs-confirmation', `Not confirmed; nothing was sent.`);
  } finally {
    rl.close();
  }
}

async function run(ctx: CommandContext): Promise<number> {
  const kind = kindOperand(ctx.operands[0], KINDS);
  const id = ctx.operands[1] ?? '';
  if (id.trim() === '') throw new InspectorError('usage', 'The id is empty.');
  const operations = operationsFrom(ctx.args);
  const traits = await connectionTraits(ctx.args, ctx.env);
  return withConnection(ctx.args, ctx.env, ctx.out, async ({ client, label }) => {
    const method = optFlag(ctx.args, 'put') ? 'PUT' : 'PATCH';
    const preview = await previewEdit(client, kind, id, { operations }, { vendor: traits.vendor, headers: traits.headers, method, signal: ctx.signal });
    if (preview.empty) throw new InspectorError('invalid-input', `These operations change nothing on ${kind === 'Users' ? 'user' : 'group'} ${id}; nothing to send.`);
    for (const w of preview.warnings) ctx.out.warn(w.message);
    if (optFlag(ctx.args, 'dry-run')) {
      ctx.out.result(previewDocument(preview), () => human(preview, null));
      return 0;
    }
    await confirmSend(preview, optFlag(ctx.args, 'yes'), ctx.out);
    const journal = optString(ctx.args, 'journal') ?? changeJournalPath(userDataDir(ctx.env));
    const outcome = await sendEdit(client, preview, { journal, profile: traits.profile ?? label, signal: ctx.signal }).catch((error: unknown) => {
      // 501/405: say how to send each form the server may implement instead.
      if (error instanceof InspectorError && error.code === 'not-supported') for (const hint of alternativeCommands(kind, id, error)) ctx.out.info(hint);
      throw error;
    });
    if (outcome.status !== 'conflict') for (const w of outcome.verification.warnings) ctx.out.warn(w);
    if (outcome.status === 'conflict') ctx.out.warn(`The resource changed since it was read (412); nothing was applied. Changed meanwhile: ${outcome.changedMeanwhile.map((c) => c.path).join(', ') || 'nothing visible'}. Run the command again to apply it to the current resource.`);
    if (outcome.status === 'partially-applied' && outcome.offerPut) ctx.out.warn('This service ignored part of the PATCH; offerPut in the document is the full replacement that would make the whole change: run the same command with --put to send it.');
    ctx.out.result(sentDocument(preview, outcome), () => human(preview, outcome));
    return outcome.status === 'applied' ? 0 : 1;
  }, { signal: ctx.signal });
}

export const patchCommand: Command = {
  words: ['patch'],
  operands: 'users|groups ID',
  minOperands: 2,
  maxOperands: 2,
  summary: 'change one user or group with PatchOp operations: preview (--dry-run), then send with --yes; journalled',
  options: {
    replace: { kind: 'repeatable', valueName: 'PATH=JSON', help: 'replace PATH with a JSON value, e.g. \'title="CTO"\' or active=false (repeatable)' },
    add: { kind: 'repeatable', valueName: 'PATH=JSON', help: 'add a JSON value at PATH, e.g. \'members=[{"value":"ID"}]\' (repeatable)' },
    remove: { kind: 'repeatable', valueName: 'PATH[=JSON]', help: 'remove PATH, e.g. title or \'members[value eq "ID"]\' (repeatable)' },
    put: { kind: 'boolean', help: 'send the change as a PUT (full replace built from the current resource), for services whose PATCH ignores it' },
    'dry-run': { kind: 'boolean', help: 'show the exact request, before and after; send nothing' },
    yes: { kind: 'boolean', help: 'confirm the write (required when not at a terminal)' },
    journal: { kind: 'string', valueName: 'FILE', help: 'change journal to append to (default: changes.jsonl in the app data folder)' },
  },
  connects: true,
  run,
};

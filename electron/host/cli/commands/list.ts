// `users list` / `groups list`: every resource, verified complete by the core's listing engine,
// printed as the document of design/cli.md. Exit 1 when the listing could not be verified complete,
// after printing what was found — a script must never mistake a short list for the whole tenant.
// Every form streams: each page is written as soon as it is verified. With --json the fields known
// only at the end (complete, count, reportedTotal, warnings) follow Resources (json-stream.ts); the
// human table is written in blocks sized as it goes (table-stream.ts), its count line last.

import { InspectorError, toAppError } from '../../../../shared/errors';
import type { ListOutcome, ResourceKind, ScimResource } from '../../../../shared/scim';
import { parseFilter } from '../../../core/scim/filter';
import { RawItems } from '../../../core/scim/raw-items';
import type { ListOptions } from '../../../core/scim/types';
import { commaList, optFlag, optInt, optString } from '../args';
import type { Command, CommandContext } from '../command';
import { requireKind, withConnection, type Connection } from '../connect';
import { LIST_OPTIONS } from '../options';
import { openItemStream } from '../json-stream';
import type { Output } from '../output';
import { listFooter, resourceRows } from '../render';
import { TableBlocks } from '../table-stream';
import { fetchMissingMembers } from './members';

export interface ListDocument {
  complete: boolean;
  count: number;
  reportedTotal: number | null;
  warnings: string[];
  Resources: ScimResource[];
}

function listOptions(ctx: CommandContext, kind: ResourceKind): ListOptions {
  const { args } = ctx;
  const filter = optString(args, 'filter');
  // Syntax is checked before anything connects: a typo exits 2 with the error's position.
  if (filter !== undefined) parseFilter(filter);
  const attributes = commaList(args, 'attributes');
  const excludedAttributes = commaList(args, 'excluded-attributes');
  const members = optFlag(args, 'members');
  if (members && kind !== 'Groups') throw new InspectorError('usage', '--members is for `groups list`; users carry their groups in the "groups" attribute.', { option: 'members' });
  if (members && excludedAttributes?.some((a) => a.toLowerCase() === 'members')) {
    throw new InspectorError('usage', '--members and --excluded-attributes members contradict each other; drop one.', { option: 'members' });
  }
  // With --attributes the server returns only what is named, so members must be named too.
  const attrs = members && attributes && !attributes.some((a) => a.toLowerCase() === 'members') ? [...attributes, 'members'] : attributes;
  const limit = optInt(args, 'limit');
  return {
    ...(filter !== undefined ? { filter } : {}),
    ...(attrs ? { attributes: attrs } : {}),
    ...(excludedAttributes ? { excludedAttributes } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(optFlag(args, 'server-filter-only') ? { serverFilterOnly: true } : {}),
    signal: ctx.signal,
    onPage: (_resources, p) => ctx.out.progress(`${p.resourcesDone}${p.reportedTotal !== null ? `/${p.reportedTotal}` : ''} resources, page ${p.pagesDone}${p.pagesTotal !== null ? `/${p.pagesTotal}` : ''}`),
  };
}

export function toListDocument(outcome: ListOutcome, filterSent: boolean): ListDocument {
  const warnings = [...outcome.warnings];
  // The core should already say so; make sure the person reading never misses it.
  if (filterSent && outcome.serverHonouredFilter === false && !warnings.some((w) => /filter/i.test(w))) {
    warnings.push('The server ignored the filter and returned non-matching resources; the filter was applied locally.');
  }
  return { complete: outcome.complete, count: outcome.count, reportedTotal: outcome.reportedTotal, warnings, Resources: outcome.Resources };
}

/** How many pages went at once: what adaptive concurrency reached (or the pinned setting). */
export function concurrencyNote(outcome: ListOutcome): string | null {
  const c = outcome.concurrency;
  if (!c) return null;
  if (!c.adaptive) return `Fetched up to ${c.max} pages at once (--concurrency ${c.start}).`;
  return `Fetched up to ${c.max} pages at once (adaptive: started at ${c.start}, ended at ${c.final}${c.decreases > 0 ? `, halved ${c.decreases} time(s) on 429 or slower answers` : ''}).`;
}

function exitForList(out: Output, doc: Omit<ListDocument, 'Resources'>, kind: ResourceKind, limit?: number): number {
  if (!doc.complete) {
    const what = `${doc.count} ${kind.toLowerCase()} received${doc.reportedTotal !== null ? `, the server reports ${doc.reportedTotal}` : ''}`;
    out.info(
      limit !== undefined && doc.count >= limit
        ? `Stopped at --limit ${limit} (${what}); exit code 1 because this is not the complete list.`
        : `The listing could not be verified complete (${what}); exit code 1.`,
    );
    return 1;
  }
  return 0;
}

/** Where a listing's verified pages go: the --json/--ndjson document, or the human table. */
interface PageWriter {
  write(resources: ScimResource[]): void;
  drained(): Promise<void>;
  /** The listing failed midway: stdout is ended truthfully (the error itself goes to stderr). */
  fail(error: unknown): void;
  close(summary: Omit<ListDocument, 'Resources'>): void;
  raw?: RawItems;
}

function documentWriter(out: Output): PageWriter {
  // Resources kept exactly as parsed are written as the bytes they came in (raw-items.ts); a
  // group --members filled in is a new object, so it is serialised.
  const raw = new RawItems();
  const stream = openItemStream(out, 'Resources', {}, raw);
  return {
    raw,
    write: (resources) => {
      for (const r of resources) stream.item(r);
      stream.flush();
    },
    drained: () => stream.drained(),
    // stdout stays one valid document: what was written, then complete: false and the error.
    fail: (error) => stream.close({ complete: false, count: stream.count, reportedTotal: null, warnings: [] }, toAppError(error)),
    close: (summary) => stream.close(summary),
  };
}

function tableWriter(out: Output, kind: ResourceKind): PageWriter {
  const table = new TableBlocks(resourceRows([], kind).headers);
  const noun = kind.toLowerCase();
  // Each page's resources are redacted before their cells are cut (out.result), as the whole
  // collected document was: a cut must never leave half a secret on the screen.
  const print = (text: string): void => {
    if (text !== '') out.result(text, (t) => t);
  };
  return {
    write: (resources) => {
      if (resources.length > 0) out.result(resources, (shown) => table.page(resourceRows(shown, kind).rows));
    },
    drained: () => out.drained(),
    // As with --json: a failure before the first row writes nothing to stdout.
    fail: () => print(table.count === 0 ? '' : `\n${table.count} ${noun} printed before the listing failed; NOT verified complete\n`),
    close: (doc) => print(`${table.end()}\n${listFooter(doc, kind)}\n`),
  };
}

/**
 * Pages written as they are verified, in every output form; nothing held but the listing's ids.
 * `fill` completes a page before it is written (--members: groups listed without their members),
 * one page at a time and in order; the listing waits for it as it waits for stdout.
 */
async function streamKind(ctx: CommandContext, conn: Connection, kind: ResourceKind, options: ListOptions, fill?: (page: ScimResource[]) => Promise<ScimResource[]>): Promise<number> {
  const writer = ctx.out.json || ctx.out.ndjson ? documentWriter(ctx.out) : tableWriter(ctx.out, kind);
  const showProgress = options.onPage;
  const write = (resources: ScimResource[]): void => writer.write(resources);
  let filled: Promise<void> = Promise.resolve();
  let failed: { error: unknown } | null = null;
  const settled = async (): Promise<void> => {
    await filled;
    if (failed) throw failed.error;
  };
  let outcome: ListOutcome;
  try {
    outcome = await conn.client.list(kind, {
      ...options,
      keep: false,
      ...(writer.raw ? { rawItems: writer.raw } : {}),
      // A slow reader of stdout (or a page still being filled) holds the listing back instead of filling memory.
      pace: async () => {
        await settled();
        await writer.drained();
      },
      onPage: (resources, progress) => {
        if (fill) filled = filled.then(async () => void (failed ? undefined : write(await fill(resources)))).catch((error: unknown) => void (failed ??= { error }));
        else write(resources);
        showProgress?.(resources, progress);
      },
    });
    await settled();
  } catch (error) {
    ctx.out.endProgress();
    writer.fail(error);
    throw error;
  }
  ctx.out.endProgress();
  const note = concurrencyNote(outcome);
  if (note) ctx.out.info(note);
  const { Resources: _none, ...summary } = toListDocument(outcome, options.filter !== undefined);
  for (const w of summary.warnings) ctx.out.warn(w);
  writer.close(summary);
  return exitForList(ctx.out, summary, kind, options.limit);
}

async function listKind(ctx: CommandContext, conn: Connection, kind: ResourceKind, options: ListOptions): Promise<number> {
  requireKind(conn, kind);
  const { client } = conn;
  const members = kind === 'Groups' && optFlag(ctx.args, 'members');
  // --members fills in groups listed without members, page by page, before they are written.
  const fill = members ? (page: ScimResource[]) => fetchMissingMembers(client, page, { concurrency: optInt(ctx.args, 'concurrency') ?? 4, signal: ctx.signal }) : undefined;
  return streamKind(ctx, conn, kind, options, fill);
}

function listCommand(word: 'users' | 'groups', kind: ResourceKind): Command {
  return {
    words: [word, 'list'],
    operands: '',
    minOperands: 0,
    maxOperands: 0,
    summary: `every ${word === 'users' ? 'user' : 'group'} of the tenant, verified complete${word === 'groups' ? ' (--members: with full member lists)' : ''}`,
    options: LIST_OPTIONS,
    connects: true,
    run: (ctx) => {
      // Flags (filter syntax included) are checked before anything connects or starts.
      const options = listOptions(ctx, kind);
      return withConnection(ctx.args, ctx.env, ctx.out, (conn) => listKind(ctx, conn, kind, options), { signal: ctx.signal });
    },
  };
}

export const usersList = listCommand('users', 'Users');
export const groupsList = listCommand('groups', 'Groups');

// `find user|group VALUE`: the one resource VALUE names. Several or none is an answer too (exit 3,
// candidates listed) — a bulk job must never act on "the first of two Jane Does".

import { InspectorError } from '../../../../shared/errors';
import type { ResourceKind, ScimResource } from '../../../../shared/scim';
import type { ScimClient } from '../../../core/scim/types';
import type { Command, CommandContext } from '../command';
import { requireKind, withConnection } from '../connect';
import { kindOperand } from './get';
import { candidatesFor, lookupFilter, nearMisses } from './find-match';

const KINDS: Record<string, ResourceKind> = { user: 'Users', group: 'Groups', users: 'Users', groups: 'Groups' };

/** A 400 from the server about the filter: it cannot filter on one of the fields we asked for. */
function serverRejectedFilter(error: unknown): boolean {
  return error instanceof InspectorError && (error.code === 'invalid-filter' || error.code === 'invalid-input') && error.details?.status === 400;
}

async function lookup(ctx: CommandContext, client: ScimClient, kind: ResourceKind, value: string): Promise<ScimResource[]> {
  try {
    const outcome = await client.list(kind, { filter: lookupFilter(kind, value), signal: ctx.signal });
    for (const w of outcome.warnings) ctx.out.warn(w);
    if (!outcome.complete) throw new InspectorError('incomplete-listing', `The lookup of "${value}" could not be verified complete, so uniqueness cannot be confirmed. Try again.`, { value });
    return outcome.Resources;
  } catch (error) {
    if (!serverRejectedFilter(error)) throw error;
  }
  // Vendors that filter only on some attributes (Lettermint: userName/externalId) reject the
  // combined filter; every resource is then listed and matched here instead.
  ctx.out.warn(`The server cannot filter on all of ${kind === 'Users' ? 'userName, externalId and emails' : 'displayName and externalId'}; listing every ${kind === 'Users' ? 'user' : 'group'} and matching locally.`);
  const all = await client.list(kind, { signal: ctx.signal });
  for (const w of all.warnings) ctx.out.warn(w);
  if (!all.complete) throw new InspectorError('incomplete-listing', `The full listing could not be verified complete, so "${value}" cannot be looked up reliably. Try again.`, { value });
  return all.Resources;
}

export const findCommand: Command = {
  words: ['find'],
  operands: 'user|group VALUE',
  minOperands: 2,
  maxOperands: 2,
  summary: 'the one user (userName, externalId, primary email) or group (displayName, externalId) named VALUE',
  options: {},
  connects: true,
  run: async (ctx) => {
    const kind = kindOperand(ctx.operands[0], KINDS);
    const value = ctx.operands[1] ?? '';
    if (value === '') throw new InspectorError('usage', 'The value to find is empty.');
    return withConnection(ctx.args, ctx.env, ctx.out, async (conn) => {
      requireKind(conn, kind);
      const { client } = conn;
      const answered = await lookup(ctx, client, kind, value);
      const matches = candidatesFor(answered, kind, value);
      const what = kind === 'Users' ? 'user' : 'group';
      const candidates = matches.map((m) => m.candidate);
      if (matches.length === 0) {
        const near = kind === 'Users' ? nearMisses(answered, value) : [];
        const hint = near.length > 0 ? ` ${near.length === 1 ? 'One user has' : `${near.length} users have`} it as a non-primary email (listed below).` : '';
        throw new InspectorError('not-found', `No ${what} has ${kind === 'Users' ? 'userName, externalId or primary email' : 'displayName or externalId'} "${value}".${hint}`, { value, candidates: near });
      }
      if (matches.length > 1) {
        throw new InspectorError('ambiguous', `${matches.length} ${what}s match "${value}"; use \`get ${kind.toLowerCase()} ID\` with one of the ids below.`, { value, candidates });
      }
      ctx.out.result(matches[0]?.resource);
      return 0;
    }, { signal: ctx.signal });
  },
};

// `find user|group VALUE`: the one resource VALUE names, resolved by the core resolver (a trusted
// server filter, else the verified-complete listing), printed with how it was resolved. None or
// several is an answer too (exit 3, candidates listed) — a bulk job must never act on "the first
// of two Jane Does" — and "none" is said only when a complete listing proved it.

import { InspectorError } from '../../../../shared/errors';
import type { MatchField } from '../../../../shared/resolve';
import type { ResourceKind } from '../../../../shared/scim';
import { resolveValues } from '../../../core/resolve/index';
import { optFlag } from '../args';
import type { Command } from '../command';
import { requireKind, withConnection } from '../connect';
import { SERVER_FILTER_ONLY } from '../options';
import { kindOperand } from './get';

const KINDS: Record<string, ResourceKind> = { user: 'Users', group: 'Groups', users: 'Users', groups: 'Groups' };

/** design/cli.md: users by userName, externalId or primary email; groups by displayName or externalId. */
const FIELDS: Record<ResourceKind, MatchField[]> = { Users: ['userName', 'externalId', 'primaryEmail'], Groups: ['displayName', 'externalId'] };

export const findCommand: Command = {
  words: ['find'],
  operands: 'user|group VALUE',
  minOperands: 2,
  maxOperands: 2,
  summary: 'the one user (userName, externalId, primary email) or group (displayName, externalId) named VALUE, with how it was resolved',
  options: { 'server-filter-only': SERVER_FILTER_ONLY },
  connects: true,
  run: async (ctx) => {
    const kind = kindOperand(ctx.operands[0], KINDS);
    const value = ctx.operands[1] ?? '';
    if (value.trim() === '') throw new InspectorError('usage', 'The value to find is empty.');
    const serverFilterOnly = optFlag(ctx.args, 'server-filter-only');
    return withConnection(ctx.args, ctx.env, ctx.out, async (conn) => {
      requireKind(conn, kind);
      const outcome = await resolveValues(conn.client, kind, [value], { fields: FIELDS[kind], serverFilterOnly, signal: ctx.signal });
      for (const w of outcome.warnings) ctx.out.warn(w);
      const r = outcome.results[0];
      if (!r) throw new InspectorError('usage', 'The value to find is empty.');
      const how = { resolvedBy: r.resolvedBy, ...(r.listing ? { listing: { size: r.listing.size, takenAt: r.listing.takenAt } } : {}) };
      if (r.status === 'found' && r.resource) {
        ctx.out.info(r.reason);
        ctx.out.result({ ...r.resource, ...how });
        return 0;
      }
      const details = { value, candidates: r.candidates, ...how, proven: r.proven };
      if (r.status === 'ambiguous') throw new InspectorError('ambiguous', `${r.reason} Use \`get ${kind.toLowerCase()} ID\` with one of the ids below.`, details);
      if (r.status === 'unverified') throw new InspectorError('incomplete-listing', r.reason, details);
      const hint = r.candidates.length > 0 ? ` ${r.candidates.length === 1 ? 'One user has' : `${r.candidates.length} users have`} it as a non-primary email (listed below).` : '';
      throw new InspectorError('not-found', `${r.reason}${hint}`, details);
    }, { signal: ctx.signal });
  },
};

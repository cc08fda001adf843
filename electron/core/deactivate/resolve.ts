// Deactivation targets: what an admin typed or HR sent (userName, email, externalId or id), each
// resolved by the core resolver (electron/core/resolve) to exactly one user or a reported reason.
// A server that under-matches or ignores a filter never narrows or widens the target set: such
// values are matched in the session's verified-complete listing, and the plan says so per target.

import type { ListingInfo, MatchField, ResolvedBy } from '../../../shared/resolve';
import type { ScimUser } from '../../../shared/scim';
import type { ScimClient } from '../scim/types';
import { resolveValues } from '../resolve/index';

export interface Match {
  input: string;
  user: ScimUser;
  matchedBy: string[];
  resolvedBy: ResolvedBy;
  /** The verified-complete listing that proved the match (resolvedBy complete-listing). */
  listing: ListingInfo | null;
}

export interface Resolution {
  matches: Match[];
  unresolved: { input: string; reason: string; candidates: { id: string; userName: string }[] }[];
  refused: { input: string; reason: string; kind: 'unverifiable' }[];
  warnings: string[];
}

export const MATCH_ATTRIBUTES = ['id', 'userName', 'externalId', 'email'] as const satisfies readonly MatchField[];
export type MatchAttribute = (typeof MATCH_ATTRIBUTES)[number];

export async function resolveTargets(
  client: ScimClient,
  inputs: string[],
  options: {
    signal?: AbortSignal;
    onProgress?: (done: number, total: number) => void;
    /** Look values up only by these (the admin knows the column holds ids, say); default all. */
    match?: readonly MatchAttribute[];
    /** Trust the server's filters alone (no complete listing to prove "not found"). */
    serverFilterOnly?: boolean;
  } = {},
): Promise<Resolution> {
  const outcome = await resolveValues<ScimUser>(client, 'Users', inputs, {
    // None or an empty list means all of them: the resolver's rule (its default for Users is MATCH_ATTRIBUTES).
    fields: options.match ?? [],
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.serverFilterOnly ? { serverFilterOnly: true } : {}),
  });
  const result: Resolution = { matches: [], unresolved: [], refused: [], warnings: outcome.warnings };
  const seen = new Set<string>();
  for (const r of outcome.results) {
    if (r.status === 'found' && r.resource && r.resolvedBy) {
      // The same user reached through two inputs (email and userName of one person) is one target.
      if (seen.has(r.resource.id)) continue;
      seen.add(r.resource.id);
      result.matches.push({ input: r.input, user: r.resource, matchedBy: r.matchedOn, resolvedBy: r.resolvedBy, listing: r.listing });
    } else if (r.status === 'unverified') {
      result.refused.push({ input: r.input, kind: 'unverifiable', reason: r.reason });
    } else {
      result.unresolved.push({ input: r.input, reason: r.reason, candidates: r.candidates.map((c) => ({ id: c.id, userName: c.userName ?? c.displayName ?? c.id })) });
    }
  }
  return result;
}

// Turning what an admin typed or HR sent (userName, email, externalId or id) into exactly one
// user each, or a reported reason. Every server answer is verified locally: a filter the server
// ignored (Mittr returns ALL users for filters it does not support) never widens the target set.

import { InspectorError } from '../../../shared/errors';
import type { ScimUser } from '../../../shared/scim';
import type { ScimClient } from '../scim/types';
import { buildFilter, matchesFilter } from '../scim/filter';

export interface Match {
  input: string;
  user: ScimUser;
  matchedBy: string[];
}

export interface Resolution {
  matches: Match[];
  unresolved: { input: string; reason: string; candidates: { id: string; userName: string }[] }[];
  refused: { input: string; reason: string; kind: 'unverifiable' }[];
  warnings: string[];
}

/**
 * Strategies after the id lookup, in order. Within one strategy the filter forms are tried until
 * the server honours one; matches seen only through ignored forms stay unconfirmed.
 */
const ATTRIBUTES: { label: string; filters: string[] }[] = [
  { label: 'userName', filters: ['userName'] },
  { label: 'externalId', filters: ['externalId'] },
  // RFC form first; Mittr documents only `emails eq` and ignores the sub-attribute form.
  { label: 'email', filters: ['emails.value', 'emails'] },
];

function eqFilter(attribute: string, value: string): string {
  return buildFilter([{ attribute, operator: 'eq', value }]);
}

function isNoMatchStatus(error: unknown): boolean {
  return error instanceof InspectorError && (error.code === 'not-found' || error.details?.status === 400 || error.details?.status === 404);
}

function isUnsupportedFilter(error: unknown): boolean {
  return error instanceof InspectorError && (error.code === 'invalid-filter' || error.details?.status === 400 || error.details?.scimType === 'invalidFilter');
}

/**
 * A full, verified-complete listing, taken once when the server is found ignoring filters, so
 * each later value is matched locally instead of paging the whole tenant again.
 */
class LocalIndex {
  private users: Promise<ScimUser[] | null> | null = null;
  constructor(private readonly client: ScimClient, private readonly signal?: AbortSignal) {}

  all(): Promise<ScimUser[] | null> {
    // One listing however many values ask at once.
    this.users ??= this.client.list<ScimUser>('Users', { signal: this.signal }).then((o) => (o.complete ? o.Resources : null));
    return this.users;
  }
}

/** Values looked up at once; each lookup is a few small reads. */
const RESOLVE_CONCURRENCY = 6;

export const MATCH_ATTRIBUTES = ['id', 'userName', 'externalId', 'email'] as const;
export type MatchAttribute = (typeof MATCH_ATTRIBUTES)[number];

export async function resolveTargets(
  client: ScimClient,
  inputs: string[],
  options: {
    signal?: AbortSignal;
    onProgress?: (done: number, total: number) => void;
    /** Look values up only by these (the admin knows the column holds ids, say); default all. */
    match?: readonly MatchAttribute[];
  } = {},
): Promise<Resolution> {
  const match = new Set<string>(options.match && options.match.length > 0 ? options.match : MATCH_ATTRIBUTES);
  const values = [...new Set(inputs.map((v) => v.trim()).filter((v) => v !== ''))];
  const result: Resolution = { matches: [], unresolved: [], refused: [], warnings: [] };
  const ignoring = new Set<string>();
  const unsupported = new Set<string>();
  const index = new LocalIndex(client, options.signal);
  let done = 0;
  const resolveOne = async (value: string): Promise<void> => {
    // confirmed: the server itself found this user for the value (id lookup, or a filter it
    // honoured). A match seen only by filtering an unfiltered answer locally is not confirmed.
    const found = new Map<string, { user: ScimUser; by: Set<string>; confirmed: boolean }>();
    const note = (user: ScimUser, by: string, confirmed: boolean): void => {
      const entry = found.get(user.id) ?? { user, by: new Set<string>(), confirmed: false };
      entry.by.add(by);
      entry.confirmed ||= confirmed;
      found.set(user.id, entry);
    };
    let unverifiable: string | null = null;

    if (match.has('id')) {
      try {
        const user = await client.get<ScimUser>('Users', value, { signal: options.signal });
        if (user.id === value) note(user, 'id', true);
      } catch (error) {
        if (!isNoMatchStatus(error)) throw error;
      }
    }

    for (const { label, filters } of ATTRIBUTES) {
      if (!match.has(label)) continue;
      for (const attribute of filters) {
        if (unsupported.has(attribute)) continue;
        const filter = eqFilter(attribute, value);
        if (ignoring.has(attribute)) {
          const all = await index.all();
          if (all === null) {
            unverifiable = `the server ignores "${attribute} eq" filters and a full listing to check locally could not be verified complete`;
            break;
          }
          for (const user of all) if (matchesFilter(user, filter)) note(user, label, false);
          continue;
        }
        try {
          const outcome = await client.list<ScimUser>('Users', { filter, signal: options.signal });
          const honoured = outcome.serverHonouredFilter !== false;
          if (!honoured) {
            ignoring.add(attribute);
            result.warnings.push(`The server ignored the filter "${attribute} eq …" and returned other users; such matches were checked locally and are not taken as confirmed.`);
            if (!outcome.complete) {
              unverifiable = `the server ignored the filter ${filter} and its full answer could not be verified complete`;
              break;
            }
          }
          // The listing engine already keeps only resources that match the filter locally.
          for (const user of outcome.Resources) if (matchesFilter(user, filter)) note(user, label, honoured);
          if (honoured) break;
        } catch (error) {
          if (!isUnsupportedFilter(error)) throw error;
          unsupported.add(attribute);
          result.warnings.push(`The server does not support "${attribute} eq" filters; values are not looked up by ${label} through it.`);
        }
      }
      if (unverifiable) break;
    }

    if (unverifiable) {
      result.refused.push({ input: value, kind: 'unverifiable', reason: `Cannot verify who "${value}" is: ${unverifiable}.` });
    } else if (found.size === 1) {
      const [entry] = [...found.values()];
      if (entry?.confirmed) result.matches.push({ input: value, user: entry.user, matchedBy: [...entry.by] });
      else if (entry) {
        result.refused.push({
          input: value,
          kind: 'unverifiable',
          reason: `"${value}" matches ${entry.user.userName} only by ${[...entry.by].join('/')}, which this server cannot filter on (it ignored the filter and returned every user), so the server never confirmed the match; name the user by id or userName instead.`,
        });
      }
    } else if (found.size === 0) {
      result.unresolved.push({ input: value, reason: `No user has the ${[...match].join(', ')} "${value}".`, candidates: [] });
    } else {
      const candidates = [...found.values()].map(({ user, by }) => ({ id: user.id, userName: user.userName, by: [...by] }));
      result.unresolved.push({
        input: value,
        reason: `"${value}" matches ${found.size} users (${candidates.map((c) => `${c.userName} by ${c.by.join('/')}`).join(', ')}); name one by id.`,
        candidates: candidates.map(({ id, userName }) => ({ id, userName })),
      });
    }
    done += 1;
    options.onProgress?.(done, values.length);
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < values.length) {
      const value = values[next++];
      if (value !== undefined) await resolveOne(value);
    }
  };
  await Promise.all(Array.from({ length: Math.min(RESOLVE_CONCURRENCY, values.length) }, worker));
  // Lookups finish in any order; report in the order the admin gave the values.
  const order = new Map(values.map((v, i) => [v, i]));
  const byInput = (a: { input: string }, b: { input: string }): number => (order.get(a.input) ?? 0) - (order.get(b.input) ?? 0);
  result.matches.sort(byInput);
  result.unresolved.sort(byInput);
  result.refused.sort(byInput);
  // The same user reached through two inputs (email and userName of one person) is one target.
  const seen = new Set<string>();
  result.matches = result.matches.filter((m) => (seen.has(m.user.id) ? false : (seen.add(m.user.id), true)));
  return result;
}

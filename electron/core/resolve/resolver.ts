// resolveValues(): each value → exactly one resource, or a reported reason. The server's filters
// are asked first (cheap), but their answer is proof only when it can be trusted: one match, every
// asked form honoured (not rejected, ignored or caught under-matching), none known to be
// untrustworthy from the profile's observed facts. Otherwise — an empty answer included — the value
// is matched locally in a verified-complete listing of the tenant, held per session, and "not
// found" is said only when that listing holds nothing. Once a listing is held, it serves every
// later value (one listing per bulk run); a matched resource is then read fresh by id.

import { InspectorError } from '../../../shared/errors';
import { DEFAULT_MATCH_FIELDS, type Candidate, type MatchField, type ResolveOutcome, type ValueResolution } from '../../../shared/resolve';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import type { ScimClient } from '../scim/types';
import { otherCase, trustFor, type FormTrust } from '../scim/filter-trust';
import { formsFor } from './forms';
import { listingCacheFor, type CachedListing } from './listing-cache';
import { candidateOf, matchedFields, nearMisses } from './match';
import { describe, foundByListing, foundByServer, unverified } from './reasons';

export interface ResolveOptions {
  /** What a value may match (default: DEFAULT_MATCH_FIELDS of the kind). */
  fields?: readonly MatchField[];
  signal?: AbortSignal;
  /** Trust the server's filters alone: never list to prove or disprove (the strict mode). */
  serverFilterOnly?: boolean;
  /** Take a fresh listing instead of the one held. */
  refresh?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Values looked up at once; each lookup is a few small reads. */
const CONCURRENCY = 6;

interface Found {
  resource: ScimResource;
  fields: Set<MatchField>;
}

/** What the server's filters said about one value. */
interface ServerAnswer {
  found: Map<string, Found>;
  /** Every field was asked with a form the server can be trusted with, and none under-matched. */
  trusted: boolean;
  /** Why the answer is not trusted (for the reason sentence). */
  doubts: string[];
}

const isNoMatch = (error: unknown): boolean =>
  error instanceof InspectorError && (error.code === 'not-found' || error.details?.status === 400 || error.details?.status === 404);

const isRejected = (error: unknown): boolean =>
  error instanceof InspectorError && (error.code === 'invalid-filter' || (error.code === 'invalid-input' && error.details?.status === 400));

export async function resolveValues<T extends ScimResource = ScimResource>(
  client: ScimClient,
  kind: ResourceKind,
  inputs: readonly string[],
  options: ResolveOptions = {},
): Promise<ResolveOutcome<T>> {
  const fields = options.fields && options.fields.length > 0 ? [...new Set(options.fields)] : [...DEFAULT_MATCH_FIELDS[kind]];
  const values = [...new Set(inputs.map((v) => v.trim()).filter((v) => v !== ''))];
  const cache = listingCacheFor(client);
  if (options.refresh) cache.drop(kind);
  const trust = trustFor(client);
  const warnings = new Set<string>();
  const signal = options.signal;
  // One attempt per run: a listing that cannot be verified is not re-taken for every value.
  let listing: Promise<CachedListing> | null = null;
  const completeListing = (): Promise<CachedListing> => (listing ??= cache.get(kind, signal));

  const learn = (form: Parameters<FormTrust['learn']>[0], verdict: 'rejected' | 'ignored' | 'under-matches', detail: string, sentence: string): void => {
    trust.learn(form, { verdict, detail });
    warnings.add(sentence);
  };

  async function askServer(value: string): Promise<ServerAnswer> {
    const answer: ServerAnswer = { found: new Map(), trusted: true, doubts: [] };
    const note = (resource: ScimResource): void => {
      const on = matchedFields(resource, kind, value, fields);
      if (on.length === 0) return;
      const entry = answer.found.get(resource.id) ?? { resource, fields: new Set<MatchField>() };
      for (const f of on) entry.fields.add(f);
      answer.found.set(resource.id, entry);
    };
    /** Which ids each asked form returned, to catch a form that left out a resource it matches. */
    const returned: { form: Parameters<FormTrust['learn']>[0]; field: MatchField; ids: Set<string> }[] = [];
    for (const field of fields) {
      if (field === 'id') {
        try {
          const resource = await client.get(kind, value, { signal });
          if (resource.id === value) note(resource);
        } catch (error) {
          if (!isNoMatch(error)) throw error;
        }
        continue;
      }
      let asked = false;
      for (const { form, filter } of formsFor(kind, field)) {
        if (trust.untrusted(form)) {
          answer.doubts.push(`${filter('…')} is ${trust.why(form)}`);
          continue;
        }
        const text = filter(value);
        try {
          const outcome = await client.list(kind, { filter: text, signal, serverFilterOnly: true });
          if (outcome.serverHonouredFilter === false) {
            learn(form, 'ignored', 'returned resources that do not match', `The server ignores the filter ${filter('…')} (it returned ${kind === 'Users' ? 'users' : 'groups'} that do not match); such values are matched in a verified-complete listing instead.`);
            answer.doubts.push(`the server ignores ${filter('…')}`);
            continue;
          }
          if (!outcome.complete) {
            answer.doubts.push(`the answer to ${text} could not be verified complete`);
            continue;
          }
          for (const r of outcome.Resources) note(r);
          returned.push({ form, field, ids: new Set(outcome.Resources.map((r) => r.id)) });
          if (form === 'Users.userName' && outcome.Resources.length > 0) await checkCase(value, outcome.Resources.map((r) => r.id), answer);
          asked = true;
          break;
        } catch (error) {
          if (!isRejected(error)) throw error;
          const detail = error instanceof InspectorError && typeof error.details?.detail === 'string' ? error.details.detail : 'invalidFilter';
          learn(form, 'rejected', `400: ${detail}`, `The server rejects the filter ${filter('…')} (400 ${detail}); such values are matched in a verified-complete listing instead.`);
          answer.doubts.push(`the server rejects ${filter('…')}`);
        }
      }
      if (!asked) answer.trusted = false;
    }
    // A resource found by one field that also matches another field whose form did not return it:
    // that form under-matches (case-sensitive userName, emails.value eq that finds nothing...).
    for (const { resource, fields: on } of answer.found.values()) {
      for (const r of returned) {
        if (on.has(r.field) && !r.ids.has(resource.id)) {
          const form = formsFor(kind, r.field).find((f) => f.form === r.form);
          const shown = form ? form.filter('…') : r.form;
          learn(r.form, 'under-matches', `left out a ${kind === 'Users' ? 'user' : 'group'} it matches`, `The server's filter ${shown} under-matches: it left out ${describe(resource)}, which matches; such values are matched in a verified-complete listing instead.`);
          answer.trusted = false;
          answer.doubts.push(`${shown} under-matches`);
        }
      }
    }
    return answer;
  }

  /**
   * userName is caseExact false (RFC 7643), but some servers compare it case-sensitively, and then
   * "Ana" found alone may hide "ana". Until this session (or the probe) knows how the server
   * compares, the same lookup is asked once in the other case: a server that finds fewer that way
   * under-matches, and its answers are checked in a complete listing from then on.
   */
  async function checkCase(value: string, ids: string[], answer: ServerAnswer): Promise<void> {
    const variant = otherCase(value);
    if (variant === null || trust.observation('Users.userName.otherCase') !== undefined) return;
    const outcome = await client.list(kind, { filter: formsFor(kind, 'userName')[0]?.filter(variant) ?? '', signal, serverFilterOnly: true });
    const seen = new Set(outcome.Resources.map((r) => r.id));
    if (outcome.serverHonouredFilter !== false && outcome.complete && ids.every((id) => seen.has(id))) {
      trust.learn('Users.userName.otherCase', { verdict: 'honoured', detail: 'found the same user in the other letter case' });
      return;
    }
    learn('Users.userName.otherCase', 'under-matches', 'case-sensitive: the other letter case of a known userName found nothing', `The server compares userName eq case-sensitively (RFC 7643 says it must not), so a userName in another letter case is missed; userNames are matched in a verified-complete listing instead.`);
    answer.trusted = false;
    answer.doubts.push('userName eq is case-sensitive');
  }

  async function byListing(value: string, why: string[]): Promise<ValueResolution<T>> {
    let held: CachedListing;
    try {
      held = await completeListing();
    } catch (error) {
      if (error instanceof InspectorError && error.code === 'incomplete-listing') return unverified<T>(value, kind, error.message);
      throw error;
    }
    const matches: Candidate[] = [];
    for (const entry of held.entries) {
      const on = matchedFields(entry, kind, value, fields);
      if (on.length > 0) matches.push(candidateOf(entry, on));
    }
    const base = { input: value, resolvedBy: 'complete-listing' as const, listing: held.info, proven: true };
    if (matches.length === 0) {
      return { ...base, status: 'not-found', resource: null, matchedOn: [], candidates: nearMisses(held.entries, value, fields), reason: foundByListing(kind, value, fields, held.info, 0, why) };
    }
    if (matches.length > 1) {
      return { ...base, status: 'ambiguous', resource: null, matchedOn: [], candidates: matches, reason: foundByListing(kind, value, fields, held.info, matches, why) };
    }
    const only = matches[0] as Candidate;
    // Fresh from the server: the listing may be minutes old, and the caller acts on this state.
    let resource: T;
    try {
      resource = await client.get<T>(kind, only.id, { signal });
    } catch (error) {
      if (!isNoMatch(error)) throw error;
      return unverified<T>(value, kind, `"${value}" matched ${only.userName ?? only.displayName ?? only.id} in the listing taken ${held.info.takenAt}, but that ${kind === 'Users' ? 'user' : 'group'} is gone now; refresh the listing and try again.`);
    }
    const now = matchedFields(resource, kind, value, fields);
    if (now.length === 0) {
      return unverified<T>(value, kind, `"${value}" matched ${only.id} in the listing taken ${held.info.takenAt}, but it no longer does; refresh the listing and try again.`);
    }
    return { ...base, status: 'found', resource, matchedOn: now, candidates: [], reason: foundByListing(kind, value, fields, held.info, [only], why) };
  }

  async function resolveOne(value: string): Promise<ValueResolution<T>> {
    if (!options.serverFilterOnly && cache.held(kind)) return byListing(value, []);
    const answer = await askServer(value);
    const found = [...answer.found.values()];
    if (found.length > 1) {
      // Each one really matches (checked here), so the ambiguity is proven whatever else exists.
      const candidates = found.map((f) => candidateOf(f.resource, [...f.fields]));
      return { input: value, status: 'ambiguous', resource: null, matchedOn: [], candidates, resolvedBy: 'server-filter', listing: null, proven: true, reason: foundByServer(kind, value, candidates) };
    }
    if (found.length === 1 && (answer.trusted || options.serverFilterOnly)) {
      const [only] = found as [Found];
      return { input: value, status: 'found', resource: only.resource as T, matchedOn: [...only.fields], candidates: [], resolvedBy: 'server-filter', listing: null, proven: true, reason: foundByServer(kind, value, [candidateOf(only.resource, [...only.fields])]) };
    }
    if (options.serverFilterOnly) {
      return {
        input: value, status: 'not-found', resource: null, matchedOn: [], candidates: [], resolvedBy: 'server-filter', listing: null, proven: false,
        reason: `The server's filters found no ${kind === 'Users' ? 'user' : 'group'} for "${value}"; not proven (server filters only: no complete listing was taken to check).`,
      };
    }
    const why = found.length === 0 ? ["the server's filters found none", ...answer.doubts] : answer.doubts;
    return byListing(value, why);
  }

  const results: ValueResolution<T>[] = new Array(values.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < values.length) {
      const i = next++;
      results[i] = await resolveOne(values[i] as string);
      done += 1;
      options.onProgress?.(done, values.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, values.length) }, worker));
  return { kind, results, warnings: [...warnings], listing: cache.held(kind)?.info ?? null };
}

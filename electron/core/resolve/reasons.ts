// The sentences a resolution carries: each says what was found and how it was proven (which
// server filter, or which verified-complete listing of how many, taken when).

import type { Candidate, ListingInfo, MatchField, ValueResolution } from '../../../shared/resolve';
import type { ResourceKind, ScimResource } from '../../../shared/scim';

const FIELD_WORDS: Record<MatchField, string> = {
  id: 'id',
  userName: 'userName',
  externalId: 'externalId',
  email: 'email',
  primaryEmail: 'primary email',
  displayName: 'displayName',
};

function noun(kind: ResourceKind, n = 1): string {
  const one = kind === 'Users' ? 'user' : 'group';
  return n === 1 ? one : `${one}s`;
}

export function fieldList(fields: readonly MatchField[]): string {
  const words = fields.map((f) => FIELD_WORDS[f]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

export function describe(resource: Pick<ScimResource, 'id'> & { userName?: unknown; displayName?: unknown }): string {
  const name = typeof resource.userName === 'string' ? resource.userName : typeof resource.displayName === 'string' ? resource.displayName : null;
  return name ? `${name} (${resource.id})` : resource.id;
}

function listed(c: Candidate): string {
  return `${describe(c)} by ${c.matchedOn.map((f) => FIELD_WORDS[f]).join('/')}`;
}

export function listingPhrase(info: ListingInfo): string {
  return `a verified-complete listing of ${info.size} ${noun(info.kind, info.size)} taken ${info.takenAt}`;
}

export function foundByServer(kind: ResourceKind, value: string, matches: Candidate[]): string {
  if (matches.length === 1) return `"${value}" is ${listed(matches[0] as Candidate)}, found by the server's filter.`;
  return `"${value}" matches ${matches.length} ${noun(kind, matches.length)} (${matches.map(listed).join(', ')}); name one by id.`;
}

export function foundByListing(kind: ResourceKind, value: string, fields: readonly MatchField[], info: ListingInfo, matches: Candidate[] | 0, why: string[]): string {
  const because = why.length > 0 ? ` (${why.join('; ')})` : '';
  if (matches === 0 || matches.length === 0) return `No ${noun(kind)} has the ${fieldList(fields)} "${value}": ${listingPhrase(info)} holds none${because}.`;
  if (matches.length === 1) return `"${value}" is ${listed(matches[0] as Candidate)}: the only match in ${listingPhrase(info)}${because}.`;
  return `"${value}" matches ${matches.length} ${noun(kind, matches.length)} in ${listingPhrase(info)} (${matches.map(listed).join(', ')}); name one by id.`;
}

export function unverified<T extends ScimResource>(value: string, kind: ResourceKind, why: string): ValueResolution<T> {
  return {
    input: value,
    status: 'unverified',
    resource: null,
    matchedOn: [],
    candidates: [],
    resolvedBy: null,
    listing: null,
    proven: false,
    reason: `Cannot verify which ${noun(kind)} "${value}" is: ${why}`,
  };
}

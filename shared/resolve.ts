// Resolution: which one user (or group) a value an admin typed or HR sent names. The documents the
// core's resolver returns to `find`, deactivation targets, the IdP comparison and the member
// picker. "Not found" is said only after a verified-complete listing proved it; 0 or 2+ matches
// are reported, never guessed. Plain data, no deps.

import type { ResourceKind, ScimResource } from './scim';

/** How a value was resolved: the server's own filter answer, or a verified-complete listing. */
export type ResolvedBy = 'server-filter' | 'complete-listing';

/** What a value may be matched on (RFC 7643 case rules: userName and emails case-insensitive). */
export const MATCH_FIELDS = ['id', 'userName', 'externalId', 'email', 'primaryEmail', 'displayName'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** Default fields: users by id, userName, externalId or any email; groups by id, displayName, externalId. */
export const DEFAULT_MATCH_FIELDS: Record<ResourceKind, readonly MatchField[]> = {
  Users: ['id', 'userName', 'externalId', 'email'],
  Groups: ['id', 'displayName', 'externalId'],
};

/** The cached verified-complete listing a resolution used (or would use). */
export interface ListingInfo {
  kind: ResourceKind;
  /** How many resources the complete listing holds. */
  size: number;
  /** When it was taken (ISO 8601); its age is now minus this. */
  takenAt: string;
}

export interface Candidate {
  id: string;
  userName?: string;
  displayName?: string;
  matchedOn: MatchField[];
}

/**
 * found: exactly one resource matches. not-found: a verified-complete listing holds none (or, with
 * serverFilterOnly, the server's filters found none — `proven` false). ambiguous: two or more match.
 * unverified: the answer could not be proven (the listing that would prove it was incomplete).
 */
export type ResolutionStatus = 'found' | 'not-found' | 'ambiguous' | 'unverified';

export interface ValueResolution<T extends ScimResource = ScimResource> {
  input: string;
  status: ResolutionStatus;
  /** The one resource (status found), fresh from the server. */
  resource: T | null;
  matchedOn: MatchField[];
  /** ambiguous: every match. not-found: near misses (users with the value as a non-primary email). */
  candidates: Candidate[];
  /** null when nothing was proven (unverified). */
  resolvedBy: ResolvedBy | null;
  /** The listing that proved it (resolvedBy complete-listing). */
  listing: ListingInfo | null;
  /** false only for a not-found that no complete listing proved (serverFilterOnly). */
  proven: boolean;
  /** One sentence for people, naming how it was resolved. */
  reason: string;
}

export interface ResolveOutcome<T extends ScimResource = ScimResource> {
  kind: ResourceKind;
  results: ValueResolution<T>[];
  /** Said once per run, whatever the number of values (an ignored filter is one fact). */
  warnings: string[];
  /** The cached complete listing, when one was used or is held. */
  listing: ListingInfo | null;
}

// Local matching for `find`: the server's filter answer is only a candidate set; which resources
// really match VALUE is decided here, with the case rules of RFC 7643 (userName, emails and
// displayName are case-insensitive; externalId is case-exact).

import type { ResourceKind, ScimResource } from '../../../../shared/scim';
import { buildFilter } from '../../../core/scim/filter';

/** 'otherEmail' marks a near miss: VALUE is one of the user's emails, but not the primary one. */
export type MatchField = 'userName' | 'externalId' | 'primaryEmail' | 'displayName' | 'otherEmail';

export interface Candidate {
  id: string;
  userName?: string;
  displayName?: string;
  matchedOn: MatchField[];
}

const same = (a: unknown, b: string): boolean => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

function primaryEmail(resource: ScimResource): unknown {
  const emails = Array.isArray(resource.emails) ? resource.emails.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null) : [];
  // With no email marked primary, a lone email is the primary one in every vendor we know.
  const primary = emails.find((e) => e.primary === true) ?? (emails.length === 1 ? emails[0] : undefined);
  return primary?.value;
}

export function matchedFields(resource: ScimResource, kind: ResourceKind, value: string): MatchField[] {
  const fields: MatchField[] = [];
  if (kind === 'Users') {
    if (same(resource.userName, value)) fields.push('userName');
    if (resource.externalId === value) fields.push('externalId');
    if (same(primaryEmail(resource), value)) fields.push('primaryEmail');
  } else {
    if (same(resource.displayName, value)) fields.push('displayName');
    if (resource.externalId === value) fields.push('externalId');
  }
  return fields;
}

/** Users that have VALUE as a non-primary email: not a match, but what the admin likely meant. */
export function nearMisses(resources: readonly ScimResource[], value: string): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const r of resources) {
    const emails = Array.isArray(r.emails) ? r.emails.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null) : [];
    if (!emails.some((e) => same(e.value, value)) || out.has(r.id)) continue;
    out.set(r.id, { id: r.id, ...(typeof r.userName === 'string' ? { userName: r.userName } : {}), matchedOn: ['otherEmail'] });
  }
  return [...out.values()];
}

/** The resources matching VALUE, once each (lookups can return the same resource twice). */
export function candidatesFor(resources: readonly ScimResource[], kind: ResourceKind, value: string): { resource: ScimResource; candidate: Candidate }[] {
  const seen = new Set<string>();
  const out: { resource: ScimResource; candidate: Candidate }[] = [];
  for (const resource of resources) {
    if (seen.has(resource.id)) continue;
    const matchedOn = matchedFields(resource, kind, value);
    if (matchedOn.length === 0) continue;
    seen.add(resource.id);
    const candidate: Candidate = { id: resource.id, matchedOn };
    if (typeof resource.userName === 'string') candidate.userName = resource.userName;
    if (typeof resource.displayName === 'string') candidate.displayName = resource.displayName;
    out.push({ resource, candidate });
  }
  return out;
}

/** One filter that asks the server for every possible match; the answer is re-checked locally. */
export function lookupFilter(kind: ResourceKind, value: string): string {
  const fields = kind === 'Users' ? ['userName', 'externalId', 'emails.value'] : ['displayName', 'externalId'];
  return buildFilter(fields.map((attribute) => ({ attribute, operator: 'eq' as const, value, join: 'or' as const })));
}

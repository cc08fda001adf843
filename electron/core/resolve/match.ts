// Local matching with RFC 7643's case rules: userName, emails and displayName compare
// case-insensitively (caseExact false), id and externalId exactly. Every answer a server gives to
// a lookup is re-checked here, and a verified-complete listing is matched here; this is the one
// definition of "this resource is the one VALUE names" in the product.

import type { Candidate, MatchField } from '../../../shared/resolve';
import type { ResourceKind, ScimResource, ScimUser } from '../../../shared/scim';
import { emailsOf, primaryEmail } from '../audit/user-fields';

/** The identifying attributes of a resource: what a cached listing keeps of each one. */
export interface Identity {
  id: string;
  userName?: string;
  externalId?: string;
  displayName?: string;
  emails?: { value: string; primary: boolean }[];
}

type Loose = { id: string; [key: string]: unknown };

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Emails as {value, primary}: resources here are normalised (primary a boolean). */
function emailList(resource: Loose | Identity): { value: string; primary: boolean }[] {
  return emailsOf(resource as unknown as ScimUser).map((e) => ({ value: e.value as string, primary: e.primary === true }));
}

/** The compact record a cached listing keeps (a 100k-user tenant stays a few MB). */
export function identityOf(resource: ScimResource): Identity {
  const out: Identity = { id: resource.id };
  const userName = str(resource.userName);
  const externalId = str(resource.externalId);
  const displayName = str(resource.displayName);
  if (userName !== undefined) out.userName = userName;
  if (externalId !== undefined) out.externalId = externalId;
  if (displayName !== undefined) out.displayName = displayName;
  const emails = emailList(resource);
  if (emails.length > 0) out.emails = emails;
  return out;
}

const same = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** The fields on which `resource` matches `value`, among `fields` (kind decides which exist). */
export function matchedFields(resource: Loose | Identity, kind: ResourceKind, value: string, fields: readonly MatchField[]): MatchField[] {
  const r = resource as Loose;
  const out: MatchField[] = [];
  for (const field of fields) {
    let hit = false;
    switch (field) {
      case 'id':
        hit = r.id === value;
        break;
      case 'externalId':
        hit = str(r.externalId) === value;
        break;
      case 'userName':
        hit = kind === 'Users' && same(str(r.userName), value);
        break;
      case 'displayName':
        hit = same(str(r.displayName), value);
        break;
      case 'email':
        hit = kind === 'Users' && emailList(r).some((e) => same(e.value, value));
        break;
      case 'primaryEmail':
        hit = kind === 'Users' && same(primaryEmail(r as unknown as ScimUser) ?? undefined, value);
        break;
    }
    if (hit) out.push(field);
  }
  return out;
}

export function candidateOf(resource: Loose | Identity, matchedOn: MatchField[]): Candidate {
  const r = resource as Loose;
  const candidate: Candidate = { id: r.id, matchedOn };
  const userName = str(r.userName);
  const displayName = str(r.displayName);
  if (userName !== undefined) candidate.userName = userName;
  if (displayName !== undefined) candidate.displayName = displayName;
  return candidate;
}

/** Users having `value` as an email that the fields asked for do not cover (a non-primary one). */
export function nearMisses(resources: Iterable<Loose | Identity>, value: string, fields: readonly MatchField[]): Candidate[] {
  if (!fields.includes('primaryEmail') || fields.includes('email')) return [];
  const out: Candidate[] = [];
  for (const r of resources) {
    if (emailList(r).some((e) => same(e.value, value))) out.push(candidateOf(r, ['email']));
  }
  return out;
}

/** A key for comparing this field's values across systems (IdP exports): case folded unless caseExact. */
export function matchKey(field: 'userName' | 'email' | 'externalId' | 'id' | 'displayName', value: string): string {
  const trimmed = value.trim();
  return field === 'externalId' || field === 'id' ? trimmed : trimmed.toLowerCase();
}

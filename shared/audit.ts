// Audit, snapshot and diff documents: what the CLI prints with --json and the Audit view shows.

import type { DiscoveryResult, ScimGroup, ScimUser } from './scim';

export const SNAPSHOT_FORMAT = 'scim-inspector/snapshot';
export const SNAPSHOT_VERSION = 1;

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  takenAt: string;
  baseUrl: string;
  /** False when a listing could not be verified complete; audits on it say so. */
  complete: boolean;
  /** The admin's label and the profile's name when saved from the app (absent in older files). */
  label?: string;
  tenantName?: string;
  warnings: string[];
  discovery: DiscoveryResult | null;
  users: ScimUser[];
  groups: ScimGroup[];
}

export const FINDING_CODES = [
  'missing-external-id',
  'duplicate-username',
  'inactive-user',
  'email-username-mismatch',
  'no-primary-email',
  'multiple-primary-emails',
  'user-in-no-group',
  'empty-group',
  'dangling-member',
  'formula-like-value',
  'stale-user',
  'not-in-idp',
  'not-in-tenant',
  'attribute-drift',
  // A user and the IdP's records do not name each other one to one (two users, two records, a
  // key repeated in the file, an externalId only in another case): reported, never compared.
  'idp-ambiguous',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = 'high' | 'medium' | 'low' | 'info';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  resourceType: 'User' | 'Group' | 'IdpRecord';
  /** Resource id (for not-in-tenant: the IdP key value). */
  id: string;
  /**
   * User findings: the user's userName, and its primary (or only) email when the audit knows it at
   * the time (the checks made after all users are in, duplicate-username and user-in-no-group,
   * keep only userNames, so they carry no email).
   */
  userName?: string;
  email?: string;
  detail: string;
}

export interface AuditCounts {
  users: number;
  groups: number;
  inactive: number;
  missingExternalId: number;
  duplicateUserNameSets: number;
  emailUserNameMismatch: number;
  noPrimaryEmail: number;
  multiplePrimaryEmails: number;
  emptyGroups: number;
  danglingMembers: number;
  usersInNoGroup: number;
  formulaLikeValues: number;
  staleUsers: number;
  notInIdp?: number;
  notInTenant?: number;
  attributeDrift?: number;
  idpAmbiguous?: number;
}

export interface AuditResult {
  takenAt: string;
  baseUrl: string;
  complete: boolean;
  counts: AuditCounts;
  findings: Finding[];
  /** Limits of this audit (e.g. "the service has no /Groups: group checks skipped"). */
  notes: string[];
  /** What the IdP comparison matched on, and samples of why (with an IdP export only). */
  idp?: IdpSummary;
}

/** The tenant attribute an IdP export's key column is compared with (the resolver's field names). */
export const IDP_MATCHES = ['userName', 'primaryEmail', 'email', 'externalId'] as const;
export type IdpMatch = (typeof IDP_MATCHES)[number];
export const IDP_MATCH_LABELS: Record<IdpMatch, string> = { userName: 'userName', primaryEmail: 'primary email', email: 'any email', externalId: 'externalId' };

/** How many tenant users and IdP keys would match if the key column were compared with `match`. */
export interface IdpMatchCount {
  match: IdpMatch;
  users: number;
  records: number;
}

/** An IdP row that matched a user: the file's value and the tenant value it equalled. */
export interface IdpMatchedRow {
  line: number;
  value: string;
  id: string;
  userName: string;
  tenantValue: string;
}

/** A tenant user no IdP row matched, with the tenant values that were looked for. */
export interface IdpUnmatchedUser {
  id: string;
  userName: string;
  compared: string[];
}

/** An IdP row no user matched; `wouldMatch` when another tenant attribute of some user equals it. */
export interface IdpUnmatchedRow {
  line: number;
  value: string;
  wouldMatch?: { match: IdpMatch; id: string; userName: string };
}

export interface IdpSummary {
  source: string;
  keyColumn: string;
  match: IdpMatch;
  /** Distinct non-empty keys in the file, and the users compared. */
  records: number;
  users: number;
  /** One entry per attribute of IDP_MATCHES, the chosen one included. */
  byAttribute: IdpMatchCount[];
  matched: IdpMatchedRow[];
  unmatchedUsers: IdpUnmatchedUser[];
  unmatchedRows: IdpUnmatchedRow[];
  /** A sentence when another attribute would match more users (or none matches at all). */
  hint: string | null;
}

/** One attribute that differs between two versions of a resource. */
export interface FieldChange {
  /** `displayName`, `name.givenName`, `members[value eq "id"]`, `urn:…:User:manager.value`. */
  path: string;
  /** undefined when the attribute was unassigned (absent, null or empty). */
  before: unknown;
  after: unknown;
}

export interface SnapshotDiff {
  added: { resourceType: 'User' | 'Group'; id: string; name: string }[];
  removed: { resourceType: 'User' | 'Group'; id: string; name: string }[];
  changed: { resourceType: 'User' | 'Group'; id: string; name: string; fields: FieldChange[] }[];
}

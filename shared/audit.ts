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

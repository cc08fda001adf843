// What a tenant can and cannot do, said up front (the Capabilities page, the navigation, the edit
// and create forms) rather than discovered through an error: from the vendor's documentation (the
// profile's vendor hint) and from what discovery saw. Plain data, no deps.

import type { ResourceKind } from './scim';

export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** A user attribute the vendor never changes, with the edit form's field for it. */
export interface FixedAttribute {
  /** As a PATCH path: "title", "urn:…:enterprise:2.0:User:department". */
  path: string;
  /** The edit form's field: title, department, manager. */
  field: string;
  reason: string;
}

export interface Limit {
  available: boolean;
  /** Why not (or what is special), for people; null when there is nothing to say. */
  reason: string | null;
}

export interface TenantLimits {
  profileId: string;
  /** The vendor hint these limits come from, and how it is called. */
  vendor: string;
  vendorLabel: string;
  /** Whether the vendor's documentation is behind the limits (false: a generic SCIM service). */
  documented: boolean;
  groups: Limit;
  /** PATCH on users: every attribute, or only `active` (the rest is ignored with a 200). */
  userPatch: 'all' | 'active-only';
  patch: Limit;
  put: Limit;
  fixedUserAttributes: FixedAttribute[];
  /** Attributes a create must carry (PATCH paths: userName, name.givenName, emails). */
  requiredOnCreate: Record<ResourceKind, string[]>;
  /** Group members must be active users (Lettermint). */
  groupMembersMustBeActive: boolean;
  /** POST of an existing userName re-activates that user instead of creating one (Lettermint). */
  createActivatesExisting: boolean;
  /** Everything else worth saying before the admin acts. */
  notes: string[];
  /** Discovery could not be run (the limits are the vendor's documentation only): why. */
  discoveryProblem: string | null;
}

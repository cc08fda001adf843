// What each vendor the app knows can and cannot do, from its documentation (shared/seeds): the
// Capabilities page, the navigation, the edit and create forms say it before the admin acts, and
// the edit core keeps a change the vendor will not make out of the predicted "after". The sandbox
// vendor profiles emulate the same limits, so the app is tested against what it claims.

import { ENTERPRISE_USER, type FixedAttribute } from '../../../shared/limits';
import type { ResourceKind } from '../../../shared/scim';

export interface VendorLimits {
  label: string;
  documented: boolean;
  /** null: the vendor has groups (whether this tenant does is discovery's to say). */
  noGroups: string | null;
  userPatch: 'all' | 'active-only';
  /** null: PUT is there. */
  noPut: string | null;
  fixedUserAttributes: FixedAttribute[];
  requiredOnCreate: Record<ResourceKind, string[]>;
  groupMembersMustBeActive: boolean;
  createActivatesExisting: boolean;
  notes: string[];
}

const RFC: VendorLimits = {
  label: 'RFC 7644 service',
  documented: true,
  noGroups: null,
  userPatch: 'all',
  noPut: null,
  fixedUserAttributes: [],
  requiredOnCreate: { Users: ['userName'], Groups: ['displayName'] },
  groupMembersMustBeActive: false,
  createActivatesExisting: false,
  notes: [],
};

/** title and the enterprise department/manager, for a service that takes only email, name and status. */
function notStored(vendor: string, keeps: string): FixedAttribute[] {
  const reason = `${vendor} takes only ${keeps} from SCIM; a write leaves this as it is, so it cannot be changed here.`;
  return [
    { path: 'title', field: 'title', reason },
    { path: `${ENTERPRISE_USER}:department`, field: 'department', reason },
    { path: `${ENTERPRISE_USER}:manager`, field: 'manager', reason },
  ];
}

const VENDOR_LIMITS: Record<string, VendorLimits> = {
  rfc: RFC,
  entra: { ...RFC, label: 'Microsoft Entra ID provisioning', notes: ['Entra writes op names capitalised ("Replace") and removes group members by a list of values.'] },
  mindtickle: {
    ...RFC,
    label: 'Mindtickle',
    userPatch: 'active-only',
    requiredOnCreate: { Users: ['userName', 'name.givenName', 'name.familyName', 'emails'], Groups: ['displayName'] },
    notes: ['A PATCH on a user changes only active; other changes are answered 200 and ignored, so they go as a PUT (full replace).', 'A duplicate userName is refused with 409 and a body that is not a SCIM error.', 'A page holds at most 100 users, whatever count asks.'],
  },
  lettermint: {
    ...RFC,
    label: 'Lettermint',
    userPatch: 'active-only',
    fixedUserAttributes: notStored('Lettermint', 'a team member’s email, name, externalId and status'),
    groupMembersMustBeActive: true,
    createActivatesExisting: true,
    notes: [
      'A PATCH on a user changes only active; name changes go as a PUT (full replace).',
      'Creating a user whose email is already a team member re-activates that member instead.',
      'Group members must be active users of the team.',
      'Filters: userName eq and externalId eq on users, displayName eq and externalId eq on groups; anything else is refused.',
    ],
  },
  mittr: {
    ...RFC,
    label: 'Mittr',
    noGroups: 'Mittr does not expose /Groups (its documentation: “Groups: Mittr doesn’t currently expose /scim/v2/Groups”). This tenant has users only.',
    noPut: 'Mittr has no PUT; users change by PATCH only.',
    fixedUserAttributes: notStored('Mittr', 'userName (the email), name and status'),
    notes: ['DELETE soft-deletes: the user stays, inactive.', 'Filters: only userName eq and emails eq; any other filter is silently ignored and every user returned.'],
  },
  generic: { ...RFC, label: 'Generic SCIM service', documented: false, notes: ['No vendor profile: what this tenant can do comes from discovery alone.'] },
};

/** The limits of a vendor hint; unknown or missing hints get the generic service's. */
export function vendorLimits(vendor: string | null | undefined): VendorLimits {
  return VENDOR_LIMITS[(vendor ?? 'generic').trim().toLowerCase()] ?? (VENDOR_LIMITS.generic as VendorLimits);
}

// The cutover checklist's lines: which count of the audit each one shows, in words. The Audit
// page's checklist and the HTML audit report use this one list.

import type { AuditCounts } from './audit';

export const AUDIT_CHECKS: readonly { key: keyof AuditCounts; label: string }[] = [
  { key: 'inactive', label: 'Inactive users' },
  { key: 'missingExternalId', label: 'Users without externalId' },
  { key: 'duplicateUserNameSets', label: 'Duplicate userName sets' },
  { key: 'emailUserNameMismatch', label: 'Email ≠ userName' },
  { key: 'noPrimaryEmail', label: 'No primary email' },
  { key: 'multiplePrimaryEmails', label: 'Several primary emails' },
  { key: 'usersInNoGroup', label: 'Users in no group' },
  { key: 'emptyGroups', label: 'Empty groups' },
  { key: 'danglingMembers', label: 'Members that do not exist' },
  { key: 'formulaLikeValues', label: 'Formula-like values' },
  { key: 'staleUsers', label: 'Stale users' },
  { key: 'notInIdp', label: 'Not in the IdP' },
  { key: 'notInTenant', label: 'Not in the tenant' },
  { key: 'attributeDrift', label: 'Attribute drift' },
  { key: 'idpAmbiguous', label: 'Ambiguous IdP matches' },
];

// The cutover checklist: the audit's counts object as pass/attention lines, totals first.

import type { AuditCounts } from '../../../../shared/audit';

const CHECKS: { key: keyof AuditCounts; label: string }[] = [
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

export function Checklist({ counts }: { counts: AuditCounts }) {
  return (
    <section aria-label="Cutover checklist" data-testid="audit-counts">
      <p className="totals">
        <strong data-testid="count-users">{counts.users}</strong> users · <strong data-testid="count-groups">{counts.groups}</strong> groups
      </p>
      <ul className="checklist">
        {CHECKS.filter((c) => counts[c.key] !== undefined).map((c) => {
          const n = counts[c.key] ?? 0;
          return (
            <li key={c.key} className={n === 0 ? 'pass' : 'attention'} data-check={c.key}>
              <span aria-hidden="true">{n === 0 ? '✓' : '!'}</span> {c.label}: <strong>{n}</strong>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

// The cutover checklist: the audit's counts object as pass/attention lines, totals first.

import type { AuditCounts } from '../../../../shared/audit';
import { AUDIT_CHECKS } from '../../../../shared/audit-checks';

export function Checklist({ counts }: { counts: AuditCounts }) {
  return (
    <section aria-label="Cutover checklist" data-testid="audit-counts">
      <p className="totals">
        <strong data-testid="count-users">{counts.users}</strong> users · <strong data-testid="count-groups">{counts.groups}</strong> groups
      </p>
      <ul className="checklist">
        {AUDIT_CHECKS.filter((c) => counts[c.key] !== undefined).map((c) => {
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

// Findings grouped by code, high severity first, each group with its count and its findings a
// page at a time (FindingPages); a finding opens its user or group in the explorer (IdP-only
// records have nothing to open).

import type { InspectorApi } from '../../../../shared/channels';
import type { FindingGroup } from '../../../../shared/channels/audit';
import type { FeatureContext } from '../registry';
import { FindingPages } from './FindingPages';

interface Props {
  api: InspectorApi;
  auditId: string;
  groups: FindingGroup[];
  openResource: FeatureContext['openResource'];
  /** The codes whose group is open (kept by the page, so leaving it does not fold them). */
  openCodes: string[];
  onToggle(code: string, open: boolean): void;
  /** "Deactivate these N users" of a user finding: opens the deactivation plan with them. */
  onDeactivate?(group: FindingGroup): void;
}

export function Findings({ api, auditId, groups, openResource, openCodes, onToggle, onDeactivate }: Props) {
  if (groups.length === 0) return <p className="ok">No findings.</p>;
  return (
    <section aria-label="Findings" data-testid="findings">
      {groups.map((g) => (
        <details key={g.code} open={openCodes.includes(g.code)} onToggle={(e) => e.currentTarget.open !== openCodes.includes(g.code) && onToggle(g.code, e.currentTarget.open)} data-code={g.code}>
          <summary>
            <span className={`severity ${g.severity}`}>{g.severity}</span> {g.code} <strong>{g.count}</strong>
          </summary>
          {onDeactivate && g.sample[0]?.resourceType === 'User' && (
            <div className="actions">
              <button type="button" onClick={() => onDeactivate(g)}>
                Deactivate these {g.count} users
              </button>
            </div>
          )}
          {openCodes.includes(g.code) && <FindingPages api={api} auditId={auditId} group={g} openResource={openResource} />}
        </details>
      ))}
    </section>
  );
}

// Findings grouped by code, each group with its count and the first findings, which open their
// user or group in the explorer (IdP-only records have nothing to open).

import type { FindingGroup } from '../../../../shared/channels/audit';
import type { FeatureContext } from '../registry';

interface Props {
  groups: FindingGroup[];
  openResource: FeatureContext['openResource'];
  /** The codes whose group is open (kept by the page, so leaving it does not fold them). */
  openCodes: string[];
  onToggle(code: string, open: boolean): void;
  /** "Deactivate these N users" of a user finding: opens the deactivation plan with them. */
  onDeactivate?(group: FindingGroup): void;
}

export function Findings({ groups, openResource, openCodes, onToggle, onDeactivate }: Props) {
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
          <ul className="finding-list">
            {g.sample.map((f, i) => (
              <li key={`${f.id}:${i}`}>
                {f.resourceType === 'IdpRecord' ? (
                  <code>{f.id}</code>
                ) : (
                  <button type="button" className="link" onClick={() => openResource(f.resourceType === 'User' ? 'Users' : 'Groups', f.id)}>
                    {f.resourceType} {f.id}
                  </button>
                )}{' '}
                {f.detail}
                {f.code === 'dangling-member' && (
                  <>
                    {' '}
                    <button type="button" onClick={() => openResource('Groups', f.id, 'remove-dangling')}>
                      Remove dangling members
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
          {g.count > g.sample.length && <p className="muted">Showing {g.sample.length} of {g.count}; export the findings CSV for all.</p>}
        </details>
      ))}
    </section>
  );
}

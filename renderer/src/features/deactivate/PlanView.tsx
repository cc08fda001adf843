// A deactivation plan (the dry run) as a table: one row per input with its status — target,
// skipped, unresolved or refused — and for targets the exact request that will be sent.

import type { DeactivationPlan } from '../../../../shared/deactivate';
import type { ResourceKind } from '../../../../shared/scim';
import { localDateTime } from '../../frame/DateTime';

export function PlanView({ plan, openResource }: { plan: DeactivationPlan; openResource: (kind: ResourceKind, id: string) => void }) {
  const open = (id: string) => (
    <button type="button" className="link" onClick={() => openResource('Users', id)}>
      {id}
    </button>
  );
  return (
    <section aria-label="Plan" data-testid="plan">
      <p data-testid="plan-summary">
        Dry run on {plan.baseUrl}: {plan.targets.length} to deactivate ({plan.method.toUpperCase()}), {plan.skipped.length} skipped, {plan.unresolved.length} unresolved
        {plan.refused.length > 0 ? `, ${plan.refused.length} REFUSED` : ''}. Nothing has been written.
      </p>
      {plan.warnings.map((w) => (
        <p key={w} className="warning">
          {w}
        </p>
      ))}
      {plan.refused.length > 0 && (
        <p role="alert" className="error">
          The whole run is refused: {plan.refused.map((r) => `${r.input}: ${r.reason}`).join(' ')}
        </p>
      )}
      <table className="dense">
        <thead>
          <tr>
            <th scope="col">Input</th>
            <th scope="col">Status</th>
            <th scope="col">User</th>
            <th scope="col">Request / reason</th>
          </tr>
        </thead>
        <tbody>
          {plan.targets.map((t) => (
            <tr key={`t:${t.id}`} data-status="target">
              <td>{t.input}</td>
              <td>
                target
                <br />
                <small data-testid="resolved-by">
                  {t.resolvedBy === 'complete-listing' && t.listing
                    ? `only match in a complete listing of ${t.listing.size} users (${localDateTime(t.listing.takenAt)})`
                    : "found by the server's filter"}
                </small>
              </td>
              <td>
                {t.userName} {t.displayName ? `(${t.displayName})` : ''} {open(t.id)}
              </td>
              <td>
                <details>
                  <summary>
                    <code>
                      {t.request.method} {t.request.url}
                    </code>
                  </summary>
                  <pre tabIndex={0}>{Object.entries(t.request.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>
                  <pre tabIndex={0}>{JSON.stringify(t.request.body, null, 2)}</pre>
                </details>
              </td>
            </tr>
          ))}
          {plan.skipped.map((s) => (
            <tr key={`s:${s.id}`} data-status="skipped">
              <td>{s.input}</td>
              <td>skipped</td>
              <td>
                {s.userName} {open(s.id)}
              </td>
              <td>{s.reason}</td>
            </tr>
          ))}
          {plan.unresolved.map((u) => (
            <tr key={`u:${u.input}`} data-status="unresolved">
              <td>{u.input}</td>
              <td>unresolved</td>
              <td>{u.candidates.map((c) => c.userName).join(', ') || '—'}</td>
              <td>{u.reason}</td>
            </tr>
          ))}
          {plan.refused.map((r) => (
            <tr key={`r:${r.input}`} data-status="refused" className="error">
              <td>{r.input}</td>
              <td>refused ({r.kind})</td>
              <td>—</td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

// "What this tenant can and cannot do", on the Capabilities page: the vendor's documented limits
// joined with what discovery saw (limits.get) — groups, PATCH scope, PUT, the user attributes
// the vendor never changes, what a create needs — said before the admin acts.

import type { TenantLimits } from '../../../shared/limits';

const can = (available: boolean): string => (available ? 'yes' : 'no');

/** The PATCH cell: "yes" alone would hide a vendor whose PATCH only toggles active. */
export function patchSummary(limits: TenantLimits | null, discovered: boolean): string {
  if (!limits) return discovered ? 'yes' : 'no';
  if (!limits.patch.available) return `no — ${limits.patch.reason ?? ''}`;
  return limits.userPatch === 'active-only' ? `users: only active (${limits.vendorLabel}); groups: yes` : 'yes';
}

export function TenantLimitsView({ limits }: { limits: TenantLimits }) {
  return (
    <section aria-label="What this tenant can do" data-testid="tenant-limits">
      <h3>What this tenant can and cannot do</h3>
      <p>
        Vendor: <strong data-testid="vendor-label">{limits.vendorLabel}</strong>
        {limits.documented ? ' (from its documentation and discovery)' : ' (discovery only)'}
      </p>
      {limits.discoveryProblem && <p className="warning">{limits.discoveryProblem}</p>}
      <table className="caps">
        <tbody>
          <tr>
            <th scope="row">Groups</th>
            <td data-testid="limit-groups">{limits.groups.available ? 'yes' : `no — ${limits.groups.reason ?? ''}`}</td>
          </tr>
          <tr>
            <th scope="row">PATCH</th>
            <td data-testid="limit-patch">
              {patchSummary(limits, true)}
              {limits.patch.available && limits.patch.reason ? ` — ${limits.patch.reason}` : ''}
            </td>
          </tr>
          <tr>
            <th scope="row">PUT</th>
            <td>
              {can(limits.put.available)}
              {limits.put.reason ? ` — ${limits.put.reason}` : ''}
            </td>
          </tr>
          <tr>
            <th scope="row">User attributes it never changes</th>
            <td data-testid="limit-fixed">{limits.fixedUserAttributes.length === 0 ? 'none known' : `${limits.fixedUserAttributes.map((a) => a.field).join(', ')} — ${limits.fixedUserAttributes[0]?.reason ?? ''}`}</td>
          </tr>
          <tr>
            <th scope="row">A new user needs</th>
            <td>{limits.requiredOnCreate.Users.join(', ')}</td>
          </tr>
          {limits.groups.available && (
            <tr>
              <th scope="row">A new group needs</th>
              <td>
                {limits.requiredOnCreate.Groups.join(', ')}
                {limits.groupMembersMustBeActive ? '; members must be active users' : ''}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {limits.notes.length > 0 && (
        <ul>
          {limits.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

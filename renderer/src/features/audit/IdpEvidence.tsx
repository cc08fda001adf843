// After an audit with an IdP export: what the key column was compared with, how many users each
// tenant attribute would have matched, and sample rows with the tenant value each was compared
// with, so "415 not in the IdP" comes with its reason (e.g. userNames compared with emails).

import { IDP_MATCH_LABELS, type IdpSummary } from '../../../../shared/audit';

export function IdpEvidence({ idp }: { idp: IdpSummary }) {
  const used = IDP_MATCH_LABELS[idp.match];
  return (
    <section aria-label="IdP comparison" data-testid="idp-evidence">
      <h3>IdP comparison</h3>
      <p>
        Column <strong>{idp.keyColumn}</strong> of {idp.source} ({idp.records} keys) compared with the tenant's <strong>{used}</strong> ({idp.users} users).
      </p>
      {idp.hint && (
        <p className="warning" role="status" data-testid="idp-hint">
          {idp.hint}
        </p>
      )}
      <table className="caps" aria-label="Users matched by each tenant attribute">
        <thead>
          <tr>
            <th scope="col">Tenant attribute</th>
            <th scope="col">Users matched</th>
            <th scope="col">IdP keys matched</th>
          </tr>
        </thead>
        <tbody>
          {idp.byAttribute.map((a) => (
            <tr key={a.match} data-match={a.match}>
              <th scope="row">
                {IDP_MATCH_LABELS[a.match]}
                {a.match === idp.match ? ' (used)' : ''}
              </th>
              <td>
                {a.users} of {idp.users}
              </td>
              <td>
                {a.records} of {idp.records}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {idp.matched.length > 0 && (
        <table className="caps" aria-label="Matched rows (sample)">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">{idp.keyColumn}</th>
              <th scope="col">User</th>
              <th scope="col">Tenant {used}</th>
            </tr>
          </thead>
          <tbody>
            {idp.matched.map((m) => (
              <tr key={m.id}>
                <td>{m.line}</td>
                <td>{m.value}</td>
                <td>{m.userName}</td>
                <td>{m.tenantValue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {idp.unmatchedUsers.length > 0 && (
        <table className="caps" aria-label="Users not matched (sample)">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Tenant {used} looked for</th>
            </tr>
          </thead>
          <tbody>
            {idp.unmatchedUsers.map((u) => (
              <tr key={u.id}>
                <td>{u.userName || u.id}</td>
                <td>{u.compared.length > 0 ? u.compared.join(', ') : `(no ${used})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {idp.unmatchedRows.length > 0 && (
        <table className="caps" aria-label="IdP rows not matched (sample)">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">{idp.keyColumn}</th>
              <th scope="col">Would match</th>
            </tr>
          </thead>
          <tbody>
            {idp.unmatchedRows.map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{r.value}</td>
                <td>{r.wouldMatch ? `${r.wouldMatch.userName || r.wouldMatch.id} on ${IDP_MATCH_LABELS[r.wouldMatch.match]}` : 'no user on any attribute'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// What discovery found: the capability table, each endpoint with its schema and extensions,
// the schemas the server advertises, and every warning; above it, what this tenant can and cannot
// do (TenantLimitsView: the vendor's documentation joined with discovery).

import { useCallback, useEffect, useState } from 'react';
import type { CapabilitiesView as Caps } from '../../../shared/channels/explorer';
import type { AppError } from '../../../shared/errors';
import { useScope } from '../store/context';
import { ErrorState } from '../frame/ErrorState';
import { ObservedFacts } from './ObservedFacts';
import { useLimits } from '../store/limits';
import { patchSummary, TenantLimitsView } from './TenantLimitsView';

const yes = (b: boolean): string => (b ? 'yes' : 'no');

export function CapabilitiesView() {
  const { api, profileId } = useScope();
  const limits = useLimits(api, profileId);
  const [caps, setCaps] = useState<Caps | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const discover = useCallback(async () => {
    setBusy(true);
    setError(null);
    const r = await api.explorer.capabilities({ profileId });
    setBusy(false);
    if (r.ok) setCaps(r.value);
    else setError(r.error);
  }, [api, profileId]);
  useEffect(() => void discover(), [discover]);

  return (
    <section className="page" aria-label="Capabilities">
      <div className="toolbar">
        <h2>Capabilities</h2>
        <button type="button" onClick={() => void discover()} disabled={busy}>Discover</button>
        {busy && <span role="status">Discovering…</span>}
      </div>
      {error && <ErrorState error={error} onRetry={() => void discover()} />}
      {limits && <TenantLimitsView limits={limits} />}
      {caps && (
        <div data-testid="discovery">
          <p>
            Base URL <code>{caps.baseUrl}</code> · discovery took {caps.roundTripMs} ms · paging {caps.capabilities.pagination}
            {caps.serviceProviderConfig ? '' : ' · no ServiceProviderConfig (capabilities assumed)'}
          </p>
          <table className="caps">
            <tbody>
              <tr><th scope="row">Groups</th><td>{limits && !limits.groups.available ? 'no' : yes(caps.capabilities.groups)}</td></tr>
              <tr><th scope="row">PATCH</th><td data-testid="caps-patch">{patchSummary(limits, caps.capabilities.patch)}</td></tr>
              <tr><th scope="row">ETags</th><td>{yes(caps.capabilities.etag)}</td></tr>
              <tr><th scope="row">Filter</th><td>{yes(caps.capabilities.filter)}</td></tr>
              <tr><th scope="row">Sort</th><td>{yes(caps.capabilities.sort)}</td></tr>
              <tr><th scope="row">Bulk</th><td>{yes(caps.capabilities.bulk)}</td></tr>
              <tr><th scope="row">Paging</th><td>{caps.capabilities.pagination}</td></tr>
              <tr><th scope="row">Max page size</th><td>{caps.capabilities.maxPageSize ?? 'not stated'}</td></tr>
            </tbody>
          </table>
          <ObservedFacts facts={caps.observed} onProbed={(observed) => setCaps({ ...caps, observed })} />
          <h3>Endpoints</h3>
          <p>Resource types: {caps.endpoints.map((e) => e.name).join(', ') || 'none advertised'}</p>
          <table className="caps">
            <thead>
              <tr><th>Resource type</th><th>Endpoint</th><th>Schema</th><th>Extensions</th></tr>
            </thead>
            <tbody>
              {caps.endpoints.map((e) => (
                <tr key={e.name}>
                  <td>{e.name}</td>
                  <td><code>{e.endpoint}</code></td>
                  <td><code>{e.schema}</code></td>
                  <td>{e.extensions.map((x) => `${x.schema}${x.required ? ' (required)' : ''}`).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Schemas</h3>
          <ul>{caps.schemaIds.map((s) => <li key={s}><code>{s}</code></li>)}</ul>
          <h3>Warnings ({caps.warnings.length})</h3>
          {caps.warnings.length === 0 && <p className="empty">None.</p>}
          {caps.warnings.map((w) => <p key={w} className="warning">{w}</p>)}
        </div>
      )}
    </section>
  );
}

// What the behaviour probe SAW this server do (as opposed to what it says about itself), with the
// date it was seen: e.g. "filter emails.value eq: under-matches (empty for a known email)". Shown on
// the Capabilities page; "Probe now" runs the read-only probe again and records the new facts.

import { useState } from 'react';
import { observedRows, type ObservedFacts as Facts } from '../../../shared/observed';
import type { AppError } from '../../../shared/errors';
import { useScope } from '../store/context';
import { ErrorState } from '../frame/ErrorState';

/** Verdicts that mean the server's answer cannot be taken as the whole truth. */
const DOUBTFUL = new Set(['ignored', 'under-matches', 'rejected', 'no']);

export function ObservedFacts({ facts, onProbed }: { facts: Facts | null; onProbed: (facts: Facts) => void }) {
  const { api, profileId } = useScope();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const probe = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const r = await api.explorer.probe({ profileId });
    setBusy(false);
    if (r.ok) onProbed(r.value);
    else setError(r.error);
  };
  return (
    <section aria-labelledby="observed-heading" data-testid="observed-facts">
      <h3 id="observed-heading">Observed behaviour</h3>
      <p>
        {facts
          ? <>What this server was seen to do on <time dateTime={facts.observedAt}>{new Date(facts.observedAt).toLocaleString()}</time> ({facts.requests} reads, nothing written). Lookups and filters rely on it.</>
          : 'Not probed yet: what the server really does (filters it honours, ignores, under-matches or rejects; its real page cap) is measured by Test connection or by probing now. The probe only reads.'}{' '}
        <button type="button" onClick={() => void probe()} disabled={busy}>{facts ? 'Probe again' : 'Probe now'}</button>
        {busy && <span role="status"> Probing…</span>}
      </p>
      {error && <ErrorState error={error} onRetry={() => void probe()} />}
      {facts && (
        <table className="caps">
          <thead>
            <tr><th scope="col">Behaviour</th><th scope="col">Seen</th><th scope="col">Detail</th></tr>
          </thead>
          <tbody>
            {observedRows(facts).map((row) => (
              <tr key={row.key} data-fact={row.key}>
                <th scope="row">{row.label}</th>
                <td className={DOUBTFUL.has(row.value) ? 'warning' : undefined}>{row.value}</td>
                <td>{row.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

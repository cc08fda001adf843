// The result of "Test connection": verdict, round-trip time, the capability table the listing and
// edits will rely on, and every warning discovery raised — the first screen for a new profile.

import type { ConnectionTestResult } from '../../../shared/channels/profiles';
import { ConnectionUsed } from './ConnectionUsed';
import { StatusChip } from './StatusChip';
import { ErrorMessage } from '../frame/ErrorMessage';

export function ConnectionTest({ result }: { result: ConnectionTestResult }) {
  return (
    <section className="connection-test" aria-label="Connection test" data-testid="connection-test">
      <p>
        <StatusChip status={result.status} detail={result.error?.message ?? null} />{' '}
        {result.ok ? 'Discovery succeeded' : 'Discovery failed'} in <span data-testid="round-trip">{result.roundTripMs} ms</span>
        {result.baseUrl ? <> · <code>{result.baseUrl}</code></> : null}
      </p>
      {result.error && (
        <div role="alert" className="error">
          <ErrorMessage error={result.error} />
        </div>
      )}
      {result.connection && <ConnectionUsed details={result.connection} />}
      {result.table.length > 0 && (
        <table className="capabilities">
          <caption>Capabilities the server reports</caption>
          <thead>
            <tr>
              <th scope="col">Capability</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {result.table.map((row) => (
              <tr key={row.key} data-capability={row.key}>
                <th scope="row">{row.label}</th>
                <td className={row.value === 'no' ? 'cap-no' : row.value === 'yes' ? 'cap-yes' : undefined}>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {result.warnings.map((w) => (
            <li key={w} className="warning">{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

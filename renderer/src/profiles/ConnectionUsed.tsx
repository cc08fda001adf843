// What "Test connection" says about how it connected: the scheme (never a secret), for OAuth the
// token's lifetime and scopes, the proxy it went through, the CAs added to the system ones and the
// client certificate presented.

import type { CertificateSummary, ConnectionDetails } from '../../../shared/channels/profiles';

function cert(c: CertificateSummary): string {
  return `${c.subject} (issued by ${c.issuer})`;
}

export function ConnectionUsed({ details }: { details: ConnectionDetails }) {
  const { auth, network } = details;
  const scheme = `${auth.scheme}${auth.username ? ` (user ${auth.username})` : ''}${auth.headerNames?.length ? ` + headers ${auth.headerNames.join(', ')}` : ''}`;
  const o = auth.oauth;
  return (
    <dl className="facts" aria-label="How it connected" data-testid="connection-used">
      <dt>Scheme</dt>
      <dd>{scheme}</dd>
      {o && (
        <>
          <dt>Token</dt>
          <dd data-testid="oauth-token">
            {o.lifetimeSeconds !== null ? `lives ${o.lifetimeSeconds} s` : 'no lifetime given'}
            {o.grantedScope ? `, scopes ${o.grantedScope}` : ''} (from {o.tokenUrl}, {o.tokensIssued} issued)
          </dd>
        </>
      )}
      <dt>Proxy</dt>
      <dd>{network.proxyUsed ?? (network.proxyMode === 'environment' ? 'none (no environment proxy applies)' : 'none')}</dd>
      <dt>CAs</dt>
      <dd>{network.addedCas.length > 0 ? `system + ${network.addedCas.map(cert).join(', ')}` : 'system'}</dd>
      {network.clientCertificate && (
        <>
          <dt>Client certificate</dt>
          <dd>{cert(network.clientCertificate)}</dd>
        </>
      )}
    </dl>
  );
}

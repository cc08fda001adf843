// Connection failures that need more words than "the connection failed": a certificate that could
// not be verified (which certificate, issued by whom, and what to do), a client certificate the
// server wanted or refused, and a proxy that refused or wants credentials. For a certificate
// error on a direct connection the server's certificate is read by a second handshake that sends
// nothing (as a browser's certificate viewer does), so the message can name it.

import { connect as tlsConnect, type PeerCertificate } from 'node:tls';
import { InspectorError } from '../../../shared/errors';
import { readableName } from './tls-files';

const CERT_CODES = /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_TLS_CERT_ALTNAME_INVALID|CERT_UNTRUSTED|CERT_REJECTED|CERT_SIGNATURE_FAILURE|HOSTNAME_MISMATCH)$/;
const CLIENT_CERT_CODES = /CERTIFICATE_REQUIRED|ALERT_HANDSHAKE_FAILURE|ALERT_BAD_CERTIFICATE|ALERT_UNKNOWN_CA|ALERT_CERTIFICATE_UNKNOWN|ALERT_ACCESS_DENIED/;

function codeOf(error: unknown): string {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  if (typeof e?.code === 'string' && e.code !== 'UND_ERR_SOCKET') return e.code;
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  return typeof e?.code === 'string' ? e.code : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The server's certificate chain, read without verifying it and without sending anything. */
function peekCertificate(url: URL, timeoutMs: number): Promise<PeerCertificate | null> {
  return new Promise((resolve) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = tlsConnect({ host, port: Number(url.port || 443), servername: /^[\d.:]+$/.test(host) ? undefined : host, rejectUnauthorized: false, timeout: timeoutMs });
    const done = (cert: PeerCertificate | null): void => {
      socket.destroy();
      resolve(cert);
    };
    socket.once('secureConnect', () => done(socket.getPeerCertificate(true)));
    socket.once('error', () => done(null));
    socket.once('timeout', () => done(null));
  });
}

/** The top of the chain the server sent (its root or last intermediate). */
function chainTop(cert: PeerCertificate): PeerCertificate {
  let top = cert as PeerCertificate & { issuerCertificate?: PeerCertificate };
  for (let i = 0; i < 10 && top.issuerCertificate && top.issuerCertificate !== top; i += 1) top = top.issuerCertificate as typeof top;
  return top;
}

function dn(fields: Record<string, unknown> | undefined): string {
  if (!fields) return 'unknown';
  return readableName(Object.entries(fields).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(' ') : String(v)}`).join('\n'));
}

function whatIsWrong(code: string, cert: PeerCertificate | null, host: string): string {
  const subject = cert ? dn(cert.subject as unknown as Record<string, unknown>) : null;
  const issuer = cert ? dn(cert.issuer as unknown as Record<string, unknown>) : null;
  const named = subject ? `"${subject}", issued by "${issuer}"` : 'its certificate';
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return `${host} presents ${named}, which expired${cert ? ` on ${cert.valid_to}` : ''}. The service must renew it; nothing on this side fixes an expired certificate.`;
    case 'CERT_NOT_YET_VALID':
      return `${host} presents ${named}, which is not valid before${cert ? ` ${cert.valid_from}` : ' a later date'}. Check this computer's clock.`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH':
      return `${host} presents ${named}, made out for ${cert?.subjectaltname ?? 'another name'} — not for ${host}. Check the host name in the URL; the certificate is for another site.`;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return `${host} presents a self-signed certificate (${named}). If it is yours (an on-premises tenant), add it as the CA: --ca-file PEM or the CA file of the profile.`;
    default: {
      const top = cert ? chainTop(cert) : null;
      const root = top ? dn(top.issuer as unknown as Record<string, unknown>) : null;
      return `${host} presents ${named}${root && root !== issuer ? `, in a chain ending at "${root}"` : ''}, which no trusted CA vouches for. If that CA is your company's (TLS inspection by a proxy) or your on-premises tenant's, add its certificate with --ca-file PEM or the CA file of the profile — it is added to the system CAs. Otherwise do not connect: someone may be intercepting.`;
    }
  }
}

export interface FailureRoute {
  url: string;
  /** Proxy origin the request went through, if any. */
  proxy: string | null;
  timeoutMs: number;
  /** The client certificate the connection presents (mutual TLS), if any. */
  clientTls?: { cert?: string; key?: string; passphrase?: string } | null;
}

/**
 * With TLS 1.3 a server that wants a client certificate completes the handshake and then sends an
 * alert, which the HTTP client only sees as "other side closed". A second handshake that sends
 * nothing and waits for that alert tells which it was.
 */
function probeTlsAlert(url: URL, route: FailureRoute): Promise<string | null> {
  return new Promise((resolve) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = tlsConnect({ host, port: Number(url.port || 443), servername: /^[\d.:]+$/.test(host) ? undefined : host, rejectUnauthorized: false, timeout: route.timeoutMs, ...(route.clientTls ?? {}) });
    let timer: NodeJS.Timeout | undefined;
    const done = (code: string | null): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(code);
    };
    let handshaken = false;
    socket.once('secureConnect', () => {
      handshaken = true;
      timer = setTimeout(() => done(null), 750);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? null));
    socket.once('timeout', () => done(null));
    // A server that hangs up on a fresh connection before any request has refused the handshake
    // (a client certificate it does not accept draws no readable alert on this side).
    socket.once('close', () => done(handshaken ? 'CLOSED_AFTER_HANDSHAKE' : null));
  });
}

function clientCertificateRefused(host: string, code: string, presented: boolean, base: Record<string, unknown>): InspectorError {
  return new InspectorError(
    'network',
    presented
      ? `${host} refused the client certificate (${code}): it does not accept this certificate. Check that it is the one registered with the service, issued by a CA the service trusts, and not expired.`
      : `${host} refused the TLS handshake (${code}): it asks for a client certificate. Give one with --client-cert PEM --client-key PEM (or the profile's client certificate), issued by a CA the service trusts.`,
    base,
  );
}

/** An explained failure, or null when the generic transport mapping says enough. */
export async function explainConnectionFailure(error: unknown, route: FailureRoute): Promise<InspectorError | null> {
  const code = codeOf(error);
  const message = messageOf(error);
  const url = new URL(route.url);
  const base = { url: route.url, cause: code, ...(route.proxy ? { proxy: route.proxy } : {}) };
  if (CERT_CODES.test(code)) {
    // Through a proxy, the handshake we could repeat would not be the one that failed.
    const cert = route.proxy === null && url.protocol === 'https:' ? await peekCertificate(url, route.timeoutMs) : null;
    const via = route.proxy ? ` (through the proxy ${route.proxy}, which may be inspecting TLS)` : '';
    return new InspectorError('network', `The TLS certificate of ${url.host} could not be verified (${code})${via}: ${whatIsWrong(code, cert, url.host)}`, { ...base, certificate: cert ? { subject: dn(cert.subject as unknown as Record<string, unknown>), issuer: dn(cert.issuer as unknown as Record<string, unknown>), validTo: cert.valid_to } : null });
  }
  const presented = Boolean(route.clientTls?.cert);
  if (CLIENT_CERT_CODES.test(code) || /certificate required|bad certificate|unknown ca|handshake failure/i.test(message)) {
    return clientCertificateRefused(url.host, code || message, presented, base);
  }
  if (route.proxy === null && url.protocol === 'https:' && /^(UND_ERR_SOCKET|ECONNRESET|EPIPE)$/.test(code)) {
    const alert = await probeTlsAlert(url, route);
    if (alert !== null && (CLIENT_CERT_CODES.test(alert) || (alert === 'CLOSED_AFTER_HANDSHAKE' && presented))) {
      return clientCertificateRefused(url.host, alert === 'CLOSED_AFTER_HANDSHAKE' ? 'connection closed right after the handshake' : alert, presented, { ...base, cause: alert });
    }
  }
  const proxyStatus = /Proxy response \((\d{3})\)/.exec(message);
  if (route.proxy && proxyStatus) {
    const status = Number(proxyStatus[1]);
    return new InspectorError(
      'network',
      status === 407
        ? `The proxy ${route.proxy} asks for credentials (407). Give the proxy user and password (--proxy-user NAME --proxy-password-env VAR, the profile's proxy fields, or user:password in HTTPS_PROXY).`
        : `The proxy ${route.proxy} refused to connect to ${url.host} (${status}). Check that the proxy allows this host, or exempt it with NO_PROXY.`,
      { ...base, proxyStatus: status },
    );
  }
  if (route.proxy && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|UND_ERR_CONNECT_TIMEOUT|ECONNRESET)$/.test(code) && message.includes(new URL(route.proxy).host)) {
    return new InspectorError('network', `The proxy ${route.proxy} could not be reached (${code}). Check the proxy address (--proxy, the profile's proxy, or HTTPS_PROXY / http_proxy), or set NO_PROXY for hosts reached directly.`, { ...base, retryable: code === 'ECONNRESET' || code === 'UND_ERR_CONNECT_TIMEOUT' });
  }
  return null;
}

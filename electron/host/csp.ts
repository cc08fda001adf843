// The Content-Security-Policy of the renderer. Electron gets connect-src 'none' (every call goes
// over IPC); browser mode needs 'self' for its HTTP twin. No remote origins, no eval, no inline
// scripts in either.

import type { HostMode } from '../../shared/channels';

export function contentSecurityPolicy(mode: HostMode): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${mode === 'electron' ? "'none'" : "'self'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every response of the app's pages carries, in both modes. */
export function securityHeaders(mode: HostMode): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(mode),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  };
}

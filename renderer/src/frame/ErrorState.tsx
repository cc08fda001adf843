// Error, empty and loading states that say what to do next, by error code.

import type { AppError } from '../../../shared/errors';

const ADVICE: Partial<Record<AppError['code'], string>> = {
  unauthorized: 'The server refused the token (401). Update the token in the profile, then reload.',
  forbidden: 'The token is valid but lacks permission (403). Ask for a token with SCIM read scope.',
  'not-found': 'Nothing at that address (404). Check the base URL of the profile (it usually ends in /scim/v2).',
  network: 'The server could not be reached. Check the network or VPN, then retry.',
  timeout: 'The server took too long to answer. Retry; if it keeps happening, the server is overloaded.',
  'rate-limited': 'The server is rate limiting. Wait a minute, then retry.',
  'server-error': 'The server failed (5xx). Retry later; the request log has the response.',
  'not-supported': 'The server does not implement this request; retrying will not help. Use another form of the change if one is offered.',
  'not-scim': 'That address does not answer like a SCIM server. Check the base URL of the profile.',
  cancelled: 'The load was cancelled. Reload to start again.',
  'token-missing': 'This profile has no token yet. Set one in the profile (left), then reload.',
  'keychain-unavailable': 'The system keychain could not be reached, so the token cannot be read. Unlock or start it, then retry.',
  'invalid-filter': 'Fix the filter (the message says where), or clear it.',
  'incomplete-listing': 'The server did not return every resource. Retry; the request log shows which page failed.',
};

export function adviceFor(error: AppError): string {
  return ADVICE[error.code] ?? 'See the request log for the server’s answer.';
}

export function ErrorState({ error, onRetry, advice }: { error: AppError; onRetry?: () => void; advice?: string }) {
  return (
    <div role="alert" className={error.code === 'cancelled' ? 'notice' : 'error-state'} data-testid="error">
      <p>
        {error.message} <span className="code">({error.code})</span>
      </p>
      <p className="advice">{advice ?? adviceFor(error)}</p>
      {onRetry && <button type="button" onClick={onRetry}>Retry</button>}
    </div>
  );
}

// Error, empty and loading states: the error's sentence once (it already says what to do), its
// code and the server's words behind "Details", and Retry when the caller can retry.

import type { AppError } from '../../../shared/errors';
import { ErrorMessage } from './ErrorMessage';

/**
 * `advice` replaces the sentence when the view knows better than the core what the error means
 * here (a 404 for one resource means it was deleted); the core's message then moves into Details.
 */
export function ErrorState({ error, onRetry, advice }: { error: AppError; onRetry?: () => void; advice?: string }) {
  return (
    <div role="alert" className={error.code === 'cancelled' ? 'notice' : 'error-state'} data-testid="error">
      <ErrorMessage error={error} sentence={advice} />
      {onRetry && <button type="button" onClick={onRetry}>Retry</button>}
    </div>
  );
}

// The error contract shared by core, hosts and renderer. Errors are values: a stable code from
// this list, a human message that says what to do, and optional details. Nothing here may carry a
// bearer token (the client redacts before it builds one of these).

export const ERROR_CODES = [
  // usage and input (exit 2)
  'usage',
  'invalid-url',
  'invalid-filter',
  'invalid-csv',
  'invalid-input',
  // server answers (exit 1 unless noted)
  'unauthorized',
  'forbidden',
  'not-found', // exit 3
  'conflict',
  'precondition-failed',
  'rate-limited',
  'server-error',
  'bad-response',
  'body-too-large',
  'not-scim',
  'not-supported', // the server does not implement this request (501, 405): not a transient failure
  // transport
  'network',
  'timeout',
  'cancelled',
  // listing and lookups
  'incomplete-listing',
  'ambiguous', // exit 3
  // safety refusals (exit 4)
  'refused-read-only',
  'refused-unverifiable',
  'refused-needs-confirmation',
  'refused-protected',
  'refused-in-use', // another running process holds the journal's lock
  // local machine
  'keychain-unavailable',
  'token-missing',
  'profile-not-found',
  'profile-store-corrupt',
  'io',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export function isAppError(value: unknown): value is AppError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isErrorCode(v.code) && typeof v.message === 'string';
}

/** CLI exit codes, as in design/cli.md: 0 ok, 1 failed, 2 usage, 3 not found/ambiguous, 4 refused. */
export function exitCodeFor(code: ErrorCode): 1 | 2 | 3 | 4 {
  switch (code) {
    case 'usage':
    case 'invalid-url':
    case 'invalid-filter':
    case 'invalid-csv':
    case 'invalid-input':
      return 2;
    case 'not-found':
    case 'ambiguous':
    case 'profile-not-found':
      return 3;
    case 'refused-read-only':
    case 'refused-unverifiable':
    case 'refused-needs-confirmation':
    case 'refused-protected':
    case 'refused-in-use':
      return 4;
    default:
      return 1;
  }
}

/**
 * The one thrown error type. Core code throws it; hosts turn it into an AppError value for IPC,
 * HTTP and CLI output with toAppError. Messages say what went wrong and what to do.
 */
export class InspectorError extends Error implements AppError {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'InspectorError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toJSON(): AppError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Any thrown value as an AppError; unknown failures become 'internal' with their message kept. */
export function toAppError(error: unknown): AppError {
  if (error instanceof InspectorError) return error.toJSON();
  if (isAppError(error)) return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  if (error instanceof Error && error.name === 'AbortError') return { code: 'cancelled', message: 'The operation was cancelled.' };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Unexpected error: ${message}` };
}

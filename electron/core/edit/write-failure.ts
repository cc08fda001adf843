// What a write that threw is known to have done, for its journal entry and its message. A cancel
// that stopped the request before any byte of it left (the transport marks it sent: false) changed
// nothing; a cut connection, a timeout, a cancel on its way or an unreadable answer may have let it
// land, so it is "unknown" and the admin is told to look; anything else was answered and refused.

import { InspectorError, type AppError } from '../../../shared/errors';

/** Failures after which the write may have landed. */
const UNCERTAIN = new Set(['network', 'timeout', 'cancelled', 'bad-response']);

/** Cancelled before the request was handed to the network: it certainly was not applied. */
export function neverSent(cause: AppError): boolean {
  return cause.code === 'cancelled' && cause.details?.sent === false;
}

/** The request may have reached the server before the failure: it may have been applied. */
export function mayHaveLanded(cause: AppError): boolean {
  return !neverSent(cause) && UNCERTAIN.has(cause.code);
}

/** The error for a write cancelled before it left; `so` says what that means for this write. */
export function notSentError(method: string, so: string, changeId: string): InspectorError {
  return new InspectorError('cancelled', `Cancelled before the ${method} was sent: nothing was sent, so ${so}.`, { sent: false, changeId });
}

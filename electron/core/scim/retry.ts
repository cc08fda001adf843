// When and how long to wait before trying a call again. Pure parsing of the servers' own hints
// (Retry-After, X-Rate-Limit-Reset) plus jittered exponential backoff and an abortable sleep.

import { InspectorError } from '../../../shared/errors';

/**
 * Retry-After (RFC 9110 §10.2.3): delta-seconds or an HTTP-date. Returns milliseconds to wait
 * (never negative), or null when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, an empty value fails both patterns below and is null anyway
  if (v === '') return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  // Only accept things that look like a date, so "soon" or "-5" are not misread.
  if (!/[a-z]/i.test(v)) return null;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

// Anything above this is an epoch timestamp in seconds (2001-09-09); below it, a delta.
const EPOCH_THRESHOLD_S = 1_000_000_000;

/**
 * X-Rate-Limit-Reset / X-RateLimit-Reset / RateLimit-Reset: vendors send either epoch seconds
 * (GitHub style) or seconds from now (IETF draft). Large values are read as epoch seconds.
 */
export function parseRateLimitReset(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (!/^\d+(\.\d+)?$/.test(v)) return null;
  const n = Number(v);
  if (n >= EPOCH_THRESHOLD_S * 1000) return Math.max(0, n - now); // epoch milliseconds
  if (n >= EPOCH_THRESHOLD_S) return Math.max(0, Math.round(n * 1000 - now));
  return Math.round(n * 1000);
}

/** The wait a 429/503 asked for, from whichever header the server used. */
export function serverRequestedWait(headers: Record<string, string>, now: number = Date.now()): number | null {
  const retryAfter = parseRetryAfter(headers['retry-after'], now);
  if (retryAfter !== null) return retryAfter;
  for (const name of ['x-rate-limit-reset', 'x-ratelimit-reset', 'ratelimit-reset']) {
    const reset = parseRateLimitReset(headers[name], now);
    if (reset !== null) return reset;
  }
  return null;
}

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** Injected for tests; Math.random by default. */
  random?: () => number;
}

/**
 * Exponential backoff with "equal jitter": half the exponential step is fixed, half random, so
 * concurrent page fetches that failed together do not all come back at the same instant.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 250;
  const cap = options.capMs ?? 10_000;
  const random = options.random ?? Math.random;
  const step = Math.min(cap, base * 2 ** Math.max(0, attempt));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Sleeps `ms`, rejecting with 'cancelled' at once when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function cancelled(): InspectorError {
  return new InspectorError('cancelled', 'The operation was cancelled.');
}

/**
 * A cancel that stopped a request before any byte of it left (details.sent: false): a write cut
 * off here was certainly not applied, unlike one cancelled on its way.
 */
export function cancelledBeforeSending(): InspectorError {
  return new InspectorError('cancelled', 'The operation was cancelled before the request was sent.', { sent: false });
}

/** Tracks the total time a call may spend retrying (ConnectionOptions.retryBudgetMs). */
export class RetryBudget {
  private readonly deadline: number;

  constructor(budgetMs: number, private readonly now: () => number = Date.now) {
    this.deadline = now() + Math.max(0, budgetMs);
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - this.now());
  }

  /** True when waiting `ms` still leaves the call inside its budget. */
  allows(ms: number): boolean {
    return ms <= this.remainingMs();
  }
}

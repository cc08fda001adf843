// Fault injection: the switches SCIM clients must survive, counted per request since the faults
// were last set so "every Nth" is predictable in tests. Applied by respond.ts and server.ts.

import type { FaultOptions } from './types';

const POSITIVE_INT = [
  'latencyMs', 'rateLimitEvery', 'resetEvery', 'truncateEvery', 'slowBodyMs', 'pageCap', 'totalResultsCapped', 'okErrorEvery', 'okEmptyEvery', 'okHtmlEvery',
] as const;
const BOOLEANS = [
  'omitItemsPerPage', 'zeroBasedIndex', 'ignoreCount', 'cursorOnly', 'ignoreFilter', 'caseVariantNames', 'stringBooleans',
  'htmlErrors', 'noContentOnWrite', 'missingDiscovery', 'discoveryUnauthorized', 'nullMembers', 'listOmitsMembers', 'filterUnadvertised',
] as const;

export class FaultValidationError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Narrow an outside value (admin endpoint JSON) to FaultOptions, refusing unknown or bad keys. */
export function validateFaults(input: unknown): FaultOptions {
  if (!isRecord(input)) throw new FaultValidationError('Faults must be a JSON object.');
  const out: FaultOptions = {};
  const known = new Set<string>([...POSITIVE_INT, ...BOOLEANS, 'retryAfter', 'serverErrorBurst', 'wrongTotalResults', 'contentType', 'underMatchAttributes']);
  for (const key of Object.keys(input)) if (!known.has(key)) throw new FaultValidationError(`Unknown fault "${key}".`);
  for (const key of POSITIVE_INT) {
    const v = input[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new FaultValidationError(`${key} must be a non-negative integer.`);
    out[key] = v;
  }
  for (const key of BOOLEANS) {
    const v = input[key];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') throw new FaultValidationError(`${key} must be true or false.`);
    out[key] = v;
  }
  if (input.wrongTotalResults !== undefined) {
    if (typeof input.wrongTotalResults !== 'number' || !Number.isInteger(input.wrongTotalResults)) throw new FaultValidationError('wrongTotalResults must be an integer.');
    out.wrongTotalResults = input.wrongTotalResults;
  }
  if (input.contentType !== undefined) {
    if (typeof input.contentType !== 'string' || /[\r\n]/.test(input.contentType)) throw new FaultValidationError('contentType must be a header value.');
    out.contentType = input.contentType;
  }
  if (input.underMatchAttributes !== undefined) {
    const list = input.underMatchAttributes;
    if (!Array.isArray(list) || !list.every((a) => typeof a === 'string' && a !== '')) throw new FaultValidationError('underMatchAttributes must be a list of attribute names.');
    out.underMatchAttributes = list.map((a: string) => a.toLowerCase());
  }
  if (input.retryAfter !== undefined) {
    const r = input.retryAfter;
    if (!isRecord(r) || typeof r.seconds !== 'number' || r.seconds < 0 || !['seconds', 'http-date', 'x-rate-limit-reset'].includes(String(r.format))) {
      throw new FaultValidationError('retryAfter must be { seconds, format: "seconds" | "http-date" | "x-rate-limit-reset" }.');
    }
    out.retryAfter = { seconds: r.seconds, format: r.format as 'seconds' | 'http-date' | 'x-rate-limit-reset' };
  }
  if (input.serverErrorBurst !== undefined) {
    const b = input.serverErrorBurst;
    if (!isRecord(b) || typeof b.every !== 'number' || typeof b.length !== 'number' || b.every < 1 || b.length < 0 || b.length > b.every || ![500, 502, 503].includes(Number(b.status))) {
      throw new FaultValidationError('serverErrorBurst must be { every >= 1, length <= every, status: 500 | 502 | 503 }.');
    }
    out.serverErrorBurst = { every: b.every, length: b.length, status: b.status as 500 | 502 | 503 };
  }
  return out;
}

/** The active fault set and the request counter the "every Nth" switches read. */
export class FaultState {
  private current: FaultOptions = {};
  private counter = 0;

  get faults(): FaultOptions {
    return this.current;
  }

  /** Replace the whole set and restart the count, so "every 3rd" means the 3rd from now. */
  set(faults: unknown): void {
    this.current = validateFaults(faults);
    this.counter = 0;
  }

  /** Count one SCIM request; returns its number (1-based) since the faults were set. */
  next(): number {
    return ++this.counter;
  }
}

export function everyNth(n: number, every: number | undefined): boolean {
  return every !== undefined && every > 0 && n % every === 0;
}

/** A request's position in the 5xx burst cycle: the last `length` of every `every` fail. */
export function inErrorBurst(n: number, faults: FaultOptions): 500 | 502 | 503 | null {
  const b = faults.serverErrorBurst;
  if (!b || b.length === 0) return null;
  const position = (n - 1) % b.every;
  return position >= b.every - b.length ? b.status : null;
}

/** Headers for a 429 in the configured dialect (default Retry-After: 1). */
export function rateLimitHeaders(faults: FaultOptions, now = Date.now()): Record<string, string> {
  const r = faults.retryAfter ?? { seconds: 1, format: 'seconds' as const };
  if (r.format === 'http-date') return { 'Retry-After': new Date(now + r.seconds * 1000).toUTCString() };
  if (r.format === 'x-rate-limit-reset') return { 'X-Rate-Limit-Reset': String(Math.ceil((now + r.seconds * 1000) / 1000)), 'X-Rate-Limit-Remaining': '0' };
  return { 'Retry-After': String(r.seconds) };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

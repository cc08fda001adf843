// Small validators for channel requests: whatever arrives over IPC or HTTP is `unknown` until one
// of these has narrowed it (Fiddle's isValidToken habit). Failures are invalid-input errors that
// name the field, so a renderer bug shows up as a clear message rather than a crash in the core.

import { InspectorError } from './errors';

function invalid(field: string, what: string): InspectorError {
  return new InspectorError('invalid-input', `The request field "${field}" must be ${what}.`, { field });
}

/** Channels that take no request accept undefined/null/{} only. */
export function noInput(input: unknown): undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input === 'object' && !Array.isArray(input) && Object.keys(input).length === 0) return undefined;
  throw new InspectorError('invalid-input', 'This call takes no request data.');
}

export function record(input: unknown, channel: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InspectorError('invalid-input', `The request for ${channel} must be an object.`, { channel });
  }
  return input as Record<string, unknown>;
}

export function requiredString(value: unknown, field: string, pattern?: RegExp): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) throw invalid(field, 'a non-empty string');
  if (pattern && !pattern.test(value)) throw invalid(field, `a string matching ${String(pattern)}`);
  return value;
}

export function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 8192) throw invalid(field, 'a string');
  return value;
}

export function optionalInteger(value: unknown, field: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `a whole number from ${min} to ${max}`);
  }
  return value;
}

export function oneOf<const T extends string>(value: unknown, allowed: readonly T[], field: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw invalid(field, `one of ${allowed.join(', ')}`);
  return value as T;
}

/** A request log entry id (the log numbers its entries from 1). */
export function requiredEntryId(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InspectorError('invalid-input', 'The request field "entryId" must be a request log entry id.', { field: 'entryId' });
  }
  return value;
}

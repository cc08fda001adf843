// One SCIM call as the transport hands it to the request log, for the request-log tests: a GET of
// the users with no headers and no bodies; each test sets what it is about.

import type { LogRecord } from '../../../electron/core/scim/request-log';

export function logRecord(over: Partial<LogRecord> = {}): LogRecord {
  return {
    startedAt: Date.parse('2026-11-23T12:00:00Z'),
    method: 'GET',
    url: 'https://t.example/scim/v2/Users',
    status: 200,
    durationMs: 3,
    requestHeaders: {},
    requestBody: null,
    responseHeaders: {},
    responseBody: null,
    responseSize: 0,
    error: null,
    ...over,
  };
}

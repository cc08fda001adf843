// Writing answers: SCIM JSON or error bodies, shaped by the body faults (reset mid-body,
// truncated JSON, slow dribble, HTML error pages, odd Content-Type).

import type { ServerResponse } from 'node:http';
import { SCHEMAS } from '../../../shared/scim';
import { everyNth, sleep } from './faults';
import type { FaultOptions, Json } from './types';

export const SCIM_JSON = 'application/scim+json';

/** An error answer thrown from handlers and written by the server. */
export class ScimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: string | undefined,
    detail: string,
    readonly headers: Record<string, string> = {},
    /** A vendor's own body instead of the SCIM error shape. */
    readonly custom?: { body: Json; contentType: string },
  ) {
    super(detail);
  }
}

export interface ReplyContext {
  res: ServerResponse;
  faults: FaultOptions;
  /** Request number since the faults were set. */
  n: number;
  /** Admin answers are never faulted. */
  admin: boolean;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  412: 'Precondition Failed', 413: 'Payload Too Large', 429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented',
  502: 'Bad Gateway', 503: 'Service Unavailable',
};

export function sendJson(ctx: ReplyContext, status: number, body: unknown, headers: Record<string, string> = {}, contentType?: string): Promise<void> {
  return sendJsonText(ctx, status, JSON.stringify(body), headers, contentType);
}

/** A body already serialised as JSON, with the same content type and faults as sendJson. */
export function sendJsonText(ctx: ReplyContext, status: number, json: string, headers: Record<string, string> = {}, contentType?: string): Promise<void> {
  const type = contentType ?? (!ctx.admin && ctx.faults.contentType ? ctx.faults.contentType : SCIM_JSON);
  return sendText(ctx, status, json, { 'Content-Type': type, ...headers });
}

export function sendEmpty(ctx: ReplyContext, status: number, headers: Record<string, string> = {}): Promise<void> {
  ctx.res.writeHead(status, headers);
  ctx.res.end();
  return Promise.resolve();
}

export function sendError(ctx: ReplyContext, error: ScimHttpError): Promise<void> {
  const { status } = error;
  if (!ctx.admin && ctx.faults.htmlErrors && (status === 401 || status === 404 || status >= 500)) {
    // What a reverse proxy or SSO gateway in front of a SCIM service really answers.
    const reason = REASONS[status] ?? 'Error';
    const html = `<!DOCTYPE html>\n<html><head><title>${status} ${reason}</title></head>\n<body><center><h1>${status} ${reason}</h1></center><hr><center>nginx</center></body></html>\n`;
    return sendText(ctx, status, html, { 'Content-Type': 'text/html; charset=utf-8', ...error.headers });
  }
  if (error.custom) return sendJson(ctx, status, error.custom.body, error.headers, error.custom.contentType);
  const body: Json = { schemas: [SCHEMAS.error], status: String(status), detail: error.message };
  if (error.scimType) body.scimType = error.scimType;
  return sendJson(ctx, status, body, error.headers);
}

export async function sendText(ctx: ReplyContext, status: number, text: string, headers: Record<string, string>): Promise<void> {
  const { res, faults, n } = ctx;
  const buffer = Buffer.from(text, 'utf8');
  if (!ctx.admin && everyNth(n, faults.resetEvery)) {
    // Promise the whole body, deliver half, then drop the connection: a reset mid-body.
    res.writeHead(status, { ...headers, 'Content-Length': String(buffer.length) });
    res.write(buffer.subarray(0, Math.floor(buffer.length / 2)));
    await sleep(5);
    res.socket?.destroy();
    return;
  }
  if (!ctx.admin && everyNth(n, faults.truncateEvery)) {
    // No Content-Length and a clean end: the client sees a "complete" response of cut JSON.
    res.writeHead(status, { ...headers, Connection: 'close' });
    res.end(buffer.subarray(0, Math.floor(buffer.length / 2)));
    return;
  }
  const slow = ctx.admin ? 0 : (faults.slowBodyMs ?? 0);
  res.writeHead(status, { ...headers, 'Content-Length': String(buffer.length) });
  if (slow <= 0 || buffer.length < 2) {
    res.end(buffer);
    return;
  }
  const pieces = Math.min(10, buffer.length);
  const size = Math.ceil(buffer.length / pieces);
  for (let i = 0; i < pieces; i++) {
    if (res.destroyed) return;
    res.write(buffer.subarray(i * size, (i + 1) * size));
    await sleep(slow / pieces);
  }
  res.end();
}

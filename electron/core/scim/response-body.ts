// Reading and parsing response bodies: a size cap enforced while streaming (a 2 GB answer never
// reaches memory), and content-type rules that tell a SCIM JSON answer from a login page.

import { InspectorError } from '../../../shared/errors';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../io/json-depth';
import type { JsonLayout } from '../io/json-layout';
import { describeNonScimBody } from './errors';

export const DEFAULT_MAX_BODY_BYTES = 50 * 1024 * 1024;

type Readable = AsyncIterable<Buffer | Uint8Array>;

export interface BodyContext {
  method: string;
  url: string;
  status: number;
}

function tooLarge(ctx: BodyContext, maxBytes: number, seen: number | null): InspectorError {
  const mb = (maxBytes / 1024 / 1024).toFixed(maxBytes >= 1024 * 1024 ? 0 : 2);
  return new InspectorError(
    'body-too-large',
    `The answer to ${ctx.method} ${ctx.url} is larger than the ${mb} MB limit${seen !== null ? ` (${seen} bytes announced)` : ''}. Ask for fewer resources per page (a smaller page size) or fewer attributes, or raise the body limit for this connection.`,
    { status: ctx.status, method: ctx.method, url: ctx.url, maxBytes },
  );
}

/**
 * Reads a body up to maxBytes; throws body-too-large as soon as the cap is passed. The bytes come
 * back undecoded (a leading UTF-8 BOM dropped): the request log keeps a slice of them as they are,
 * so a page body is turned into text once, for JSON.parse, rather than again for the log.
 */
export async function readCapped(body: Readable, ctx: BodyContext, maxBytes: number, contentLength: string | undefined): Promise<{ bytes: Buffer; size: number }> {
  const announced = contentLength !== undefined && /^\d+$/.test(contentLength) ? Number(contentLength) : null;
  const chunks: Buffer[] = [];
  let size = 0;
  // Throwing inside the loop ends the iterator, which destroys the stream and frees the socket;
  // an explicit destroy() outside it would surface as an unhandled 'error' event instead.
  for await (const chunk of body) {
    if (announced !== null && announced > maxBytes) throw tooLarge(ctx, maxBytes, announced);
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(ctx, maxBytes, null);
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  const all = Buffer.concat(chunks, size);
  const bom = all.length >= 3 && all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf;
  return { bytes: bom ? all.subarray(3) : all, size };
}

/** application/scim+json, application/json, text/json and other +json types, any parameters. */
export function isJsonType(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/scim+json' || type === 'application/json' || type === 'text/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** Types under which some servers still send JSON (and nothing else a browser would render). */
function isLenientType(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' || type === 'text/plain' || type === 'application/octet-stream';
}

/**
 * The JSON body of a successful answer, or null when it is empty. `layout` is scanJsonLayout of
 * the body's bytes (null: too deep) when the caller has it; otherwise the text is scanned. A truncated or malformed JSON
 * body throws bad-response marked retryable (a reset mid-body looks exactly like this); an HTML
 * or other non-JSON answer throws not-scim naming the content type.
 */
export function parseSuccessBody(text: string, contentType: string, ctx: BodyContext, size: number, redact: (text: string) => string = (t) => t, layout?: JsonLayout | null): unknown {
  if (text.trim() === '') return null;
  const json = isJsonType(contentType);
  if (json || isLenientType(contentType)) {
    // The layout, when the caller scanned the bytes already, has answered the depth question.
    if (layout === undefined ? nestsDeeperThan(text) : layout === null) throw tooDeep(ctx);
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      if (json || /^\s*[[{]/.test(text)) {
        const reason = error instanceof Error ? error.message : String(error);
        return badJson(ctx, contentType, size, reason);
      }
    }
  }
  // The excerpt is cut to one short line: secrets go first, or a cut could leave half of one.
  const excerpt = describeNonScimBody(redact(text), contentType);
  throw new InspectorError(
    'not-scim',
    `${ctx.method} ${ctx.url} answered ${ctx.status} with ${contentType || 'no content type'}${excerpt ? ` ("${excerpt}")` : ''}, not SCIM JSON. The base URL probably points at a web page or login portal rather than the SCIM API; check it in the service's admin console.`,
    { status: ctx.status, method: ctx.method, url: ctx.url, contentType, ...(excerpt ? { detail: excerpt } : {}) },
  );
}

function tooDeep(ctx: BodyContext): InspectorError {
  return new InspectorError(
    'bad-response',
    `The answer to ${ctx.method} ${ctx.url} is JSON nested more than ${MAX_JSON_DEPTH} levels deep, which no SCIM resource is; it was not read. Report it to the vendor with the request log (HAR).`,
    { status: ctx.status, method: ctx.method, url: ctx.url },
  );
}

function badJson(ctx: BodyContext, contentType: string, size: number, reason: string): never {
  throw new InspectorError(
    'bad-response',
    `The answer to ${ctx.method} ${ctx.url} was cut off or is not valid JSON (${size} bytes of ${contentType || 'no content type'}: ${reason}). This is usually a dropped connection; try again, and if it repeats, send the request log (HAR) to the vendor.`,
    { status: ctx.status, method: ctx.method, url: ctx.url, contentType, retryable: true },
  );
}

/** An error answer's body: JSON when it parses (whatever the content type claims), else null. */
export function parseErrorBody(text: string): unknown {
  // Too deep to walk safely: treated like a body that is not JSON (described as raw text).
  if (!/^\s*[[{]/.test(text) || nestsDeeperThan(text)) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON after all: the caller describes the raw text instead.
    return null;
  }
}

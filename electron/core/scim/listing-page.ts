// One ListResponse page, read defensively: keys in any case, numbers sent as strings, Resources
// missing on an empty page. Resources are normalised here, once, as they arrive; the body is the
// transport's freshly parsed answer, owned by the listing, so canonical resources are kept as parsed.

import { InspectorError } from '../../../shared/errors';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import { arrayObjects } from '../io/json-layout';
import { normalizeParsedResource } from './normalize';
import type { BodySource, RawItems } from './raw-items';
import type { HttpRequest, Transport } from './types';

export interface ListPage {
  resources: ScimResource[];
  totalResults: number | null;
  nextCursor: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(body: Record<string, unknown>, name: string): unknown {
  if (name in body) return body[name];
  const lower = name.toLowerCase();
  const key = Object.keys(body).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : body[key];
}

function count(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.floor(value);
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value.trim());
  return null;
}

/** A SCIM Error document (RFC 7644 §3.12) where a ListResponse belongs: schemas says so, or it
 * has the Error fields and none of a ListResponse's. */
function errorBody(body: Record<string, unknown>): { status: string; detail: string } | null {
  const schemas = field(body, 'schemas');
  const saysError = Array.isArray(schemas) && schemas.some((s) => typeof s === 'string' && /:api:messages:2\.0:Error$/i.test(s));
  const looksError = field(body, 'Resources') === undefined && field(body, 'totalResults') === undefined && (field(body, 'detail') !== undefined || field(body, 'status') !== undefined);
  if (!saysError && !looksError) return null;
  const status = field(body, 'status');
  const detail = field(body, 'detail');
  return { status: typeof status === 'string' || typeof status === 'number' ? String(status) : '?', detail: typeof detail === 'string' ? detail.slice(0, 300) : '' };
}

/**
 * Reads one page. A body that is not a ListResponse — a SCIM Error answered with 200, a bare
 * array, an object with neither Resources nor totalResults — throws bad-response marked retryable:
 * on a listing it is a gateway's or a backend's transient failure, never an empty page.
 */
export function parseListPage(body: unknown, kind: ResourceKind, url: string): ListPage {
  if (!isRecord(body)) {
    throw new InspectorError('bad-response', `The answer to GET ${url} is not a SCIM ListResponse (got ${body === null ? 'an empty body' : Array.isArray(body) ? 'a bare array' : typeof body}). Check the base URL points at the SCIM endpoint.`, { url, retryable: true });
  }
  const error = errorBody(body);
  if (error) {
    throw new InspectorError('bad-response', `GET ${url} answered 200 with a SCIM Error body (status ${error.status}${error.detail ? `: "${error.detail}"` : ''}) instead of a ListResponse page, so that page was not read.`, { url, retryable: true, detail: error.detail });
  }
  const rawResources = field(body, 'Resources');
  if (rawResources !== undefined && rawResources !== null && !Array.isArray(rawResources)) {
    throw new InspectorError('bad-response', `The answer to GET ${url} has "Resources" that is not a list. Report this to the vendor with the request log.`, { url });
  }
  const total = count(field(body, 'totalResults'));
  const schemas = field(body, 'schemas');
  const saysList = Array.isArray(schemas) && schemas.some((s) => typeof s === 'string' && /ListResponse$/i.test(s));
  if (rawResources === undefined && total === null && !saysList) {
    throw new InspectorError('bad-response', `The answer to GET ${url} has neither "Resources" nor "totalResults", so it is not a SCIM ListResponse. Check the base URL.`, { url, retryable: true });
  }
  const resources = (rawResources ?? []).map((raw: unknown) => normalizeParsedResource(raw, kind));
  const cursor = field(body, 'nextCursor');
  return {
    resources,
    totalResults: total,
    nextCursor: typeof cursor === 'string' && cursor !== '' ? cursor : null,
  };
}

export type PageQuery = Record<string, string | number | undefined>;

export interface PageCheck {
  /**
   * The first page of a listing that cannot be empty: why (e.g. "discovery saw 2000 users"). An
   * empty answer there is a transient fault, retried, then a failure — never an empty tenant.
   */
  notEmptyBecause?: string;
  /** Where to register the bytes of each resource kept exactly as parsed (raw-items.ts). */
  raw?: RawItems;
}

/**
 * GET one page; `signal` is the listing's own, so finishing or cancelling aborts stragglers. An
 * answer that is not the page (see parseListPage; an HTML page with status 200) is retried by the
 * transport like a 5xx, and reported if it persists.
 */
export async function fetchPage(transport: Transport, kind: ResourceKind, query: PageQuery, signal: AbortSignal, check: PageCheck = {}): Promise<ListPage> {
  let page: ListPage | null = null;
  const accept = (body: unknown, url: string, source: BodySource): void => {
    const read = parseListPage(body, kind, url);
    if (check.notEmptyBecause !== undefined && read.resources.length === 0 && (read.totalResults ?? 0) === 0) {
      throw new InspectorError('incomplete-listing', `GET ${url} answered an empty first page (no resources, totalResults ${read.totalResults ?? 'absent'}) although ${check.notEmptyBecause}; an empty answer there is a failure of the server, not an empty tenant.`, { url, retryable: true });
    }
    if (check.raw && source.layout !== null && isRecord(body)) {
      // Which member JSON.parse kept is certain only when one key spells Resources (arrayObjects).
      const spans = arrayObjects(source.layout, 'Resources');
      const parsed = field(body, 'Resources');
      if (spans !== null && Array.isArray(parsed)) check.raw.addPage(read.resources, parsed, spans, source);
    }
    page = read;
  };
  const req: HttpRequest = { method: 'GET', path: `/${kind}`, query, signal, idempotent: true, accept };
  try {
    await transport.request(req);
  } catch (error) {
    if (error instanceof InspectorError && error.code === 'not-scim') throw pageNotScim(error);
    throw error;
  }
  if (page === null) throw new InspectorError('internal', 'A listing page was answered but not read.');
  return page;
}

/** A web page where a listing page belongs: a gateway or proxy answered, not a wrong base URL. */
function pageNotScim(error: InspectorError): InspectorError {
  const excerpt = typeof error.details?.detail === 'string' ? ` ("${error.details.detail}")` : '';
  const url = typeof error.details?.url === 'string' ? error.details.url : 'a listing page';
  const attempts = typeof error.details?.attempts === 'number' && error.details.attempts > 1 ? `; it was the answer to all ${error.details.attempts} attempts (retried like a 5xx)` : '';
  return new InspectorError(
    'not-scim',
    `GET ${url} answered with a web page${excerpt} instead of a SCIM ListResponse page (the endpoint answers SCIM, so a gateway or proxy answered in its place)${attempts}. Try again later; if it repeats, send the request log (HAR) to the vendor.`,
    error.details,
  );
}

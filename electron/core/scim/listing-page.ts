// One ListResponse page, read defensively: keys in any case, numbers sent as strings, Resources
// missing on an empty page. Resources are normalised here, once, as they arrive; the body is the
// transport's freshly parsed answer, owned by the listing, so canonical resources are kept as parsed.

import { InspectorError } from '../../../shared/errors';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import { normalizeParsedResource } from './normalize';
import type { HttpRequest, Transport } from './types';

export interface ListPage {
  resources: ScimResource[];
  totalResults: number | null;
  itemsPerPage: number | null;
  startIndex: number | null;
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

export function parseListPage(body: unknown, kind: ResourceKind, url: string): ListPage {
  if (!isRecord(body)) {
    throw new InspectorError('bad-response', `The answer to GET ${url} is not a SCIM ListResponse (got ${body === null ? 'an empty body' : Array.isArray(body) ? 'a bare array' : typeof body}). Check the base URL points at the SCIM endpoint.`, { url });
  }
  const rawResources = field(body, 'Resources');
  if (rawResources !== undefined && rawResources !== null && !Array.isArray(rawResources)) {
    throw new InspectorError('bad-response', `The answer to GET ${url} has "Resources" that is not a list. Report this to the vendor with the request log.`, { url });
  }
  const total = count(field(body, 'totalResults'));
  if (rawResources === undefined && total === null && !Array.isArray(field(body, 'schemas'))) {
    throw new InspectorError('bad-response', `The answer to GET ${url} has neither "Resources" nor "totalResults", so it is not a SCIM ListResponse. Check the base URL.`, { url });
  }
  const resources = (rawResources ?? []).map((raw: unknown) => normalizeParsedResource(raw, kind));
  const cursor = field(body, 'nextCursor');
  return {
    resources,
    totalResults: total,
    itemsPerPage: count(field(body, 'itemsPerPage')),
    startIndex: count(field(body, 'startIndex')),
    nextCursor: typeof cursor === 'string' && cursor !== '' ? cursor : null,
  };
}

export type PageQuery = Record<string, string | number | undefined>;

/** GET one page; `signal` is the listing's own, so finishing or cancelling aborts stragglers. */
export async function fetchPage(transport: Transport, kind: ResourceKind, query: PageQuery, signal: AbortSignal): Promise<ListPage> {
  const req: HttpRequest = { method: 'GET', path: `/${kind}`, query, signal, idempotent: true };
  const res = await transport.request(req);
  return parseListPage(res.body, kind, res.url);
}

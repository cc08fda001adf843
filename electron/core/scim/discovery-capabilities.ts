// Capabilities from whatever discovery could read: ServiceProviderConfig when the server has
// one, else what the /Users and /Groups probes showed. Values are read leniently (any key case,
// "true" strings) because discovery documents are where vendors are least careful.

import type { Capabilities, PaginationKind } from '../../../shared/scim';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function field(body: unknown, name: string): unknown {
  if (!isRecord(body)) return undefined;
  if (name in body) return body[name];
  const lower = name.toLowerCase();
  const key = Object.keys(body).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : body[key];
}

function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  return undefined;
}

function positive(value: unknown): number | null {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

function supported(spc: unknown, feature: string): boolean | undefined {
  return bool(field(field(spc, feature), 'supported'));
}

/** Does this body look like a ServiceProviderConfig (and not a login page turned JSON)? */
export function looksLikeServiceProviderConfig(body: unknown): boolean {
  if (!isRecord(body)) return false;
  const schemas = field(body, 'schemas');
  if (Array.isArray(schemas) && schemas.some((s) => typeof s === 'string' && /ServiceProviderConfig$/i.test(s))) return true;
  return ['patch', 'filter', 'bulk', 'etag'].filter((k) => isRecord(field(body, k))).length >= 2;
}

/** A SCIM ListResponse (possibly sloppy: no schemas, only Resources or totalResults). */
export function looksLikeListResponse(body: unknown): boolean {
  if (!isRecord(body)) return false;
  const schemas = field(body, 'schemas');
  if (Array.isArray(schemas) && schemas.some((s) => typeof s === 'string' && /ListResponse$/i.test(s))) return true;
  return Array.isArray(field(body, 'Resources')) || typeof field(body, 'totalResults') === 'number';
}

export interface ProbeFacts {
  spc: Record<string, unknown> | null;
  /** The answer to /Users?count=1 (a ListResponse). */
  usersProbe: unknown;
  /** From /ResourceTypes or the /Groups probe. */
  groups: boolean;
}

function paginationKind(spc: unknown, usersProbe: unknown): PaginationKind {
  const pagination = field(spc, 'pagination');
  if (isRecord(pagination)) {
    const index = bool(field(pagination, 'index'));
    const cursor = bool(field(pagination, 'cursor'));
    // Index paging can be fetched concurrently once the total is known, so it wins when both exist.
    if (index === true) return 'index';
    if (cursor === true) return 'cursor';
    if (index === false && cursor === false) return 'none';
  }
  const next = field(usersProbe, 'nextCursor');
  if (typeof next === 'string' && next !== '' && field(usersProbe, 'startIndex') === undefined) return 'cursor';
  return 'index';
}

/** Resources a ListResponse shows exist: its totalResults, else how many it returned; null when neither. */
export function resourcesSeen(listResponse: unknown): number | null {
  const total = field(listResponse, 'totalResults');
  const n = typeof total === 'string' && /^\s*\d+\s*$/.test(total) ? Number(total) : total;
  const resources = field(listResponse, 'Resources');
  const returned = Array.isArray(resources) ? resources.length : null;
  if (typeof n === 'number' && Number.isFinite(n) && n >= 0) return Math.max(n, returned ?? 0);
  return returned;
}

/** Unknown features are assumed the RFC way where the engine verifies anyway (filter, patch). */
export function capabilitiesFrom(facts: ProbeFacts): { capabilities: Capabilities; assumed: string[] } {
  const { spc, usersProbe } = facts;
  const assumed: string[] = [];
  const pick = (feature: string, fallback: boolean): boolean => {
    const v = spc ? supported(spc, feature) : undefined;
    if (v === undefined) assumed.push(`${feature} ${fallback ? 'supported' : 'not supported'}`);
    return v ?? fallback;
  };
  const pagination = field(spc, 'pagination');
  const capabilities: Capabilities = {
    groups: facts.groups,
    patch: pick('patch', true),
    etag: pick('etag', false),
    sort: pick('sort', false),
    filter: pick('filter', true),
    bulk: pick('bulk', false),
    pagination: paginationKind(spc, usersProbe),
    maxPageSize: positive(field(pagination, 'maxPageSize')) ?? positive(field(field(spc, 'filter'), 'maxResults')),
  };
  return { capabilities, assumed };
}

/** Whether /ResourceTypes lists a Group type (by endpoint, name or schema). */
export function resourceTypesHaveGroups(resourceTypes: Record<string, unknown>[]): boolean {
  return resourceTypes.some((rt) => {
    const endpoint = field(rt, 'endpoint');
    const name = field(rt, 'name');
    const schema = field(rt, 'schema');
    return (
      (typeof endpoint === 'string' && /\/?groups$/i.test(endpoint)) ||
      (typeof name === 'string' && /^groups?$/i.test(name)) ||
      (typeof schema === 'string' && /:core:2\.0:Group$/i.test(schema))
    );
  });
}

/** /ResourceTypes and /Schemas answer a ListResponse or (older servers) a bare array. */
export function listOfRecords(body: unknown): Record<string, unknown>[] | null {
  if (Array.isArray(body)) return body.filter(isRecord);
  const resources = field(body, 'Resources');
  if (Array.isArray(resources)) return resources.filter(isRecord);
  return null;
}

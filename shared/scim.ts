// SCIM 2.0 types as the product sees them after normalisation (RFC 7643/7644). Values from a
// server are `unknown` until the client has validated and normalised them into these shapes.

export const SCHEMAS = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

export type ResourceKind = 'Users' | 'Groups';

export interface ScimMeta {
  resourceType?: string;
  created?: string;
  lastModified?: string;
  location?: string;
  /** The ETag, when the server gives one (header or meta.version). */
  version?: string;
}

export interface MultiValued {
  value?: string;
  display?: string;
  type?: string;
  primary?: boolean;
  $ref?: string;
  [key: string]: unknown;
}

export interface ScimResource {
  schemas: string[];
  id: string;
  externalId?: string;
  meta?: ScimMeta;
  [attribute: string]: unknown;
}

export interface ScimName {
  formatted?: string;
  familyName?: string;
  givenName?: string;
  middleName?: string;
  honorificPrefix?: string;
  honorificSuffix?: string;
}

export interface EnterpriseUser {
  employeeNumber?: string;
  costCenter?: string;
  organization?: string;
  division?: string;
  department?: string;
  manager?: { value?: string; $ref?: string; displayName?: string };
}

export interface ScimUser extends ScimResource {
  userName: string;
  name?: ScimName;
  displayName?: string;
  title?: string;
  active?: boolean;
  emails?: MultiValued[];
  groups?: MultiValued[];
  [SCHEMAS.enterpriseUser]?: EnterpriseUser;
}

export interface ScimGroup extends ScimResource {
  displayName: string;
  members?: MultiValued[];
}

export type PatchOpName = 'add' | 'remove' | 'replace';

export interface PatchOperation {
  op: PatchOpName;
  path?: string;
  value?: unknown;
}

export interface PatchRequest {
  schemas: [typeof SCHEMAS.patchOp];
  Operations: PatchOperation[];
}

export type PaginationKind = 'index' | 'cursor' | 'none';

export interface Capabilities {
  groups: boolean;
  patch: boolean;
  etag: boolean;
  sort: boolean;
  filter: boolean;
  pagination: PaginationKind;
  maxPageSize: number | null;
  bulk: boolean;
}

export interface DiscoveryResult {
  baseUrl: string;
  serviceProviderConfig: Record<string, unknown> | null;
  resourceTypes: Record<string, unknown>[];
  schemas: Record<string, unknown>[];
  capabilities: Capabilities;
  warnings: string[];
  /** Milliseconds for the whole discovery round. */
  roundTripMs: number;
  /**
   * How many users discovery's /Users probe showed exist (its totalResults, else the users it
   * returned); null when it could not tell. A later listing that finds none is then a failure.
   */
  usersSeen?: number | null;
}

export interface ListProgress {
  pagesDone: number;
  /** Null while the total is unknown (sequential or cursor paging). */
  pagesTotal: number | null;
  resourcesDone: number;
  reportedTotal: number | null;
}

export interface ListOutcome<T extends ScimResource = ScimResource> {
  /** True only when the engine verified it has every resource the server holds for the query. */
  complete: boolean;
  count: number;
  reportedTotal: number | null;
  warnings: string[];
  /** null when no filter was sent; false when the server returned resources that do not match. */
  serverHonouredFilter: boolean | null;
  Resources: T[];
  /**
   * Pages fetched at once: pinned (a setting) or adaptive (from 4, up to 16 while latency holds,
   * halved on 429 or a latency jump); the most reached and the last.
   */
  concurrency?: { adaptive: boolean; start: number; max: number; final: number; decreases: number };
}

/**
 * A request log entry as the renderer lists it: everything but the bodies. A 100k-user listing
 * would push about 64 MB of page bodies over IPC; the bodies of one entry are fetched when it is
 * opened (requestLog.body).
 */
export type RequestLogSummary = Omit<RequestLogEntry, 'requestBody' | 'responseBody'>;

/**
 * How many calls a profile's session made and how many the log still holds (it keeps the newest
 * `capacity`): the one count the status bar and the Request log page both show.
 */
export interface RequestLogCounts {
  made: number;
  held: number;
  capacity: number;
}

export interface RequestLogBodies {
  id: number;
  requestBody: string | null;
  responseBody: string | null;
  /** The log no longer keeps these bodies (see RequestLogEntry.bodiesDropped); null when it does. */
  dropped: string | null;
}

/**
 * The member ids (`members[].value`) a group lists, skipping malformed entries: the one reading
 * of a group's members for the audit, main's table index and the renderer's Groups column.
 */
export function memberIdsOf(group: object): string[] {
  const members = (group as { members?: unknown }).members;
  if (!Array.isArray(members)) return [];
  const out: string[] = [];
  for (const m of members as unknown[]) {
    const value = typeof m === 'object' && m !== null ? (m as Record<string, unknown>).value : undefined;
    if (typeof value === 'string') out.push(value);
  }
  return out;
}

/** The summary of an entry (its bodies left where they are: a kept body is decoded only when read). */
export function summaryOf(entry: RequestLogEntry): RequestLogSummary {
  const { id, startedAt, method, url, status, durationMs, requestHeaders, responseHeaders, responseSize, bodiesTruncated, bodiesDropped, error } = entry;
  return { id, startedAt, method, url, status, durationMs, requestHeaders, responseHeaders, responseSize, bodiesTruncated, ...(bodiesDropped ? { bodiesDropped } : {}), error };
}

/** One SCIM call as the request log keeps it. Headers are already redacted. */
export interface RequestLogEntry {
  id: number;
  startedAt: string;
  method: string;
  url: string;
  status: number | null;
  durationMs: number;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
  responseSize: number;
  /** True when a body was cut to the log's size cap. */
  bodiesTruncated: boolean;
  /**
   * True when the log let this call's bodies go to stay under its total cap (the oldest go first):
   * a missing body then says so instead of looking like an empty answer.
   */
  bodiesDropped?: true;
  error: string | null;
  /** The proxy the call went through (its origin, never credentials); absent when it went directly. */
  proxy?: string;
}

// Public contracts of the sandbox tenant: options, fault switches and the vendor profile shape.
// Kept apart from index.ts so store, server and vendor files can share them without cycles.

import type { Filter } from 'scim2-parse-filter';
import type { ServerOptions as HttpsServerOptions } from 'node:https';
import type { SandboxAuth } from './auth';

export type VendorName = 'rfc' | 'mindtickle' | 'lettermint' | 'mittr' | 'entra' | 'omission';

export const VENDOR_NAMES: readonly VendorName[] = ['rfc', 'mindtickle', 'lettermint', 'mittr', 'entra', 'omission'];

export interface FaultOptions {
  /** Added to every request before it is handled. */
  latencyMs?: number;
  /** Every Nth request (counted since the faults were set) answers 429. */
  rateLimitEvery?: number;
  retryAfter?: { seconds: number; format: 'seconds' | 'http-date' | 'x-rate-limit-reset' };
  /** In each cycle of `every` requests the last `length` answer `status`. */
  serverErrorBurst?: { every: number; length: number; status: 500 | 502 | 503 };
  /** Every Nth request: headers and half the body are sent, then the socket is destroyed. */
  resetEvery?: number;
  /** Every Nth request: half the JSON is sent without Content-Length, then the response ends cleanly. */
  truncateEvery?: number;
  /** The body is dribbled out over this many milliseconds. */
  slowBodyMs?: number;
  /** At most this many resources per page, whatever count says. */
  pageCap?: number;
  omitItemsPerPage?: boolean;
  /** Added to the true total (negative under-reports). */
  wrongTotalResults?: number;
  /** totalResults is reported as min(total, this). */
  totalResultsCapped?: number;
  /** startIndex is read as a 0-based offset. */
  zeroBasedIndex?: boolean;
  /** count is ignored: always the server's own page size. */
  ignoreCount?: boolean;
  /** Only cursor/nextCursor paging; startIndex is ignored. */
  cursorOnly?: boolean;
  /** Every filter is silently ignored and everything returned. */
  ignoreFilter?: boolean;
  /**
   * Filters that compare any of these attributes (bare, lowercase: "title", "name.familyname",
   * "meta.lastmodified", "emails.type") answer 200 with an empty list: a server whose store cannot
   * evaluate them and says nothing, for whatever attribute, not only the forms the probe knows.
   */
  underMatchAttributes?: string[];
  /** Attribute names in odd case: UserName, Active, Emails ... */
  caseVariantNames?: boolean;
  /** active (and primary) as "True"/"False" strings. */
  stringBooleans?: boolean;
  /** 401/404/5xx answered as HTML pages. */
  htmlErrors?: boolean;
  /** PATCH/PUT answer 204 with no body. */
  noContentOnWrite?: boolean;
  /** /ServiceProviderConfig, /ResourceTypes, /Schemas answer 404. */
  missingDiscovery?: boolean;
  /** Discovery endpoints answer 401. */
  discoveryUnauthorized?: boolean;
  /** Content-Type sent with JSON bodies instead of application/scim+json. */
  contentType?: string;
  /** Groups answer members: null. */
  nullMembers?: boolean;
  /** Group listings leave members out (as Entra and servers with large groups do); a GET of one group has them. */
  listOmitsMembers?: boolean;
  /** Every Nth request, if it is a list GET, answers 200 with a SCIM Error body (a gateway's hiccup). */
  okErrorEvery?: number;
  /** Every Nth request, if it is a list GET, answers 200 with an empty ListResponse (totalResults 0). */
  okEmptyEvery?: number;
  /** Every Nth request, if it is a list GET, answers 200 with an HTML page (a proxy's error page). */
  okHtmlEvery?: number;
  /** ServiceProviderConfig says filter.supported false (whatever the server really does). */
  filterUnadvertised?: boolean;
}

export interface SandboxOptions {
  vendor?: VendorName;
  users?: number;
  groups?: number;
  seed?: number;
  port?: number;
  token?: string;
  /** How SCIM calls authenticate: the static token (default), Basic or OAuth 2.0 (auth.ts). */
  auth?: SandboxAuth;
  /** Serve HTTPS with these options (key, cert, and ca + requestCert for mutual TLS); tests only. */
  tls?: HttpsServerOptions;
  faults?: FaultOptions;
}

export type Kind = 'Users' | 'Groups';

/** A resource as the store keeps it: canonical SCIM JSON (booleans as booleans, schema case). */
export type Json = Record<string, unknown>;

/**
 * How a vendor treats a filter it was sent: evaluate it, refuse it (400), drop it (all rows),
 * answer an empty list (it cannot evaluate it and says nothing), or evaluate it comparing strings
 * case-sensitively (userName, which RFC 7643 declares caseExact false).
 */
export type FilterPolicy = 'evaluate' | 'reject' | 'ignore' | 'under-match' | 'evaluate-case-exact';

export interface ConflictAnswer {
  status: number;
  body: Json;
  contentType: string;
}

export interface VendorProfile {
  name: VendorName;
  /** SCIM base path under the origin, e.g. "/scim/v2". */
  basePath: string;
  groups: boolean;
  /** Users carry the read-only `groups` attribute, computed from group membership. */
  userGroups: boolean;
  put: boolean;
  /** POST /Users/.search and /Groups/.search (RFC 7644 §3.4.3). */
  search: boolean;
  /** Discovery endpoints this vendor serves (the others 404). */
  discovery: { serviceProviderConfig: boolean; resourceTypes: boolean; schemas: boolean; public: boolean };
  etag: boolean;
  sort: boolean;
  cursor: boolean;
  /** Page size when count is absent. */
  defaultPageSize: number;
  /** Hard cap per page (count above it is silently lowered). */
  maxPageSize: number;
  /** Advertise filter.maxResults in ServiceProviderConfig (false: undocumented page size). */
  advertiseMaxResults: boolean;
  /** Accept "Replace"/"Add"/"Remove" as op names. */
  capitalisedOps: boolean;
  /** Decide what happens with a parsed filter (null when it did not parse). */
  filterPolicy(kind: Kind, filter: Filter | null): FilterPolicy;
  /** PATCH on users: only operations touching `active` are applied, the rest silently dropped. */
  userPatchActiveOnly: boolean;
  /** POST of an existing userName: 409 (false) or re-activate and return it (true). */
  createActivatesExisting: boolean;
  conflict(userName: string): ConflictAnswer;
  deleteUser: 'hard' | 'soft';
  groupMembersMustBeActive: boolean;
  /**
   * User attributes the service does not store (PATCH paths: "title", "urn:…:User:department"):
   * a write leaves them as they were, a create drops them.
   */
  fixedUserAttributes: readonly string[];
  /** The first list GET asking for more than one resource answers 200 with a SCIM Error body. */
  firstPageErrorBody?: boolean;
  /** PATCH removing members through a filter path (members[value eq "x"]) answers 501. */
  memberFilterRemoval501?: boolean;
  /** Seeded data flavour. */
  data: { guidExternalIds: boolean; enterpriseForAll: boolean; stringBooleanEvery: number; missingExternalIdRate: number };
}

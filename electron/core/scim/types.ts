// Internal contracts of the SCIM client, shared by transport, listing, discovery and resources.
// The connection options are what a profile (or the CLI's flags) turns into.

import type { BodySource, RawItems } from './raw-items';
import type { ListOutcome, ListProgress, PatchRequest, ResourceKind, ScimResource } from '../../../shared/scim';
import type { DiscoveryResult, RequestLogCounts, RequestLogEntry } from '../../../shared/scim';
import type { Redactor } from '../secrets/index';
import type { ObservedFacts } from '../../../shared/observed';
import type { AuthInfo, RequestAuth } from '../auth/types';
import type { NetworkInfo, NetworkOptions } from '../net/network';

export interface ConnectionOptions {
  /** Base URL as the admin typed it; the client normalises it (trailing slash, /v2, /scim/v2). */
  baseUrl: string;
  /**
   * The bearer token, called at the moment each request is built, so the token is never held
   * longer than needed (the vault reads the keychain here). Never logged, never copied into
   * errors. Used when `auth` is not given.
   */
  token?: () => string | Promise<string>;
  /** How requests are authenticated (Basic, OAuth 2.0, API-key headers…); default: bearer `token`. */
  auth?: RequestAuth;
  /** Proxy (default: the environment, as curl reads it), private CA and client certificate. */
  network?: Omit<NetworkOptions, 'connectTimeoutMs' | 'headersTimeoutMs' | 'bodyTimeoutMs'>;
  /** Extra headers from the profile (never Authorization). */
  headers?: Record<string, string>;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Responses larger than this fail with body-too-large (default 50 MB). */
  maxBodyBytes?: number;
  /** Default page size for listings (default 100). */
  pageSize?: number;
  /** Pages fetched at once once the total is known (1..16); unset: adaptive, 4 up to 16 (concurrency.ts). */
  concurrency?: number;
  /** Total time a retried read may spend waiting and retrying (default 120 s). */
  retryBudgetMs?: number;
  /** Profile is read-only: every write is refused in the core with refused-read-only. */
  readOnly?: boolean;
  /** Vendor hint from the profile ('rfc', 'mindtickle', 'lettermint', 'mittr', 'entra', ...). */
  vendor?: string;
  /**
   * Users this profile must never deactivate (break-glass admins): userNames, emails or ids.
   * Carried with the connection so every host's deactivation sees the same list.
   */
  protectedUsers?: string[];
  /** What the behaviour probe saw this server do (the profile's observed facts), if it ran. */
  observed?: ObservedFacts | null;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path relative to the normalised base URL, e.g. "/Users" or "/Users/abc". */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Reads retry on resets/5xx/429; writes only on 429/503 that say the request was not processed. */
  idempotent?: boolean;
  /**
   * Another base URL on the same origin for this one call (discovery probing the candidates of
   * candidateBaseUrls in base-url.ts); another origin is refused with invalid-url.
   */
  baseUrl?: string;
  /**
   * For calls to an endpoint known to speak SCIM (a listing page): checks a 2xx answer's parsed
   * body and throws when it is not what was asked for. Such an answer — whatever `accept` throws
   * with details.retryable, and a 2xx that is not JSON at all (a proxy's HTML page) — is a
   * transient fault of this call, retried like a 5xx within the budget, then reported.
   */
  accept?: (body: unknown, url: string, source: BodySource) => void;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON body, or null for an empty body (204). */
  body: unknown;
  /** Bytes received. */
  size: number;
  url: string;
}

export interface Transport {
  readonly baseUrl: string;
  request(req: HttpRequest): Promise<HttpResponse>;
  /** Switches the base URL (same origin only), e.g. to the candidate discovery found answering. */
  setBaseUrl(baseUrl: string): void;
  readonly log: RequestLogApi;
  /**
   * Every secret this connection has used (and its derived forms), for the hosts to redact what
   * they show, log or export. Never applied to what is written back to the tenant.
   */
  readonly secrets: Redactor;
  /** The scheme, proxy and TLS in use (Test connection); never a secret. */
  describe(): { auth: AuthInfo; network: NetworkInfo };
  close(): Promise<void>;
}

export interface RequestLogApi {
  entries(): RequestLogEntry[];
  /** Calls made by this client (every one, also those the ring has dropped) and how many it holds. */
  counts(): RequestLogCounts;
  clear(): void;
  /** HAR 1.2 document, token redacted. */
  toHar(): Record<string, unknown>;
  /** A curl command that reads the token from $envVar instead of printing it. */
  toCurl(entryId: number, envVar?: string): string;
  subscribe(listener: (entry: RequestLogEntry) => void): () => void;
}

export interface ListOptions {
  filter?: string;
  attributes?: string[];
  excludedAttributes?: string[];
  sortBy?: string;
  sortOrder?: 'ascending' | 'descending';
  /** Stop after this many resources (the outcome is then complete: false unless it is all). */
  limit?: number;
  pageSize?: number;
  concurrency?: number;
  signal?: AbortSignal;
  /** Pages as they arrive (already normalised and, with a filter, verified locally). */
  onPage?: (resources: ScimResource[], progress: ListProgress) => void;
  /**
   * false: stream — resources go only to onPage and the outcome's Resources is empty (count,
   * complete and warnings are as ever). Memory then holds the ids seen, not the resources. A
   * 0-based server's skipped head, found at the end, then reaches onPage last.
   */
  keep?: boolean;
  /**
   * Awaited before each page is requested: a consumer that writes slower than pages arrive (a
   * gzip file) holds the listing back instead of letting pages pile up in memory.
   */
  pace?: () => Promise<void>;
  /**
   * Trust the server's filter alone: a filter it rejects is an error, and one it cannot be trusted
   * with is still sent (default: both are applied locally over a complete listing, with a warning).
   */
  serverFilterOnly?: boolean;
  /**
   * Registers the bytes each resource arrived as, when the listing kept it exactly as parsed (a
   * consumer that writes JSON can then write those bytes instead of serialising it again).
   */
  rawItems?: RawItems;
}

export interface WriteOptions {
  /** ETag to send as If-Match; a 412 answer becomes precondition-failed. */
  ifMatch?: string;
  signal?: AbortSignal;
}

export interface ScimClient {
  readonly baseUrl: string;
  /** The connection refuses every write (a read-only profile); features refuse up front by it. */
  readonly readOnly: boolean;
  readonly transport: Transport;
  /** The observed facts about this server (null: never probed, or probed at another server). */
  readonly observed: ObservedFacts | null;
  /** Records what a behaviour probe just saw; later listings and lookups use it. */
  observe(facts: ObservedFacts | null): void;
  discover(signal?: AbortSignal): Promise<DiscoveryResult>;
  list<T extends ScimResource = ScimResource>(kind: ResourceKind, options?: ListOptions): Promise<ListOutcome<T>>;
  get<T extends ScimResource = ScimResource>(kind: ResourceKind, id: string, options?: { attributes?: string[]; signal?: AbortSignal }): Promise<T>;
  create<T extends ScimResource = ScimResource>(kind: ResourceKind, body: Record<string, unknown>, options?: WriteOptions): Promise<T>;
  replace<T extends ScimResource = ScimResource>(kind: ResourceKind, id: string, body: Record<string, unknown>, options?: WriteOptions): Promise<T>;
  patch<T extends ScimResource = ScimResource>(kind: ResourceKind, id: string, patch: PatchRequest, options?: WriteOptions): Promise<T>;
  delete(kind: ResourceKind, id: string, options?: WriteOptions): Promise<void>;
  close(): Promise<void>;
}

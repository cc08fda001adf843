// The write request exactly as the client will send it, for previews, the CLI's --dry-run and the
// change journal. The bearer token is never known here: Authorization is always shown redacted, and
// profile headers whose names suggest a secret are redacted too.

import { SCHEMAS, type PatchRequest, type ResourceKind } from '../../../shared/scim';
import { isPlainObject } from './json';

export const REDACTED = '[redacted]';

export interface DescribeRequestInput {
  /** The client's normalised base URL (ScimClient.baseUrl). */
  baseUrl: string;
  kind: ResourceKind;
  id: string;
  /** null (or omitted) for DELETE. */
  body?: PatchRequest | Record<string, unknown> | null;
  /** Defaults to PATCH for a PatchOp body, DELETE without a body, PUT otherwise. */
  method?: 'PATCH' | 'PUT' | 'DELETE';
  /** The resource's ETag (meta.version); sent as If-Match so a concurrent change gives 412. */
  version?: string | null;
  /** Extra headers from the profile. */
  headers?: Record<string, string>;
}

export interface DescribedRequest {
  method: 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  /** null for DELETE, which sends no body. */
  body: PatchRequest | Record<string, unknown> | null;
}

const SECRET_HEADER = /authorization|token|secret|password|api[-_]?key|cookie/i;
// The values electron/core/scim/transport.ts sends (it does not export them); an integration test
// compares this description with the request log of a real PATCH so the two cannot drift apart.
const ACCEPT = 'application/scim+json, application/json;q=0.9, text/json;q=0.8';
const CONTENT_TYPE = 'application/scim+json; charset=utf-8';
const USER_AGENT = 'scim-inspector/0.1.0';

export function describeRequest(input: DescribeRequestInput): DescribedRequest {
  const isPatchOp = isPlainObject(input.body) && Array.isArray(input.body.schemas) && input.body.schemas.includes(SCHEMAS.patchOp);
  const method = input.method ?? (isPatchOp ? 'PATCH' : input.body === undefined || input.body === null ? 'DELETE' : 'PUT');
  const body = method === 'DELETE' ? null : (input.body ?? {});
  const url = `${input.baseUrl.replace(/\/+$/, '')}/${input.kind}/${encodeURIComponent(input.id)}`;
  const headers: Record<string, string> = { Accept: ACCEPT, 'User-Agent': USER_AGENT };
  if (body !== null) headers['Content-Type'] = CONTENT_TYPE;
  // Profile headers come next and may override these, as in the transport (a few servers refuse
  // application/scim+json); the transport owns the connection-level ones and Authorization.
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (/^(authorization|if-match|host|content-length|connection|transfer-encoding)$/i.test(name)) continue;
    if (/^content-type$/i.test(name) && body === null) continue;
    const canonical = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;
    headers[canonical] = SECRET_HEADER.test(name) ? REDACTED : value;
  }
  headers.Authorization = `Bearer ${REDACTED}`;
  if (input.version) headers['If-Match'] = input.version;
  return { method, url, headers, body };
}

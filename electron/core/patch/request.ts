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
  body: PatchRequest | Record<string, unknown>;
  /** Defaults to PATCH for a PatchOp body and PUT otherwise. */
  method?: 'PATCH' | 'PUT';
  /** The resource's ETag (meta.version); sent as If-Match so a concurrent change gives 412. */
  version?: string | null;
  /** Extra headers from the profile. */
  headers?: Record<string, string>;
}

export interface DescribedRequest {
  method: 'PATCH' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body: PatchRequest | Record<string, unknown>;
}

const SECRET_HEADER = /authorization|token|secret|password|api[-_]?key|cookie/i;

export function describeRequest(input: DescribeRequestInput): DescribedRequest {
  const isPatchOp = isPlainObject(input.body) && Array.isArray(input.body.schemas) && input.body.schemas.includes(SCHEMAS.patchOp);
  const method = input.method ?? (isPatchOp ? 'PATCH' : 'PUT');
  const url = `${input.baseUrl.replace(/\/+$/, '')}/${input.kind}/${encodeURIComponent(input.id)}`;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (/^(authorization|if-match|content-type|accept)$/i.test(name)) continue;
    headers[name] = SECRET_HEADER.test(name) ? REDACTED : value;
  }
  headers.Accept = 'application/scim+json';
  headers['Content-Type'] = 'application/scim+json';
  headers.Authorization = `Bearer ${REDACTED}`;
  if (input.version) headers['If-Match'] = input.version;
  return { method, url, headers, body: input.body };
}

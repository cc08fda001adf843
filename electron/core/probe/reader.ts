// The probe's reads: raw list pages and single resources, counted, each answer classified rather
// than thrown (a 400 is a finding here, not a failure). Pages go through fetchPage, so a gateway's
// transient 200-with-Error is retried like any listing page's and never taken for the server's answer.

import { InspectorError } from '../../../shared/errors';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import { fetchPage, type ListPage, type PageQuery } from '../scim/listing-page';
import type { ScimClient } from '../scim/types';

export type Read<T> = { ok: true; value: T } | { ok: false; status: number | null; code: string; detail: string };

export class ProbeReader {
  requests = 0;

  constructor(
    readonly client: ScimClient,
    private readonly signal: AbortSignal | undefined,
  ) {}

  private controller(): AbortSignal {
    return this.signal ?? new AbortController().signal;
  }

  async page(kind: ResourceKind, query: PageQuery): Promise<Read<ListPage>> {
    this.requests += 1;
    try {
      return { ok: true, value: await fetchPage(this.client.transport, kind, query, this.controller()) };
    } catch (error) {
      return failed(error);
    }
  }

  /** One resource with the response headers (ETag). */
  async resource(kind: ResourceKind, id: string): Promise<Read<{ resource: ScimResource; etag: string | null }>> {
    this.requests += 1;
    try {
      const res = await this.client.transport.request({ method: 'GET', path: `/${kind}/${encodeURIComponent(id)}`, signal: this.controller(), idempotent: true });
      const body = res.body as ScimResource;
      return { ok: true, value: { resource: body, etag: res.headers.etag ?? null } };
    } catch (error) {
      return failed(error);
    }
  }
}

/** A server answer that is a finding (4xx, 5xx after retries, not SCIM); cancellation still throws. */
function failed(error: unknown): { ok: false; status: number | null; code: string; detail: string } {
  if (!(error instanceof InspectorError) || error.code === 'cancelled' || error.code === 'token-missing' || error.code === 'unauthorized') throw error;
  const status = typeof error.details?.status === 'number' ? error.details.status : null;
  const detail = typeof error.details?.detail === 'string' ? error.details.detail : error.message;
  return { ok: false, status, code: error.code, detail: detail.slice(0, 200) };
}

/** "400 invalidFilter: not supporting advanced filtering" for a failed read. */
export function describeFailure(read: { status: number | null; code: string; detail: string }): string {
  return `${read.status ?? read.code}${read.detail ? `: ${read.detail}` : ''}`;
}

// Plain-fetch helpers for the peer behaviour tests: they speak HTTP to the peer directly so the
// tests describe the peer itself, not our client's reading of it.

export interface PeerResponse {
  status: number;
  contentType: string | null;
  etag: string | null;
  text: string;
  /** Parsed JSON, or undefined for an empty/non-JSON body. */
  json: unknown;
}

export type Json = Record<string, unknown>;

export async function peerFetch(url: string, token: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<PeerResponse> {
  const res = await fetch(url + path, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/scim+json',
      ...(init.body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type'), etag: res.headers.get('etag'), text, json };
}

/** The body as an object; throws with the raw text so a failing test shows what came back. */
export function body(res: PeerResponse): Json {
  if (typeof res.json !== 'object' || res.json === null || Array.isArray(res.json)) {
    throw new Error(`expected a JSON object, got ${res.status}: ${res.text.slice(0, 300)}`);
  }
  return res.json as Json;
}

/** Ids of the Resources of a ListResponse, in the order served. */
export function resourceIds(res: PeerResponse): string[] {
  const resources = body(res).Resources;
  if (resources === undefined) return [];
  if (!Array.isArray(resources)) throw new Error(`Resources is not an array: ${res.text.slice(0, 300)}`);
  return resources.map((r: unknown) => String((r as Json).id));
}

export function q(filter: string): string {
  return encodeURIComponent(filter);
}

export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

// Single-resource calls: get, create, replace, patch, delete. Writes carry If-Match when the
// caller knows an ETag, a read-only connection refuses writes before any byte is sent, and a
// write answered with 204 or an empty body is followed by a GET, so callers always get the
// resource as the server now holds it.

import { InspectorError } from '../../../shared/errors';
import { SCHEMAS, type PatchRequest, type ResourceKind, type ScimResource } from '../../../shared/scim';
import { normalizeResource } from './normalize';
import type { HttpResponse, Transport, WriteOptions } from './types';

export interface GetOptions {
  attributes?: string[];
  signal?: AbortSignal;
}

export interface Resources {
  get<T extends ScimResource = ScimResource>(kind: ResourceKind, id: string, options?: GetOptions): Promise<T>;
  create<T extends ScimResource = ScimResource>(kind: ResourceKind, body: Record<string, unknown>, options?: WriteOptions): Promise<T>;
  replace<T extends ScimResource = ScimResource>(kind: ResourceKind, id: string, body: Record<string, unknown>, options?: WriteOptions): Promise<T>;
  patch<T extends ScimResource = ScimResource>(kind: ResourceKind, id: string, patch: PatchRequest, options?: WriteOptions): Promise<T>;
  delete(kind: ResourceKind, id: string, options?: WriteOptions): Promise<void>;
}

function checkKind(kind: unknown): ResourceKind {
  if (kind === 'Users' || kind === 'Groups') return kind;
  throw new InspectorError('invalid-input', `Unknown resource type "${String(kind)}": use Users or Groups.`);
}

function resourcePath(kind: unknown, id: unknown): string {
  const k = checkKind(kind);
  if (typeof id !== 'string' || id.trim() === '') throw new InspectorError('invalid-input', `A ${k === 'Users' ? 'user' : 'group'} id is required.`);
  return `/${k}/${encodeURIComponent(id)}`;
}

function writeHeaders(options: WriteOptions): Record<string, string> | undefined {
  return options.ifMatch ? { 'if-match': options.ifMatch } : undefined;
}

/** The id at the end of a Location header (…/Users/{id}), for a create answered without a body. */
function idFromLocation(location: string | undefined, kind: ResourceKind): string | null {
  // Stryker disable next-line ConditionalExpression: without it, a missing or empty Location parses as "/undefined" or "/", which names no id either
  if (!location) return null;
  let path: string;
  try {
    path = new URL(location, 'http://placeholder').pathname;
  } catch {
    // An unreadable Location is treated like a missing one; the caller reports that.
    return null;
  }
  const match = new RegExp(`/${kind}/([^/]+)/?$`, 'i').exec(path);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export function createResources(transport: Transport, options: { readOnly?: boolean } = {}): Resources {
  const refuseIfReadOnly = (method: string, kind: ResourceKind): void => {
    if (options.readOnly) {
      throw new InspectorError(
        'refused-read-only',
        `This connection is read-only, so the ${method} on ${kind} was not sent. Edit the profile and turn off read-only if you mean to change this tenant.`,
        { method, kind },
      );
    }
  };

  async function get<T extends ScimResource>(kind: ResourceKind, id: string, opts: GetOptions = {}): Promise<T> {
    const path = resourcePath(kind, id);
    const attributes = opts.attributes?.length ? opts.attributes.join(',') : undefined;
    const res = await transport.request({ method: 'GET', path, query: { attributes }, signal: opts.signal });
    if (res.body === null) {
      throw new InspectorError('bad-response', `GET ${res.url} answered ${res.status} with an empty body instead of the resource. Check the base URL; if it is right, report this to the vendor.`, {
        status: res.status,
        method: 'GET',
        url: res.url,
      });
    }
    return sameResource(normalizeResource<T>(res.body, kind, res.headers.etag), id, res);
  }

  /**
   * A read of /Users/X answered with another resource (a proxy's cache, a vendor bug) must never be
   * taken for X: an edit's read-back would call the write verified, a lookup would call X present.
   * Ids differing only in case are taken as the same: servers with GUID ids print them in either.
   */
  function sameResource<T extends ScimResource>(resource: T, id: string, res: HttpResponse): T {
    if (resource.id.toLowerCase() === id.toLowerCase()) return resource;
    throw new InspectorError('bad-response', `GET ${res.url} answered ${res.status} with another resource (id "${resource.id}", not "${id}"), so nothing in it is taken for the one asked for. Reload; if it happens again, report this to the vendor.`, {
      status: res.status,
      url: res.url,
      asked: id,
      answered: resource.id,
    });
  }

  /** The written resource: from the answer when it holds one, else fetched again. */
  async function afterWrite<T extends ScimResource>(res: HttpResponse, kind: ResourceKind, id: string | null, signal: AbortSignal | undefined): Promise<T> {
    if (res.body !== null && typeof res.body === 'object' && !Array.isArray(res.body) && Object.keys(res.body).length > 0) {
      return normalizeResource<T>(res.body, kind, res.headers.etag);
    }
    const target = id ?? idFromLocation(res.headers.location, kind);
    if (target === null) {
      throw new InspectorError('bad-response', `The server accepted the new ${kind === 'Users' ? 'user' : 'group'} (${res.status}) but returned neither the resource nor its location. Search for it to find its id.`, {
        status: res.status,
        url: res.url,
      });
    }
    return get<T>(kind, target, { signal });
  }

  /** The body with the schema of its type, unless it names its own schemas. */
  function withSchemas(kind: ResourceKind, body: Record<string, unknown>): Record<string, unknown> {
    return { schemas: [kind === 'Users' ? SCHEMAS.user : SCHEMAS.group], ...body };
  }

  return {
    // The kind is checked inside, so a wrong one is a rejected promise like every other failure.
    get,

    async create<T extends ScimResource>(kind: ResourceKind, body: Record<string, unknown>, opts: WriteOptions = {}): Promise<T> {
      const k = checkKind(kind);
      refuseIfReadOnly('POST', k);
      const res = await transport.request({ method: 'POST', path: `/${k}`, body: withSchemas(k, body), headers: writeHeaders(opts), signal: opts.signal, idempotent: false });
      return afterWrite<T>(res, k, null, opts.signal);
    },

    async replace<T extends ScimResource>(kind: ResourceKind, id: string, body: Record<string, unknown>, opts: WriteOptions = {}): Promise<T> {
      const k = checkKind(kind);
      refuseIfReadOnly('PUT', k);
      const path = resourcePath(k, id);
      const res = await transport.request({ method: 'PUT', path, body: withSchemas(k, { ...body, id }), headers: writeHeaders(opts), signal: opts.signal, idempotent: false });
      return afterWrite<T>(res, k, id, opts.signal);
    },

    async patch<T extends ScimResource>(kind: ResourceKind, id: string, patch: PatchRequest, opts: WriteOptions = {}): Promise<T> {
      const k = checkKind(kind);
      refuseIfReadOnly('PATCH', k);
      const path = resourcePath(k, id);
      const res = await transport.request({ method: 'PATCH', path, body: patch, headers: writeHeaders(opts), signal: opts.signal, idempotent: false });
      return afterWrite<T>(res, k, id, opts.signal);
    },

    async delete(kind: ResourceKind, id: string, opts: WriteOptions = {}): Promise<void> {
      const k = checkKind(kind);
      refuseIfReadOnly('DELETE', k);
      await transport.request({ method: 'DELETE', path: resourcePath(k, id), headers: writeHeaders(opts), signal: opts.signal, idempotent: false });
    },
  };
}

// HTTP routing of the sandbox: admin endpoints under /__sandbox, request-level faults (latency,
// 429, 5xx bursts), bearer auth, discovery and the Users/Groups resource endpoints.

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleTokenRequest, requireAuth, TOKEN_PATH, type AuthState } from './auth';
import { SCHEMAS } from '../../../shared/scim';
import { resourceTypes, schemas, serviceProviderConfig } from './discovery';
import { everyNth, FaultState, FaultValidationError, inErrorBurst, rateLimitHeaders, sleep } from './faults';
import { listParam, listResponseText, searchParams } from './list';
import { etagOf, renderResource, type RenderOptions } from './render';
import { ScimHttpError, sendEmpty, sendError, sendJson, sendJsonText, sendText, type ReplyContext } from './respond';
import type { Row, SandboxStore } from './store';
import type { FaultOptions, Json, Kind } from './types';
import { createResource, deleteResource, patchResource, replaceResource, requireRow } from './writes';

const MAX_BODY = 10 * 1024 * 1024;

export interface SandboxState {
  store: SandboxStore;
  faults: FaultState;
  token: string;
  /** How SCIM calls authenticate (admin endpoints always take `token`). */
  auth: AuthState;
  origin: string;
  requests: number;
  byMethod: Record<string, number>;
  /** A vendor's one-time first-page error (omission) was sent; reset() re-arms it. */
  firstPageErrorSent?: boolean;
  /** Tests: awaited before a list page is answered (see SandboxHandle.onListPage). */
  listHook?: ListHook | null;
}

/** A list GET about to be answered: its kind and query (startIndex, count, filter…). */
export type ListHook = (page: { kind: Kind; params: URLSearchParams }) => Promise<void> | void;

export function statsOf(state: SandboxState): { requests: number; byMethod: Record<string, number>; writes: number } {
  return { requests: state.requests, byMethod: { ...state.byMethod }, writes: state.store.writes };
}

function authorised(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!m || !m[1]) return false;
  const given = Buffer.from(m[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const unauthorised = (): ScimHttpError =>
  new ScimHttpError(401, undefined, 'Missing or wrong bearer token; send Authorization: Bearer <sandbox token>.', { 'WWW-Authenticate': 'Bearer realm="sandbox"' });

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ScimHttpError(413, 'tooLarge', 'The request body is larger than 10 MB.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ScimHttpError(400, 'invalidSyntax', 'The request body is not valid JSON.');
  }
}

export async function handle(state: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', state.origin);
  const method = (req.method ?? 'GET').toUpperCase();
  if (url.pathname === TOKEN_PATH) {
    await handleTokenRequest(state.auth, req, res);
    return;
  }
  if (url.pathname.startsWith('/__sandbox/')) {
    const ctx: ReplyContext = { res, faults: {}, n: 0, admin: true };
    try {
      await handleAdmin(state, req, url.pathname, method, ctx);
    } catch (error) {
      await sendError(ctx, asHttpError(error));
    }
    return;
  }
  state.requests++;
  state.byMethod[method] = (state.byMethod[method] ?? 0) + 1;
  const faults = state.faults.faults;
  const ctx: ReplyContext = { res, faults, n: state.faults.next(), admin: false };
  try {
    if (faults.latencyMs) await sleep(faults.latencyMs);
    if (everyNth(ctx.n, faults.rateLimitEvery)) throw new ScimHttpError(429, undefined, 'Too many requests; wait as Retry-After says.', rateLimitHeaders(faults));
    const burst = inErrorBurst(ctx.n, faults);
    if (burst !== null) throw new ScimHttpError(burst, undefined, 'The service is temporarily failing; retry later.');
    await route(state, req, url, method, ctx);
  } catch (error) {
    await sendError(ctx, asHttpError(error));
  }
}

function asHttpError(error: unknown): ScimHttpError {
  if (error instanceof ScimHttpError) return error;
  if (error instanceof FaultValidationError) return new ScimHttpError(400, 'invalidValue', error.message);
  return new ScimHttpError(500, undefined, `Sandbox error: ${error instanceof Error ? error.message : String(error)}`);
}

async function handleAdmin(state: SandboxState, req: IncomingMessage, path: string, method: string, ctx: ReplyContext): Promise<void> {
  if (!authorised(req, state.token)) throw unauthorised();
  if (path === '/__sandbox/stats' && method === 'GET') return sendJson(ctx, 200, statsOf(state), {}, 'application/json');
  if (path === '/__sandbox/planted' && method === 'GET') return sendJson(ctx, 200, state.store.planted, {}, 'application/json');
  if (path === '/__sandbox/faults' && method === 'GET') return sendJson(ctx, 200, state.faults.faults, {}, 'application/json');
  if (path === '/__sandbox/faults' && method === 'POST') {
    state.faults.set(await readBody(req));
    return sendJson(ctx, 200, state.faults.faults, {}, 'application/json');
  }
  if (path === '/__sandbox/reset' && method === 'POST') {
    resetState(state);
    return sendJson(ctx, 200, { ok: true }, {}, 'application/json');
  }
  throw new ScimHttpError(404, undefined, 'Unknown sandbox admin endpoint: use /__sandbox/faults, /__sandbox/stats, /__sandbox/planted or /__sandbox/reset.');
}

/** Back to the seeded tenant: data, counters and faults. */
export function resetState(state: SandboxState): void {
  state.store.reset();
  state.faults.set({});
  state.firstPageErrorSent = false;
  state.requests = 0;
  state.byMethod = {};
}

function renderOptions(state: SandboxState, ctx: ReplyContext, params?: URLSearchParams): RenderOptions {
  const { store } = state;
  const base = `${state.origin}${store.profile.basePath}`;
  const options: RenderOptions = { profile: store.profile, faults: ctx.faults, baseUrl: base };
  if (store.profile.userGroups) {
    options.groupsOf = (userId) =>
      store.groupsOf(userId).map((gid) => ({ value: gid, display: store.get('Groups', gid)?.res.displayName, $ref: `${base}/Groups/${gid}`, type: 'direct' }));
  }
  const attributes = params ? listParam(params, 'attributes') : undefined;
  const excluded = params ? listParam(params, 'excludedAttributes') : undefined;
  if (attributes) options.attributes = attributes;
  if (excluded) options.excludedAttributes = excluded;
  return options;
}

function discoveryDoc(state: SandboxState, rel: string, faults: FaultOptions): { doc: Json | Json[]; enabled: boolean } | null {
  const { profile } = state.store;
  const base = `${state.origin}${profile.basePath}`;
  if (rel === '/ServiceProviderConfig') return { doc: serviceProviderConfig(profile, base, faults), enabled: profile.discovery.serviceProviderConfig };
  if (rel === '/ResourceTypes') return { doc: resourceTypes(profile, base), enabled: profile.discovery.resourceTypes };
  if (rel === '/Schemas') return { doc: schemas(profile, base), enabled: profile.discovery.schemas };
  const one = /^\/(ResourceTypes|Schemas)\/(.+)$/.exec(rel);
  if (one && one[1] && one[2]) {
    const list = one[1] === 'ResourceTypes' ? resourceTypes(profile, base) : schemas(profile, base);
    const found = list.find((d) => d.id === decodeURIComponent(one[2] as string));
    if (!found) return { doc: [], enabled: false };
    return { doc: found, enabled: one[1] === 'ResourceTypes' ? profile.discovery.resourceTypes : profile.discovery.schemas };
  }
  return null;
}

async function route(state: SandboxState, req: IncomingMessage, url: URL, method: string, ctx: ReplyContext): Promise<void> {
  const { profile } = state.store;
  const { faults } = ctx;
  const notFound = new ScimHttpError(404, undefined, `Nothing at ${url.pathname}; the SCIM base is ${profile.basePath}.`);
  if (url.pathname !== profile.basePath && !url.pathname.startsWith(`${profile.basePath}/`)) throw notFound;
  const rel = url.pathname.slice(profile.basePath.length).replace(/\/+$/, '') || '/';

  const discovery = discoveryDoc(state, rel, faults);
  if (discovery) {
    if (method !== 'GET') throw new ScimHttpError(405, undefined, 'Discovery endpoints are read-only.');
    if (faults.missingDiscovery || !discovery.enabled) throw notFound;
    if (faults.discoveryUnauthorized) throw unauthorised();
    if (!profile.discovery.public) await requireAuth(state.auth, req, state.token);
    const doc = discovery.doc;
    if (!Array.isArray(doc)) return sendJson(ctx, 200, doc);
    return sendJson(ctx, 200, { schemas: [SCHEMAS.listResponse], totalResults: doc.length, itemsPerPage: doc.length, startIndex: 1, Resources: doc });
  }

  await requireAuth(state.auth, req, state.token);
  const m = /^\/(Users|Groups)(?:\/([^/]+))?$/.exec(rel);
  if (!m || !m[1]) throw notFound;
  const kind = m[1] as Kind;
  if (kind === 'Groups' && !profile.groups) throw notFound;
  const id = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
  const ifMatch = typeof req.headers['if-match'] === 'string' ? req.headers['if-match'] : undefined;
  const render = renderOptions(state, ctx, url.searchParams);

  if (id === undefined) {
    if (method === 'GET') {
      await state.listHook?.({ kind, params: url.searchParams });
      if (await sentBrokenListPage(state, ctx, url.searchParams)) return;
      return sendJsonText(ctx, 200, listResponseText(state.store, kind, url.searchParams, render));
    }
    if (method === 'POST') {
      const { row, status } = createResource(state.store, kind, await readBody(req));
      return sendResource(ctx, row, kind, render, status, { Location: `${render.baseUrl}/${kind}/${String(row.res.id)}` });
    }
    throw new ScimHttpError(405, undefined, `${method} is not supported on /${kind}.`);
  }
  if (id === '.search' && method === 'POST' && profile.search) {
    const params = searchParams(await readBody(req));
    return sendJsonText(ctx, 200, listResponseText(state.store, kind, params, renderOptions(state, ctx, params)));
  }
  if (method === 'GET') return sendResource(ctx, requireRow(state.store, kind, id), kind, render, 200);
  if (method === 'DELETE') {
    deleteResource(state.store, kind, id, ifMatch);
    return sendEmpty(ctx, 204);
  }
  if (method === 'PUT' && !profile.put) throw new ScimHttpError(405, undefined, 'This server does not support PUT; use PATCH.');
  if (method === 'PUT' || method === 'PATCH') {
    const body = await readBody(req);
    const row = method === 'PUT' ? replaceResource(state.store, kind, id, body, ifMatch) : patchResource(state.store, kind, id, body, ifMatch);
    if (faults.noContentOnWrite) return sendEmpty(ctx, 204, profile.etag ? { ETag: etagOf(row) } : {});
    return sendResource(ctx, row, kind, render, 200);
  }
  throw new ScimHttpError(405, undefined, `${method} is not supported on /${kind}/{id}.`);
}

const GATEWAY_PAGE = '<!DOCTYPE html>\n<html><head><title>Service temporarily unavailable</title></head><body><h1>Please try again</h1></body></html>\n';

/**
 * The 200 answers to a list GET that are not the page asked for: a SCIM Error body, an empty
 * ListResponse, an HTML page (faults), and the omission vendor's one error body on the first list
 * GET that asks for more than one resource. True when one was sent.
 */
async function sentBrokenListPage(state: SandboxState, ctx: ReplyContext, params: URLSearchParams): Promise<boolean> {
  const { faults, n } = ctx;
  const count = params.get('count');
  const firstPage = state.store.profile.firstPageErrorBody === true && !state.firstPageErrorSent && (count === null || Number(count) > 1);
  if (firstPage || everyNth(n, faults.okErrorEvery)) {
    if (firstPage) state.firstPageErrorSent = true;
    await sendJson(ctx, 200, { schemas: [SCHEMAS.error], status: '500', detail: 'Upstream request failed; please retry.' });
    return true;
  }
  if (everyNth(n, faults.okEmptyEvery)) {
    await sendJson(ctx, 200, { schemas: [SCHEMAS.listResponse], totalResults: 0, itemsPerPage: 0, startIndex: 1, Resources: [] });
    return true;
  }
  if (everyNth(n, faults.okHtmlEvery)) {
    await sendText(ctx, 200, GATEWAY_PAGE, { 'Content-Type': 'text/html; charset=utf-8' });
    return true;
  }
  return false;
}

function sendResource(ctx: ReplyContext, row: Row, kind: Kind, render: RenderOptions, status: number, headers: Record<string, string> = {}): Promise<void> {
  const extra = render.profile.etag ? { ETag: etagOf(row), ...headers } : headers;
  return sendJson(ctx, status, renderResource(row, kind, render), extra);
}

// GET /Users and /Groups: filter policy per vendor, sort, index or cursor paging, and the paging
// faults (page cap, wrong/capped totals, 0-based index, ignored count, cursor only).

import type { Filter } from 'scim2-parse-filter';
import { SCHEMAS } from '../../../shared/scim';
import { bareAttribute, FilterSyntaxError, parseFilter } from './filter';
import { runQuery } from './query';
import { renderResourceJson, type RenderOptions } from './render';
import { ScimHttpError } from './respond';
import type { Row, SandboxStore } from './store';
import type { Json, Kind } from './types';

function intParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw.trim())) throw new ScimHttpError(400, 'invalidValue', `${name} must be an integer, got "${raw}".`);
  return Number.parseInt(raw, 10);
}

/** Comma-separated attribute list parameter, or undefined when absent. */
export function listParam(params: URLSearchParams, name: string): string[] | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const list = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return list.length > 0 ? list : undefined;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

function decodeCursor(raw: string | null): number {
  if (raw === null || raw === '') return 0;
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const m = /^o:(\d+)$/.exec(text);
  if (!m || !m[1]) throw new ScimHttpError(400, 'invalidCursor', 'The cursor is not one this server issued; start again without a cursor.');
  return Number(m[1]);
}

type Chosen = { filter: Filter | null; caseExact: boolean; empty: boolean };

/** Bare lowercase attribute paths a filter compares (`emails[type eq "x"]` → emails.type). */
function comparedAttributes(filter: Filter, prefix = ''): string[] {
  if (filter.op === 'and' || filter.op === 'or') return filter.filters.flatMap((f) => comparedAttributes(f, prefix));
  if (filter.op === 'not') return comparedAttributes(filter.filter, prefix);
  if (!('attrPath' in filter)) return [];
  const own = bareAttribute(filter.attrPath).toLowerCase();
  const path = prefix ? `${prefix}.${own}` : own;
  return filter.op === '[]' ? comparedAttributes(filter.valFilter, path) : [path];
}

function chooseFilter(store: SandboxStore, kind: Kind, text: string | null, ignoreAll: boolean, underMatch: readonly string[]): Chosen {
  const none: Chosen = { filter: null, caseExact: false, empty: false };
  if (text === null || text.trim() === '' || ignoreAll) return none;
  let parsed: Filter | null = null;
  let syntax: FilterSyntaxError | null = null;
  try {
    parsed = parseFilter(text);
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    syntax = error;
  }
  const policy = store.profile.filterPolicy(kind, parsed);
  if (policy === 'ignore') return none;
  if (syntax) throw new ScimHttpError(400, 'invalidFilter', `The filter could not be parsed: ${syntax.message}`);
  if (policy === 'reject') throw new ScimHttpError(400, 'invalidFilter', `This server does not support the filter ${JSON.stringify(text)} (not supporting advanced filtering).`);
  const silent = parsed !== null && comparedAttributes(parsed).some((a) => underMatch.includes(a));
  return { filter: parsed, caseExact: policy === 'evaluate-case-exact', empty: policy === 'under-match' || silent };
}

/** The ListResponse envelope (everything but Resources) and the rows of the page. */
function listPage(store: SandboxStore, kind: Kind, params: URLSearchParams, render: RenderOptions): { body: Json; rows: Row[] } {
  const { profile, faults } = render;
  const chosen = chooseFilter(store, kind, params.get('filter'), faults.ignoreFilter === true, faults.underMatchAttributes ?? []);
  const sortOrderRaw = params.get('sortOrder');
  if (sortOrderRaw !== null && !['ascending', 'descending'].includes(sortOrderRaw.toLowerCase())) {
    throw new ScimHttpError(400, 'invalidValue', 'sortOrder must be "ascending" or "descending".');
  }
  // Vendors without sort support ignore sortBy silently, as their ServiceProviderConfig says.
  const sortBy = profile.sort ? (params.get('sortBy') ?? undefined) : undefined;
  const sortOrder = sortOrderRaw?.toLowerCase() === 'descending' ? 'descending' : 'ascending';
  const ids = chosen.empty ? [] : runQuery(store, kind, { filter: chosen.filter, sortBy, sortOrder, caseExact: chosen.caseExact });
  const total = ids.length;

  const count = intParam(params, 'count');
  let pageSize = faults.ignoreCount || count === undefined ? profile.defaultPageSize : Math.max(0, count);
  pageSize = Math.min(pageSize, profile.maxPageSize);
  if (faults.pageCap !== undefined && faults.pageCap > 0) pageSize = Math.min(pageSize, faults.pageCap);

  const cursorMode = faults.cursorOnly === true || (profile.cursor && params.has('cursor'));
  let offset: number;
  if (cursorMode) {
    offset = decodeCursor(params.get('cursor'));
  } else {
    const startIndex = intParam(params, 'startIndex');
    offset = faults.zeroBasedIndex ? Math.max(0, startIndex ?? 0) : Math.max(1, startIndex ?? 1) - 1;
  }
  const page = ids.slice(offset, offset + pageSize);

  let reported = total;
  if (faults.totalResultsCapped !== undefined) reported = Math.min(reported, faults.totalResultsCapped);
  if (faults.wrongTotalResults !== undefined) reported = Math.max(0, reported + faults.wrongTotalResults);

  const body: Json = { schemas: [SCHEMAS.listResponse], totalResults: reported };
  if (!faults.omitItemsPerPage) body.itemsPerPage = page.length;
  if (!cursorMode) body.startIndex = faults.zeroBasedIndex ? offset : offset + 1;
  if (cursorMode && offset + page.length < total && page.length > 0) body.nextCursor = encodeCursor(offset + page.length);
  if (cursorMode && offset > 0) body.previousCursor = encodeCursor(Math.max(0, offset - pageSize));
  const rows: Row[] = [];
  for (const id of page) {
    const row = store.get(kind, id);
    if (row) rows.push(row);
  }
  return { body, rows };
}

/** The ListResponse as JSON text, assembled from the rows' cached JSON (see render.ts). */
export function listResponseText(store: SandboxStore, kind: Kind, params: URLSearchParams, render: RenderOptions): string {
  const { body, rows } = listPage(store, kind, params, render);
  const envelope = JSON.stringify(body);
  const shown = kind === 'Groups' && render.faults.listOmitsMembers ? { ...render, omitMembers: true } : render;
  const resources = rows.map((row) => renderResourceJson(row, kind, shown, store.generation)).join(',');
  return `${envelope.slice(0, -1)},"Resources":[${resources}]}`;
}

/** A POST .search body (RFC 7644 §3.4.3) as the query parameters a GET would carry. */
export function searchParams(body: unknown): URLSearchParams {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ScimHttpError(400, 'invalidSyntax', 'A .search body must be a JSON object.');
  const b = body as Json;
  const params = new URLSearchParams();
  for (const key of ['filter', 'sortBy', 'sortOrder', 'startIndex', 'count', 'cursor']) {
    const v = b[key];
    if (typeof v === 'string' || typeof v === 'number') params.set(key, String(v));
  }
  for (const key of ['attributes', 'excludedAttributes']) {
    const v = b[key];
    if (Array.isArray(v)) params.set(key, v.filter((x) => typeof x === 'string').join(','));
  }
  return params;
}

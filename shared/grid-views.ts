// Saved grid views per tenant (issue 17): a named layout of the users or groups table — columns
// (fixed and attribute columns) in order, their widths, the sort and the quick search — kept per
// profile by main in the data folder every host shares (electron/core/profiles/grid-views-store.ts),
// with one default per table that the grid opens with. Read back through readGridViews, so a hand-
// edited or damaged file gives an error naming what is wrong, never a broken grid.

import { isAttributePath, MAX_ATTRIBUTE_COLUMNS } from './attribute-columns';
import { columnsOf, type ColumnId } from './columns';
import { InspectorError } from './errors';
import type { ResourceKind } from './scim';

export const MAX_VIEWS = 50;
export const MAX_VIEW_NAME = 80;
const MAX_SEARCH = 256;
const KINDS: readonly ResourceKind[] = ['Users', 'Groups'];

export interface GridView {
  name: string;
  kind: ResourceKind;
  columns: ColumnId[];
  widths: Record<string, number>;
  sort: { column: ColumnId; dir: 'asc' | 'desc' } | null;
  search: string;
}

export interface ProfileGridViews {
  views: GridView[];
  /** The view each table opens with (a name among views), or none: the built-in layout. */
  defaults: Partial<Record<ResourceKind, string>>;
}

function bad(message: string, field: string): InspectorError {
  return new InspectorError('invalid-input', message, { field });
}

function isColumn(kind: ResourceKind, c: unknown): c is ColumnId {
  return typeof c === 'string' && ((columnsOf(kind) as readonly string[]).includes(c) || isAttributePath(kind, c));
}

/** A view name: trimmed, 1 to MAX_VIEW_NAME characters, no control characters. */
export function viewName(value: unknown, field = 'name'): string {
  const name = typeof value === 'string' ? value.trim() : '';
  // eslint-disable-next-line no-control-regex
  if (name.length === 0 || name.length > MAX_VIEW_NAME || /[\u0000-\u001f]/.test(name)) throw bad(`The view name must be 1 to ${MAX_VIEW_NAME} characters.`, field);
  return name;
}

/** One view, validated (unknown input from the renderer or the file). */
export function readGridView(value: unknown, field = 'view'): GridView {
  if (typeof value !== 'object' || value === null) throw bad(`The field "${field}" must be a view object.`, field);
  const v = value as Record<string, unknown>;
  const kind = KINDS.find((k) => k === v.kind);
  if (!kind) throw bad(`The field "${field}.kind" must be Users or Groups.`, `${field}.kind`);
  const columns = v.columns;
  const max = columnsOf(kind).length + MAX_ATTRIBUTE_COLUMNS;
  if (!Array.isArray(columns) || columns.length === 0 || columns.length > max || !columns.every((c) => isColumn(kind, c)) || new Set(columns).size !== columns.length) {
    throw bad(`The field "${field}.columns" must list 1 to ${max} distinct columns of the ${kind} table or attribute paths.`, `${field}.columns`);
  }
  const widths: Record<string, number> = {};
  if (typeof v.widths === 'object' && v.widths !== null) {
    for (const [c, w] of Object.entries(v.widths as Record<string, unknown>)) {
      if (columns.includes(c) && typeof w === 'number' && Number.isFinite(w) && w >= 16 && w <= 2000) widths[c] = Math.round(w);
    }
  }
  let sort: GridView['sort'] = null;
  if (v.sort !== null && v.sort !== undefined) {
    const s = v.sort as Record<string, unknown>;
    if (!isColumn(kind, s.column) || (s.dir !== 'asc' && s.dir !== 'desc')) throw bad(`The field "${field}.sort" must name a column and asc or desc.`, `${field}.sort`);
    sort = { column: s.column, dir: s.dir };
  }
  const search = v.search ?? '';
  if (typeof search !== 'string' || search.length > MAX_SEARCH) throw bad(`The field "${field}.search" must be a string of at most ${MAX_SEARCH} characters.`, `${field}.search`);
  return { name: viewName(v.name, `${field}.name`), kind, columns: columns as ColumnId[], widths, sort, search };
}

/** A profile's saved views, validated; defaults naming no view are dropped. */
export function readGridViews(value: unknown): ProfileGridViews {
  if (value === undefined || value === null) return { views: [], defaults: {} };
  if (typeof value !== 'object') throw bad('The saved views must be an object.', 'views');
  const r = value as Record<string, unknown>;
  const list = Array.isArray(r.views) ? r.views : [];
  if (list.length > MAX_VIEWS * 2) throw bad(`At most ${MAX_VIEWS} views per table can be saved.`, 'views');
  const views = list.map((v, i) => readGridView(v, `views[${i}]`));
  const defaults: ProfileGridViews['defaults'] = {};
  const d = (typeof r.defaults === 'object' && r.defaults !== null ? r.defaults : {}) as Record<string, unknown>;
  for (const kind of KINDS) {
    const name = d[kind];
    if (typeof name === 'string' && views.some((v) => v.kind === kind && v.name === name)) defaults[kind] = name;
  }
  return { views, defaults };
}

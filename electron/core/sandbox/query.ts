// Turns filter + sort into an ordered id list. Results are cached per store generation so a
// client paging through 100,000 users filters and sorts once, not once per page.

import { stringify, type Filter } from 'scim2-parse-filter';
import { bareAttribute, indexedEquality, matches } from './filter';
import type { SandboxStore } from './store';
import type { Json, Kind } from './types';

const CACHE_LIMIT = 32;

export interface QuerySpec {
  filter: Filter | null;
  sortBy?: string;
  sortOrder?: 'ascending' | 'descending';
  /** Compare strings case-sensitively (a vendor that ignores caseExact false). */
  caseExact?: boolean;
}

export function runQuery(store: SandboxStore, kind: Kind, spec: QuerySpec): readonly string[] {
  if (!spec.filter && !spec.sortBy) return store.ids(kind);
  const key = `${kind}|${spec.filter ? stringify(spec.filter) : ''}|${spec.caseExact ? 'exact' : ''}|${spec.sortBy ?? ''}|${spec.sortOrder ?? ''}`;
  const cached = store.queryCache.get(key);
  if (cached) return cached;
  let ids = spec.filter ? filterIds(store, kind, spec.filter, spec.caseExact === true) : [...store.ids(kind)];
  if (spec.sortBy) ids = sortIds(store, kind, ids, spec.sortBy, spec.sortOrder === 'descending');
  if (store.queryCache.size >= CACHE_LIMIT) {
    const oldest = store.queryCache.keys().next().value;
    if (oldest !== undefined) store.queryCache.delete(oldest);
  }
  store.queryCache.set(key, ids);
  return ids;
}

function filterIds(store: SandboxStore, kind: Kind, filter: Filter, caseExact: boolean): string[] {
  const indexed = indexedEquality(filter);
  if (indexed && !(kind === 'Users' && indexed.attribute === 'displayName') && !(kind === 'Groups' && (indexed.attribute === 'userName' || indexed.attribute === 'emails'))) {
    // The index answers case-insensitively; re-check with the evaluator so caseExact rules hold.
    return store.lookup(kind, indexed.attribute, indexed.value).filter((id) => {
      const row = store.get(kind, id);
      return row !== undefined && matches(row.res, filter, caseExact);
    });
  }
  // Users' `groups` is computed, not stored: attach it only when the filter asks about it.
  const withGroups = kind === 'Users' && store.profile.userGroups && /(^|[^a-z])groups/i.test(stringify(filter));
  const out: string[] = [];
  for (const id of store.ids(kind)) {
    const row = store.get(kind, id);
    if (!row) continue;
    const res = withGroups ? { ...row.res, groups: store.groupsOf(id).map((value) => ({ value, display: store.get('Groups', value)?.res.displayName })) } : row.res;
    if (matches(res, filter, caseExact)) out.push(id);
  }
  return out;
}

/** Value of an attribute path (case-insensitive names; multi-valued → primary, else first). */
export function valueAt(resource: Json, path: string): unknown {
  const bare = bareAttribute(path);
  const urn = bare.match(/^(urn:[^]*):([^:]+)$/);
  let current: unknown = resource;
  let parts: string[];
  if (urn && urn[1] && urn[2]) {
    current = pickKey(resource, urn[1]);
    parts = urn[2].split('.');
  } else {
    parts = bare.split('.');
  }
  for (const part of parts) {
    if (Array.isArray(current)) current = current.find((v) => v && typeof v === 'object' && (v as Json).primary === true) ?? current[0];
    if (!current || typeof current !== 'object') return undefined;
    current = pickKey(current as Json, part);
  }
  if (Array.isArray(current)) {
    const first = current.find((v) => v && typeof v === 'object' && (v as Json).primary === true) ?? current[0];
    return first && typeof first === 'object' ? (first as Json).value : first;
  }
  return current;
}

function pickKey(obj: Json, name: string): unknown {
  if (name in obj) return obj[name];
  const lowerName = name.toLowerCase();
  const key = Object.keys(obj).find((k) => k.toLowerCase() === lowerName);
  return key === undefined ? undefined : obj[key];
}

function sortIds(store: SandboxStore, kind: Kind, ids: string[], sortBy: string, descending: boolean): string[] {
  // Decorate once: reading the path per comparison would cost ~n·log n lookups.
  const keyed = ids.map((id) => {
    const row = store.get(kind, id);
    const v = row ? valueAt(row.res, sortBy) : undefined;
    return { id, v: typeof v === 'string' ? v.toLowerCase() : v, seq: row?.seq ?? 0 };
  });
  keyed.sort((a, b) => {
    // RFC 7644 §3.4.2.3: resources without the attribute sort last ascending, first descending.
    const am = a.v === undefined || a.v === null;
    const bm = b.v === undefined || b.v === null;
    if (am || bm) return am && bm ? a.seq - b.seq : am ? (descending ? -1 : 1) : descending ? 1 : -1;
    const av = a.v as string | number | boolean;
    const bv = b.v as string | number | boolean;
    const c = av < bv ? -1 : av > bv ? 1 : a.seq - b.seq;
    return descending ? -c : c;
  });
  return keyed.map((k) => k.id);
}

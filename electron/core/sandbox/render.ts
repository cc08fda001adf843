// From a stored row to what goes on the wire: a copy with meta.location/version, attribute
// projection (attributes / excludedAttributes) and the representation quirks (string booleans,
// odd-case names, members: null). The stored row is never handed out.

import { bareAttribute } from './filter';
import type { Row } from './store';
import type { FaultOptions, Json, Kind, VendorProfile } from './types';

export interface RenderOptions {
  profile: VendorProfile;
  faults: FaultOptions;
  /** SCIM base URL (origin + base path) for meta.location. */
  baseUrl: string;
  attributes?: string[];
  excludedAttributes?: string[];
  /** The read-only Users `groups` value for a user id (profiles with userGroups). */
  groupsOf?: (userId: string) => Json[];
  /** Groups rendered without members (a listing under the listOmitsMembers fault). */
  omitMembers?: boolean;
}

const ODD_CASE: Record<string, string> = { userName: 'UserName', active: 'Active', emails: 'Emails', displayName: 'DisplayName', name: 'Name', members: 'Members' };
const ALWAYS = new Set(['id', 'schemas']);

export function etagOf(row: Row): string {
  return `W/"${row.version}"`;
}

/** The JSON of a row as the default rendering gives it, valid while the store's generation holds. */
const jsonCache = new WeakMap<Row, { generation: number; json: string }>();

/**
 * The resource as JSON text. Without projection or representation faults the text of a row only
 * changes when the store does (any write bumps its generation: memberships feed `groups`), so it
 * is cached: serialising 100 users per page was most of a list request's cost at 100,000 users,
 * and the client benchmarks measure the client, not this emulator.
 */
export function renderResourceJson(row: Row, kind: Kind, options: RenderOptions, generation: number): string {
  const { faults } = options;
  const cacheable = !options.attributes && !options.excludedAttributes && !faults.caseVariantNames && !faults.stringBooleans && !faults.nullMembers && !options.omitMembers && !row.stringBooleans;
  if (!cacheable) return JSON.stringify(renderResource(row, kind, options));
  const hit = jsonCache.get(row);
  if (hit && hit.generation === generation) return hit.json;
  const json = JSON.stringify(renderResource(row, kind, options));
  jsonCache.set(row, { generation, json });
  return json;
}

export function renderResource(row: Row, kind: Kind, options: RenderOptions): Json {
  const { profile, faults } = options;
  // Shallow copy: the page is serialised at once and nothing below mutates shared nested values
  // (excludedAttributes and string booleans copy what they change). A deep clone per resource
  // would cost most of a page's time at 100,000 users.
  const out: Json = options.excludedAttributes ? structuredClone(row.res) : { ...row.res };
  const meta: Json = { ...(out.meta as Json), location: `${options.baseUrl}/${kind}/${String(out.id)}` };
  if (profile.etag) meta.version = etagOf(row);
  out.meta = meta;
  if (kind === 'Groups' && faults.nullMembers) out.members = null;
  if (kind === 'Groups' && options.omitMembers) delete out.members;
  if (kind === 'Users' && options.groupsOf) {
    const groups = options.groupsOf(String(out.id));
    if (groups.length > 0) out.groups = groups;
  }
  let shaped = project(out, options.attributes, options.excludedAttributes);
  if (kind === 'Users' && (row.stringBooleans || faults.stringBooleans)) stringifyBooleans(shaped);
  if (faults.caseVariantNames) shaped = oddCase(shaped);
  return shaped;
}

function stringifyBooleans(res: Json): void {
  if (typeof res.active === 'boolean') res.active = res.active ? 'True' : 'False';
  if (Array.isArray(res.emails)) {
    res.emails = res.emails.map((e: unknown) => (e && typeof e === 'object' && typeof (e as Json).primary === 'boolean' ? { ...(e as Json), primary: (e as Json).primary ? 'True' : 'False' } : e));
  }
}

function oddCase(res: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(res)) out[ODD_CASE[k] ?? k] = v;
  return out;
}

/** Split "urn:...:User:manager.value" into ["urn:...:User", "manager", "value"]; core URNs dropped. */
function segments(path: string): string[] {
  const bare = bareAttribute(path);
  const urn = bare.match(/^(urn:.*:[^:.]+:\d+\.\d+:[^:.]+)(?::(.+))?$/i);
  if (urn && urn[1]) return [urn[1], ...(urn[2] ? urn[2].split('.') : [])];
  return bare.split('.');
}

function keyIn(obj: Json, name: string): string | undefined {
  if (name in obj) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

function copyPath(from: Json, to: Json, parts: string[]): void {
  const [head, ...rest] = parts;
  if (head === undefined) return;
  const key = keyIn(from, head);
  if (key === undefined) return;
  const value = from[key];
  if (rest.length === 0 || value === null || typeof value !== 'object') {
    to[key] = value;
    return;
  }
  if (Array.isArray(value)) {
    const target = Array.isArray(to[key]) ? (to[key] as Json[]) : value.map(() => ({}) as Json);
    value.forEach((item, i) => {
      if (item && typeof item === 'object' && target[i]) copyPath(item as Json, target[i] as Json, rest);
    });
    to[key] = target;
    return;
  }
  const sub = (to[key] && typeof to[key] === 'object' ? to[key] : {}) as Json;
  copyPath(value as Json, sub, rest);
  to[key] = sub;
}

function deletePath(obj: Json, parts: string[]): void {
  const [head, ...rest] = parts;
  if (head === undefined) return;
  const key = keyIn(obj, head);
  if (key === undefined || (rest.length === 0 && ALWAYS.has(key))) return;
  if (rest.length === 0) {
    delete obj[key];
    return;
  }
  const value = obj[key];
  if (Array.isArray(value)) {
    for (const item of value) if (item && typeof item === 'object') deletePath(item as Json, rest);
  } else if (value && typeof value === 'object') {
    deletePath(value as Json, rest);
  }
}

/** RFC 7644 §3.4.2.5: id and schemas always come back; attributes wins over excludedAttributes. */
export function project(res: Json, attributes?: string[], excluded?: string[]): Json {
  if (attributes && attributes.length > 0) {
    const out: Json = {};
    for (const k of ALWAYS) if (k in res) out[k] = res[k];
    for (const path of attributes) copyPath(res, out, segments(path));
    return out;
  }
  if (excluded && excluded.length > 0) for (const path of excluded) deletePath(res, segments(path));
  return res;
}

// Extra grid columns beyond the fixed ones (issue 17): any single-valued attribute of a tenant's
// schemas, named by its SCIM path — "nickName", "name.givenName", or an extension's
// "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department" and ":manager.displayName".
// Main's index keeps these values per row as it indexes a page (never the resources), so a column
// chosen after the listing has its values at once; the choices come from /Schemas and from what
// the listing's resources carry.

import { columnsOf } from './columns';
import { SCHEMAS, type ResourceKind, type ScimResource } from './scim';

/** At most this many distinct paths per listing (a hostile or odd server cannot grow it unbounded). */
export const MAX_ATTRIBUTE_PATHS = 64;
/** Extra columns a window may ask for at once. */
export const MAX_ATTRIBUTE_COLUMNS = 16;
export const MAX_PATH_LENGTH = 300;

/** Attributes the fixed columns already show, or that are not data (never offered as extras). */
const NOT_EXTRA = new Set(['id', 'schemas', 'meta', 'externalId', 'emails', 'groups', 'members', 'active', 'userName', 'displayName', 'title']);

function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Visit = (path: string, text: string) => void;

/** Visits `prefix+name` for a scalar, and `prefix+name.sub` for a complex value's scalar sub-attributes. */
function visitOne(visit: Visit, prefix: string, name: string, value: unknown): void {
  const text = scalar(value);
  if (text !== null) {
    if (text !== '') visit(prefix + name, text);
    return;
  }
  if (!isObject(value)) return; // multi-valued attributes (arrays) are not columns
  for (const sub in value) {
    if (sub === '$ref') continue;
    const t = scalar(value[sub]);
    if (t !== null && t !== '') visit(`${prefix}${name}.${sub}`, t);
  }
}

/** Visits a resource's extra attribute values (empty values left out), without building a list. */
export function visitAttributes(resource: ScimResource, visit: Visit): void {
  for (const key in resource) {
    const value = resource[key];
    if (key.startsWith('urn:')) {
      // An extension: its attributes are under the schema's URN.
      if (!isObject(value)) continue;
      const prefix = `${key}:`;
      for (const name in value) visitOne(visit, prefix, name, value[name]);
    } else if (!NOT_EXTRA.has(key)) {
      visitOne(visit, '', key, value);
    }
  }
}

/** The extra attribute values of a resource, as [path, text] pairs. */
export function attributeValues(resource: ScimResource): [string, string][] {
  const out: [string, string][] = [];
  visitAttributes(resource, (path, text) => out.push([path, text]));
  return out;
}

/** True for a path naming an extra column (not one of the kind's fixed columns). */
export function isAttributePath(kind: ResourceKind, value: string): boolean {
  if (value.length === 0 || value.length > MAX_PATH_LENGTH || !/^[A-Za-z0-9_:.$-]+$/.test(value)) return false;
  if ((columnsOf(kind) as readonly string[]).includes(value)) return false;
  // A core attribute the fixed columns show (or not data): "members", "meta.created" are not extras.
  return value.startsWith('urn:') || !NOT_EXTRA.has(value.split('.')[0] as string);
}

/** The schema URN of an extension path ("" for a core attribute) and the attribute part. */
export function splitPath(path: string): { schema: string; attribute: string } {
  const at = path.lastIndexOf(':');
  return at === -1 ? { schema: '', attribute: path } : { schema: path.slice(0, at), attribute: path.slice(at + 1) };
}

/** A header label: the attribute ("department", "manager.displayName") and, for extensions, a short schema name. */
export function attributeLabel(path: string): string {
  const { schema, attribute } = splitPath(path);
  if (schema === '') return attribute;
  if (schema === SCHEMAS.enterpriseUser) return `${attribute} (enterprise)`;
  const short = schema.split(':').filter((s) => s !== '' && !/^\d+(\.\d+)*$/.test(s)).slice(-2).join(':');
  return `${attribute} (${short})`;
}

export interface AttributeChoice {
  path: string;
  label: string;
  /** The schema it belongs to ("" for the resource's core schema). */
  schema: string;
  /** schema: advertised by /Schemas; seen: carried by the listing's resources. */
  from: ('schema' | 'seen')[];
}

/** The schema ids of a resource type's core schema and extensions, from /ResourceTypes. */
function schemaIdsOf(kind: ResourceKind, resourceTypes: readonly Record<string, unknown>[]): string[] {
  const endpoint = kind === 'Users' ? '/Users' : '/Groups';
  const core = kind === 'Users' ? SCHEMAS.user : SCHEMAS.group;
  const type = resourceTypes.find((t) => t.endpoint === endpoint || t.name === (kind === 'Users' ? 'User' : 'Group'));
  const ids = [typeof type?.schema === 'string' ? type.schema : core];
  const extensions = Array.isArray(type?.schemaExtensions) ? type.schemaExtensions : [];
  for (const e of extensions) if (isObject(e) && typeof e.schema === 'string') ids.push(e.schema);
  // A server without /ResourceTypes: the enterprise extension for users, when /Schemas has it.
  if (!type && kind === 'Users') ids.push(SCHEMAS.enterpriseUser);
  return ids;
}

/** The single-valued attributes (and complex ones' sub-attributes) a kind's schemas advertise. */
export function schemaAttributePaths(kind: ResourceKind, schemas: readonly Record<string, unknown>[], resourceTypes: readonly Record<string, unknown>[]): string[] {
  const ids = schemaIdsOf(kind, resourceTypes);
  const core = ids[0];
  const out: string[] = [];
  for (const schema of schemas) {
    if (typeof schema.id !== 'string' || !ids.includes(schema.id) || !Array.isArray(schema.attributes)) continue;
    const prefix = schema.id === core ? '' : `${schema.id}:`;
    for (const a of schema.attributes) {
      if (!isObject(a) || typeof a.name !== 'string' || a.multiValued === true) continue;
      if (prefix === '' && NOT_EXTRA.has(a.name)) continue;
      if (a.type === 'complex') {
        for (const s of Array.isArray(a.subAttributes) ? a.subAttributes : []) {
          if (isObject(s) && typeof s.name === 'string' && s.multiValued !== true && s.name !== '$ref') out.push(`${prefix}${a.name}.${s.name}`);
        }
      } else {
        out.push(prefix + a.name);
      }
    }
  }
  return out.filter((p) => isAttributePath(kind, p));
}

/** The choices offered: the schemas' attributes first (in schema order), then any only seen. */
export function attributeChoices(advertised: readonly string[], seen: readonly string[]): AttributeChoice[] {
  const byPath = new Map<string, AttributeChoice>();
  const add = (path: string, from: 'schema' | 'seen'): void => {
    const known = byPath.get(path);
    if (known) {
      if (!known.from.includes(from)) known.from.push(from);
      return;
    }
    byPath.set(path, { path, label: attributeLabel(path), schema: splitPath(path).schema, from: [from] });
  };
  for (const p of advertised) add(p, 'schema');
  for (const p of seen) add(p, 'seen');
  return [...byPath.values()];
}

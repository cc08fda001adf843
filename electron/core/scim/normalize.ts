// Normalisation of resources as servers send them into the shapes of shared/scim.ts. Pure: used by
// resources, listing and discovery alike. RFC 7643 §2.1 makes attribute names case-insensitive,
// and vendors use that freedom ("UserName", "Active", "Emails"), so names are mapped back to
// schema case here, once, and every screen and filter can rely on one spelling.

import { InspectorError } from '../../../shared/errors';
import { SCHEMAS, type ResourceKind, type ScimResource } from '../../../shared/scim';

interface AttrSpec {
  name: string;
  /** Boolean attribute: "True"/"False" strings become booleans. */
  bool?: boolean;
  /** Multi-valued: null becomes []. */
  multi?: boolean;
  /** Sub-attributes of a complex (or multi-valued complex) attribute. */
  sub?: SpecTable;
}
type SpecTable = Map<string, AttrSpec>;

/** Specs by lower-case name; the exact schema spellings ride along for the canonical fast path. */
const EXACT = new WeakMap<SpecTable, Map<string, AttrSpec>>();

function table(specs: AttrSpec[]): SpecTable {
  const byLower: SpecTable = new Map(specs.map((s) => [s.name.toLowerCase(), s]));
  EXACT.set(byLower, new Map(specs.map((s) => [s.name, s])));
  return byLower;
}
const s = (name: string, extra: Omit<AttrSpec, 'name'> = {}): AttrSpec => ({ name, ...extra });

const MULTI_SUB = [s('value'), s('display'), s('type'), s('primary', { bool: true }), s('$ref')];
const multi = (name: string, more: AttrSpec[] = []): AttrSpec => s(name, { multi: true, sub: table([...MULTI_SUB, ...more]) });

const META = s('meta', { sub: table([s('resourceType'), s('created'), s('lastModified'), s('location'), s('version')]) });
const COMMON = [s('schemas'), s('id'), s('externalId'), META];

const USER = table([
  ...COMMON,
  s('userName'),
  s('name', { sub: table(['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'].map((n) => s(n))) }),
  ...['displayName', 'nickName', 'profileUrl', 'title', 'userType', 'preferredLanguage', 'locale', 'timezone', 'password'].map((n) => s(n)),
  s('active', { bool: true }),
  multi('emails'),
  multi('phoneNumbers'),
  multi('ims'),
  multi('photos'),
  multi('addresses', ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country'].map((n) => s(n))),
  multi('groups'),
  multi('entitlements'),
  multi('roles'),
  multi('x509Certificates'),
]);

const GROUP = table([...COMMON, s('displayName'), multi('members')]);

const ENTERPRISE = table([
  ...['employeeNumber', 'costCenter', 'organization', 'division', 'department'].map((n) => s(n)),
  s('manager', { sub: table([s('value'), s('$ref'), s('displayName')]) }),
]);

const KNOWN_URNS = new Map<string, string>();
// Already-canonical URNs are recognised without lower-casing them (a listing checks two per user).
for (const urn of Object.values(SCHEMAS)) if (!KNOWN_URNS.has(urn.toLowerCase())) KNOWN_URNS.set(urn.toLowerCase(), urn);
const CANONICAL_URNS = new Set<string>(KNOWN_URNS.values());
const ENTERPRISE_LOWER = SCHEMAS.enterpriseUser.toLowerCase();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : value;
}

function normalizeValue(spec: AttrSpec, value: unknown): unknown {
  if (spec.multi) {
    if (value === null) return [];
    if (Array.isArray(value)) return value.map((item) => (isRecord(item) && spec.sub ? normalizeObject(item, spec.sub) : item));
    // A single complex value where an array belongs (seen in the wild): wrap it.
    if (isRecord(value) && spec.sub) return [normalizeObject(value, spec.sub)];
    return value;
  }
  if (spec.bool) return toBoolean(value);
  if (spec.sub && isRecord(value)) return normalizeObject(value, spec.sub);
  return value;
}

/**
 * Maps keys to schema case. When a server sends both "userName" and "UserName", the exact
 * spelling wins; unknown keys are kept untouched.
 */
function normalizeObject(input: Record<string, unknown>, specs: SpecTable, urns: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const exact = new Set<string>();
  for (const [key, value] of Object.entries(input)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('urn:')) {
      placeExtension(out, key, value, urns);
      continue;
    }
    const spec = specs.get(lower);
    if (!spec) {
      if (!(key in out)) out[key] = value;
      continue;
    }
    if (key !== spec.name && exact.has(spec.name)) continue;
    if (key === spec.name) exact.add(spec.name);
    out[spec.name] = normalizeValue(spec, value);
  }
  return out;
}

/** The spelling of a URN as the resource's `schemas` (or the RFC) writes it. */
function canonicalUrn(urn: string, urns: string[]): string {
  const lower = urn.toLowerCase();
  return KNOWN_URNS.get(lower) ?? urns.find((u) => u.toLowerCase() === lower) ?? urn;
}

function placeExtension(out: Record<string, unknown>, key: string, value: unknown, urns: string[]): void {
  const lower = key.toLowerCase();
  if (lower === ENTERPRISE_LOWER) {
    const existing = isRecord(out[SCHEMAS.enterpriseUser]) ? (out[SCHEMAS.enterpriseUser] as Record<string, unknown>) : {};
    out[SCHEMAS.enterpriseUser] = isRecord(value) ? { ...existing, ...normalizeObject(value, ENTERPRISE) } : value;
    return;
  }
  // Flattened form "urn:...:enterprise:2.0:User:department" (some vendors echo filter paths).
  if (lower.startsWith(`${ENTERPRISE_LOWER}:`)) {
    const attr = key.slice(ENTERPRISE_LOWER.length + 1);
    const existing = isRecord(out[SCHEMAS.enterpriseUser]) ? (out[SCHEMAS.enterpriseUser] as Record<string, unknown>) : {};
    out[SCHEMAS.enterpriseUser] = { ...existing, ...normalizeObject({ [attr]: value }, ENTERPRISE) };
    return;
  }
  out[canonicalUrn(key, urns)] = value;
}

// The fast path: most servers already send schema case and real booleans, and then the copy
// normalizeObject makes is identical to its input. These checks answer "would it change
// anything?" without allocating, so a listing can keep the parsed objects instead of copying
// 100,000 of them. Anything unusual (case variants, string booleans, null or single multi-values,
// flattened or odd-case URNs, keys Object.prototype also has, non-plain objects) says "changes".

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function valueIsNormal(spec: AttrSpec, value: unknown): boolean {
  if (spec.multi) {
    if (value === null) return false;
    if (Array.isArray(value)) {
      if (!spec.sub) return true;
      for (const item of value) if (isRecord(item) && !objectIsNormal(item, spec.sub, [])) return false;
      return true;
    }
    return !(isRecord(value) && spec.sub);
  }
  if (spec.bool) return typeof value !== 'string';
  return !(spec.sub && isRecord(value)) || objectIsNormal(value as Record<string, unknown>, spec.sub, []);
}

function objectIsNormal(input: Record<string, unknown>, specs: SpecTable, urns: string[]): boolean {
  if (!isPlainRecord(input)) return false;
  const exact = EXACT.get(specs);
  if (!exact) return false;
  for (const key in input) {
    const spec = exact.get(key);
    if (spec !== undefined) {
      if (!valueIsNormal(spec, input[key])) return false;
      continue;
    }
    if (key in Object.prototype) return false;
    if (key === SCHEMAS.enterpriseUser) {
      const value = input[key];
      if (isRecord(value) && !objectIsNormal(value, ENTERPRISE, [])) return false;
      continue;
    }
    const lower = key.toLowerCase();
    if (lower.startsWith('urn:')) {
      // The enterprise URN in another spelling, its flattened paths, or a URN spelled unlike schemas.
      if (lower === ENTERPRISE_LOWER || lower.startsWith(`${ENTERPRISE_LOWER}:`) || canonicalUrn(key, urns) !== key) return false;
    } else if (specs.has(lower)) {
      return false;
    }
  }
  return true;
}

function detectKind(raw: Record<string, unknown>, kind: ResourceKind | undefined): ResourceKind {
  if (kind) return kind;
  const schemaList = Object.entries(raw).find(([k]) => k.toLowerCase() === 'schemas')?.[1];
  if (Array.isArray(schemaList) && schemaList.some((u) => typeof u === 'string' && u.toLowerCase() === SCHEMAS.group.toLowerCase())) return 'Groups';
  if (Object.keys(raw).some((k) => k.toLowerCase() === 'members')) return 'Groups';
  return 'Users';
}

/**
 * Attribute names in schema case, booleans as booleans, `members: null` as [], extensions under
 * their URN, unknown attributes untouched. Does not require an id (request bodies use it too).
 */
export function normalizeAttributes(raw: Record<string, unknown>, kind?: ResourceKind): Record<string, unknown> {
  const k = detectKind(raw, kind);
  const schemaKey = Object.keys(raw).find((key) => key.toLowerCase() === 'schemas');
  const rawSchemas = schemaKey ? raw[schemaKey] : undefined;
  const urns = Array.isArray(rawSchemas) ? rawSchemas.filter((u): u is string => typeof u === 'string') : [];
  const out = normalizeObject(raw, k === 'Groups' ? GROUP : USER, urns);
  if (Array.isArray(out.schemas)) out.schemas = out.schemas.map((u: unknown) => (typeof u === 'string' ? canonicalUrn(u, []) : u));
  return out;
}

/** Sets meta.version from an ETag header; the header is what If-Match must echo, so it wins. */
export function applyEtag<T extends ScimResource>(resource: T, etag: string | undefined): T {
  if (!etag || etag.trim() === '') return resource;
  return { ...resource, meta: { ...(resource.meta ?? {}), version: etag.trim() } };
}

/**
 * A resource from a server, validated and normalised. Throws 'bad-response' for something that is
 * not a resource at all (no object, no id), naming what arrived.
 */
export function normalizeResource<T extends ScimResource = ScimResource>(raw: unknown, kind?: ResourceKind, etag?: string): T {
  if (!isRecord(raw)) {
    throw new InspectorError('bad-response', `Expected a SCIM resource but the server sent ${Array.isArray(raw) ? 'an array' : typeof raw}. Check the base URL points at the SCIM endpoint.`);
  }
  const out = normalizeAttributes(raw, kind);
  if (typeof out.id === 'number') out.id = String(out.id);
  if (typeof out.id !== 'string' || out.id === '') {
    throw new InspectorError('bad-response', `The server sent a ${kind === 'Groups' ? 'group' : 'resource'} without an id, so it cannot be read or changed. Report this to the vendor.`, {
      keys: Object.keys(raw).slice(0, 20),
    });
  }
  if (!Array.isArray(out.schemas)) out.schemas = [detectKind(raw, kind) === 'Groups' ? SCHEMAS.group : SCHEMAS.user];
  return applyEtag(out as T, etag);
}

/**
 * normalizeResource for a value freshly parsed from a server's JSON that nobody else holds (a
 * listing page): when it is already in normal form it is returned as is instead of copied.
 */
export function normalizeParsedResource<T extends ScimResource = ScimResource>(raw: unknown, kind: ResourceKind): T {
  if (isPlainRecord(raw) && typeof raw.id === 'string' && raw.id !== '' && Array.isArray(raw.schemas)) {
    const schemas: unknown[] = raw.schemas;
    const urns = schemas.filter((u): u is string => typeof u === 'string');
    const canonicalSchemas = urns.length === schemas.length && urns.every((u) => CANONICAL_URNS.has(u) || canonicalUrn(u, []) === u);
    if (canonicalSchemas && objectIsNormal(raw, detectKind(raw, kind) === 'Groups' ? GROUP : USER, urns)) return raw as T;
  }
  return normalizeResource<T>(raw, kind);
}

/**
 * An attribute path ("username", "name.givenname", "emails.Value", enterprise URN paths) in
 * schema case, for filters and sort keys that must match normalised resources.
 */
export function canonicalAttributePath(path: string, kind: ResourceKind): string {
  const lower = path.toLowerCase();
  if (lower.startsWith(`${ENTERPRISE_LOWER}:`)) {
    const rest = path.slice(ENTERPRISE_LOWER.length + 1);
    return `${SCHEMAS.enterpriseUser}:${walkPath(rest, ENTERPRISE)}`;
  }
  const core = kind === 'Groups' ? SCHEMAS.group : SCHEMAS.user;
  if (lower.startsWith(`${core.toLowerCase()}:`)) return `${core}:${walkPath(path.slice(core.length + 1), kind === 'Groups' ? GROUP : USER)}`;
  return walkPath(path, kind === 'Groups' ? GROUP : USER);
}

function walkPath(path: string, specs: SpecTable): string {
  const parts = path.split('.');
  const out: string[] = [];
  let current: SpecTable | undefined = specs;
  for (const part of parts) {
    const spec: AttrSpec | undefined = current?.get(part.toLowerCase());
    out.push(spec ? spec.name : part);
    current = spec?.sub;
  }
  return out.join('.');
}

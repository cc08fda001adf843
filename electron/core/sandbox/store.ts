// In-memory tenant: rows keyed by id, insertion-ordered id arrays and lookup indexes, so a page or
// an indexed filter never copies the whole store (100,000 users must stay fast and small).

import { buildTenant, type PlantedData, type SeedInput } from './seed';
import type { Json, Kind, VendorProfile } from './types';

export interface Row {
  res: Json;
  /** Bumped on every change; the ETag is W/"version". */
  version: number;
  /** Creation order, used to keep indexed results in listing order. */
  seq: number;
  /** Rendered with active as "True"/"False" (a planted entra quirk), stored as a boolean. */
  stringBooleans: boolean;
}

type Index = Map<string, Set<string>>;

function addTo(index: Index, key: unknown, id: string): void {
  if (typeof key !== 'string' || key === '') return;
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(id);
}

function removeFrom(index: Index, key: unknown, id: string): void {
  if (typeof key !== 'string') return;
  const set = index.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) index.delete(key);
}

function emailValues(res: Json): string[] {
  const emails = res.emails;
  if (!Array.isArray(emails)) return [];
  const out: string[] = [];
  for (const e of emails) {
    if (e && typeof e === 'object' && typeof (e as Json).value === 'string') out.push(((e as Json).value as string).toLowerCase());
  }
  return out;
}

function memberValues(res: Json): string[] {
  const members = res.members;
  if (!Array.isArray(members)) return [];
  const out: string[] = [];
  for (const m of members) if (m && typeof m === 'object' && typeof (m as Json).value === 'string') out.push((m as Json).value as string);
  return out;
}

export class SandboxStore {
  readonly profile: VendorProfile;
  planted!: PlantedData;
  /** Bumped on every change so cached query results are dropped. */
  generation = 0;
  /** Successful changes (create, replace, patch, delete) since start or reset. */
  writes = 0;
  private readonly seedInput: SeedInput;
  private rows: Record<Kind, Map<string, Row>> = { Users: new Map(), Groups: new Map() };
  private order: Record<Kind, string[]> = { Users: [], Groups: [] };
  private nextSeq = 0;
  private userNames: Index = new Map();
  private emails: Index = new Map();
  private externalIds: Record<Kind, Index> = { Users: new Map(), Groups: new Map() };
  private displayNames: Index = new Map();
  /** user id → ids of the groups listing it, for the read-only Users `groups` attribute. */
  private memberships: Index = new Map();
  /** Query results by key; owned by query.ts, cleared whenever the data changes. */
  readonly queryCache = new Map<string, string[]>();

  constructor(profile: VendorProfile, seedInput: SeedInput) {
    this.profile = profile;
    this.seedInput = seedInput;
    this.reset();
  }

  /** Rebuild the seeded tenant, dropping every change made since. */
  reset(): void {
    const tenant = buildTenant(this.profile, this.seedInput);
    this.rows = { Users: new Map(), Groups: new Map() };
    this.order = { Users: [], Groups: [] };
    this.userNames = new Map();
    this.emails = new Map();
    this.externalIds = { Users: new Map(), Groups: new Map() };
    this.displayNames = new Map();
    this.memberships = new Map();
    this.nextSeq = 0;
    this.writes = 0;
    const stringBooleans = new Set(tenant.planted.stringBooleanUserIds);
    for (const u of tenant.users) this.insertRow('Users', u, stringBooleans.has(u.id as string));
    for (const g of tenant.groups) this.insertRow('Groups', g, false);
    this.planted = tenant.planted;
    this.touch();
  }

  get(kind: Kind, id: string): Row | undefined {
    return this.rows[kind].get(id);
  }

  /** Ids in creation order. The array is the store's own: callers must not mutate it. */
  ids(kind: Kind): readonly string[] {
    return this.order[kind];
  }

  count(kind: Kind): number {
    return this.order[kind].length;
  }

  /** Indexed equality lookups; attribute names as in SCIM, values compared as RFC 7643 says. */
  lookup(kind: Kind, attribute: 'userName' | 'emails' | 'externalId' | 'displayName' | 'id', value: string): string[] {
    let set: Set<string> | undefined;
    if (attribute === 'id') return this.rows[kind].has(value) ? [value] : [];
    if (attribute === 'externalId') set = this.externalIds[kind].get(value);
    else if (kind === 'Users' && attribute === 'userName') set = this.userNames.get(value.toLowerCase());
    else if (kind === 'Users' && attribute === 'emails') set = this.emails.get(value.toLowerCase());
    else if (kind === 'Groups' && attribute === 'displayName') set = this.displayNames.get(value.toLowerCase());
    if (!set) return [];
    return [...set].sort((a, b) => (this.rows[kind].get(a)?.seq ?? 0) - (this.rows[kind].get(b)?.seq ?? 0));
  }

  /** Ids of the groups that list this user as a member, in group creation order. */
  groupsOf(userId: string): string[] {
    const set = this.memberships.get(userId);
    if (!set) return [];
    return [...set].sort((a, b) => (this.rows.Groups.get(a)?.seq ?? 0) - (this.rows.Groups.get(b)?.seq ?? 0));
  }

  insert(kind: Kind, res: Json): Row {
    const row = this.insertRow(kind, res, false);
    this.changed();
    return row;
  }

  /**
   * Replace a row's resource (id and meta.created kept by the caller), bumping its version.
   * `cascade` marks a consequence of another write (a deleted user leaving groups): it is not
   * counted in `writes`, which counts what clients changed.
   */
  update(kind: Kind, id: string, res: Json, cascade = false): Row {
    const row = this.rows[kind].get(id);
    if (!row) throw new Error(`sandbox store: no ${kind} row ${id}`);
    this.unindex(kind, id, row.res);
    row.res = res;
    row.version++;
    const meta = (res.meta && typeof res.meta === 'object' ? res.meta : {}) as Json;
    res.meta = { ...meta, lastModified: new Date().toISOString() };
    this.index(kind, id, res);
    if (cascade) this.touch();
    else this.changed();
    return row;
  }

  remove(kind: Kind, id: string): boolean {
    const row = this.rows[kind].get(id);
    if (!row) return false;
    this.unindex(kind, id, row.res);
    this.rows[kind].delete(id);
    const at = this.order[kind].indexOf(id);
    if (at >= 0) this.order[kind].splice(at, 1);
    this.changed();
    return true;
  }

  private insertRow(kind: Kind, res: Json, stringBooleans: boolean): Row {
    const id = res.id as string;
    const row: Row = { res, version: 1, seq: this.nextSeq++, stringBooleans };
    this.rows[kind].set(id, row);
    this.order[kind].push(id);
    this.index(kind, id, res);
    return row;
  }

  private index(kind: Kind, id: string, res: Json): void {
    addTo(this.externalIds[kind], res.externalId, id);
    if (kind === 'Users') {
      if (typeof res.userName === 'string') addTo(this.userNames, res.userName.toLowerCase(), id);
      for (const e of emailValues(res)) addTo(this.emails, e, id);
    } else {
      if (typeof res.displayName === 'string') addTo(this.displayNames, res.displayName.toLowerCase(), id);
      for (const member of memberValues(res)) addTo(this.memberships, member, id);
    }
  }

  private unindex(kind: Kind, id: string, res: Json): void {
    removeFrom(this.externalIds[kind], res.externalId, id);
    if (kind === 'Users') {
      if (typeof res.userName === 'string') removeFrom(this.userNames, res.userName.toLowerCase(), id);
      for (const e of emailValues(res)) removeFrom(this.emails, e, id);
    } else {
      if (typeof res.displayName === 'string') removeFrom(this.displayNames, res.displayName.toLowerCase(), id);
      for (const member of memberValues(res)) removeFrom(this.memberships, member, id);
    }
  }

  private changed(): void {
    this.writes++;
    this.touch();
  }

  private touch(): void {
    this.generation++;
    this.queryCache.clear();
  }
}

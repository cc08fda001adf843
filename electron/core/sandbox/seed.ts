// Deterministic tenant data: the same seed, vendor and sizes always build the same users and
// groups, so tests elsewhere can assert exact counts through `planted`.

import { SCHEMAS } from '../../../shared/scim';
import { DEPARTMENTS, FAMILY, FORMULAS, GIVEN, MULTILINE_TITLES, TITLES } from './seed-names';
import type { Json, VendorProfile } from './types';

export interface SeedInput {
  users: number;
  groups?: number;
  seed: number;
}

/** Facts planted in the data on purpose, with exact counts, for assertions in other tests. */
export interface PlantedData {
  users: number;
  groups: number;
  inactiveUsers: number;
  usersWithoutExternalId: number;
  /** Users whose primary email is not their userName. */
  emailDiffersFromUserName: number;
  /** Pairs of userNames equal ignoring case, e.g. ["Ana.Silva5@acme.example", "ana.silva5@acme.example"]. */
  caseCollidingUserNames: Array<[string, string]>;
  formulaLikeUserIds: string[];
  multilineUserIds: string[];
  emptyGroupId: string | null;
  danglingMember: { groupId: string; memberId: string } | null;
  formulaLikeGroupId: string | null;
  /** Users the server renders with active as "True"/"False" (entra). */
  stringBooleanUserIds: string[];
}

export interface SeededTenant {
  users: Json[];
  groups: Json[];
  planted: PlantedData;
}

/** mulberry32: tiny, fast and good enough for test data; Math.random would not be repeatable. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hex(rng: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(rng() * 0x100000000).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

export function guid(rng: () => number): string {
  const h = hex(rng, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

const END = Date.UTC(2026, 0, 1);
const TWO_YEARS = 2 * 365 * 24 * 3600 * 1000;
const COLLIDING_FIRST = [5, 7, 9];

function dates(rng: () => number): { created: string; lastModified: string } {
  const created = END - Math.floor(rng() * TWO_YEARS);
  const lastModified = created + Math.floor(rng() * (END - created));
  return { created: new Date(created).toISOString(), lastModified: new Date(lastModified).toISOString() };
}

export function buildTenant(profile: VendorProfile, input: SeedInput): SeededTenant {
  const rng = makeRng(input.seed);
  const n = Math.max(0, Math.floor(input.users));
  const planted: PlantedData = {
    users: n, groups: 0, inactiveUsers: 0, usersWithoutExternalId: 0, emailDiffersFromUserName: 0,
    caseCollidingUserNames: [], formulaLikeUserIds: [], multilineUserIds: [], emptyGroupId: null,
    danglingMember: null, formulaLikeGroupId: null, stringBooleanUserIds: [],
  };
  const users: Json[] = [];
  const domain = profile.data.guidExternalIds ? 'acme.onmicrosoft.com' : 'acme.example';
  for (let i = 0; i < n; i++) {
    const id = profile.data.guidExternalIds ? guid(rng) : hex(rng, 24);
    const [given, givenAscii] = pick(rng, GIVEN);
    const [family, familyAscii] = pick(rng, FAMILY);
    let userName = `${givenAscii}.${familyAscii}${i}@${domain}`;
    const collidesWithPrevious = COLLIDING_FIRST.includes(i - 1) && i < n;
    if (COLLIDING_FIRST.includes(i) && i + 1 < n) {
      // Capitalised twin of the next user's userName: legacy data a case-insensitive server kept.
      userName = `${cap(givenAscii)}.${cap(familyAscii)}${i}@${domain}`;
    } else if (collidesWithPrevious) {
      const prev = users[i - 1]?.userName;
      if (typeof prev === 'string') {
        userName = prev.toLowerCase();
        planted.caseCollidingUserNames.push([prev, userName]);
      }
    }
    const active = rng() >= 0.1;
    if (!active) planted.inactiveUsers++;
    const differs = rng() < 0.2;
    const email = differs ? `${givenAscii}.${familyAscii}.${i}@mail.acme.example` : userName;
    if (email !== userName) planted.emailDiffersFromUserName++;
    const emails: Json[] = [{ value: email, type: 'work', primary: true }];
    if (rng() < 0.15) emails.push({ value: `${givenAscii}${i}@home.example`, type: 'home', primary: false });
    let title: string = pick(rng, TITLES);
    if (i % 97 === 13) {
      title = FORMULAS[Math.floor(i / 97) % FORMULAS.length] as string;
      planted.formulaLikeUserIds.push(id);
    } else if (i % 89 === 17) {
      title = MULTILINE_TITLES[Math.floor(i / 89) % MULTILINE_TITLES.length] as string;
      planted.multilineUserIds.push(id);
    }
    const user: Json = {
      schemas: [SCHEMAS.user],
      id,
      userName,
      name: { givenName: given, familyName: family, formatted: `${given} ${family}` },
      displayName: `${given} ${family}`,
      title,
      active,
      emails,
      meta: { resourceType: 'User', ...dates(rng) },
    };
    const hasExternalId = rng() >= profile.data.missingExternalIdRate;
    if (hasExternalId) user.externalId = profile.data.guidExternalIds ? guid(rng) : `00u${hex(rng, 17)}`;
    else planted.usersWithoutExternalId++;
    if (profile.data.enterpriseForAll || rng() < 0.85) {
      const enterprise: Json = { department: pick(rng, DEPARTMENTS), employeeNumber: String(100000 + i) };
      const manager = i > 0 ? users[Math.floor(rng() * Math.min(i, 50))] : undefined;
      if (manager) enterprise.manager = { value: manager.id, displayName: manager.displayName };
      if (rng() < 0.5) enterprise.costCenter = `CC-${Math.floor(rng() * 90) + 10}`;
      user.schemas = [SCHEMAS.user, SCHEMAS.enterpriseUser];
      user[SCHEMAS.enterpriseUser] = enterprise;
    }
    const every = profile.data.stringBooleanEvery;
    if (every > 0 && i % every === 3) planted.stringBooleanUserIds.push(id);
    users.push(user);
  }
  const groups = profile.groups ? buildGroups(profile, input, users, rng, planted) : [];
  planted.groups = groups.length;
  return { users, groups, planted };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function buildGroups(profile: VendorProfile, input: SeedInput, users: Json[], rng: () => number, planted: PlantedData): Json[] {
  const count = Math.max(0, Math.floor(input.groups ?? Math.max(5, Math.round(users.length / 20))));
  const groups: Json[] = [];
  // Lettermint only accepts active users as members, so its seeded groups hold only those.
  const pool = profile.groupMembersMustBeActive ? users.filter((u) => u.active === true) : users;
  for (let g = 0; g < count; g++) {
    const id = profile.data.guidExternalIds ? guid(rng) : hex(rng, 24);
    let size = g === 0 ? Math.min(pool.length, 1000) : Math.floor(rng() * rng() * Math.min(pool.length, 300)) + 1;
    if (g === 1) size = 0;
    size = Math.min(size, pool.length);
    const start = Math.floor(rng() * Math.max(1, pool.length));
    const members: Json[] = [];
    for (let k = 0; k < size; k++) {
      const u = pool[(start + k) % pool.length];
      if (u) members.push({ value: u.id, display: u.displayName, type: 'User' });
    }
    let displayName = g === 0 ? 'All Staff' : `${pick(rng, DEPARTMENTS)} ${g}`;
    if (g === 1) {
      displayName = 'Empty Group';
      planted.emptyGroupId = id;
    }
    if (g === 2) {
      const memberId = `deleted-${hex(rng, 16)}`;
      members.push({ value: memberId, display: 'Former Employee', type: 'User' });
      planted.danglingMember = { groupId: id, memberId };
    }
    if (g === 3) {
      displayName = '=HYPERLINK("https://evil.example","Finance Admins")';
      planted.formulaLikeGroupId = id;
    }
    const group: Json = { schemas: [SCHEMAS.group], id, displayName, members, meta: { resourceType: 'Group', ...dates(rng) } };
    if (rng() >= 0.1) group.externalId = profile.data.guidExternalIds ? guid(rng) : `00g${hex(rng, 17)}`;
    groups.push(group);
  }
  return groups;
}

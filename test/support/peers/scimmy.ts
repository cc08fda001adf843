// SCIMMY + scimmy-routers (express 4) as a second third-party peer: a full filter grammar, sort
// and POST /.search, over storage callbacks that are ours (two Maps). SCIMMY keeps its resource
// handlers and config in module-level state, so only one peer can run per process; vitest runs
// each test file in its own fork, so keep one SCIMMY test file per peer use.

import { randomBytes, randomUUID } from 'node:crypto';
import express from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';
import { listenOnLoopback } from './http-server';
import { seedUser, type PeerHandle } from './types';

type Stored = Record<string, unknown> & { id: string };

interface Store {
  users: Map<string, Stored>;
  groups: Map<string, Stored>;
}

/** What ServiceProviderConfig advertises as filter.maxResults; SCIMMY itself never enforces it. */
export const SCIMMY_ADVERTISED_MAX_RESULTS = 25;

export const SCIMMY_QUIRKS = [
  'itemsPerPage echoes the requested count (default 20), not the number of resources returned',
  'a startIndex past the end returns all resources (capped at count) instead of an empty page',
  'responses use Content-Type "application/scim+json; charset=utf-8"',
  `count is never capped: ServiceProviderConfig advertises filter.maxResults ${SCIMMY_ADVERTISED_MAX_RESULTS}, yet a larger count returns more`,
  'express adds a weak body-hash ETag (W/"...") to every response; meta.version is absent and If-Match is ignored',
  'meta.location is relative (/scim/v2/Users/<id>) because no https base URI is configured',
  'a comparison without a value ("userName eq") is accepted and matches nothing instead of 400',
  'a string value with an escaped quote ("a\\"b") is rejected with 400 invalidFilter',
  'eq on userName and emails.value is case-sensitive although both are caseExact false: a differently cased value matches nothing',
  'a URN-qualified attribute path (urn:...:User:userName eq ...) silently matches nothing',
  'a value filter on an attribute absent from every resource (groups[value eq "x"]) is 400 invalidValue',
  'full filter grammar, sortBy/sortOrder, POST /.search and /Bulk',
];

// The store the declared handlers read; module state because SCIMMY's handlers are.
let active: Store | undefined;

function store(): Store {
  if (!active) throw new SCIMMY.Types.Error(503, '', 'SCIMMY peer is not running');
  return active;
}

function stamp(resourceType: string, previous?: Stored): Record<string, unknown> {
  const now = new Date().toISOString();
  const created = (previous?.meta as { created?: string } | undefined)?.created ?? now;
  return { resourceType, created, lastModified: now };
}

function listOrOne(map: Map<string, Stored>, resource: { id?: string; filter?: { match(values: unknown[]): unknown[] } }): Stored | Stored[] {
  if (resource.id) {
    const found = map.get(resource.id);
    // SCIMMY turns a thrown non-TypeError into 404 "Resource <id> not found".
    if (!found) throw new Error(`no resource ${resource.id}`);
    return found;
  }
  const all = [...map.values()];
  return resource.filter ? (resource.filter.match(all) as Stored[]) : all;
}

function save(map: Map<string, Stored>, resourceType: string, id: string | undefined, instance: object): Stored {
  const previous = id ? map.get(id) : undefined;
  if (id && !previous) throw new Error(`no resource ${id}`);
  const body = JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
  delete body.schemas;
  const record: Stored = { ...body, id: id ?? randomUUID(), meta: stamp(resourceType, previous) };
  if (resourceType === 'User' && !id) {
    const taken = [...map.values()].some((u) => String(u.userName).toLowerCase() === String(record.userName).toLowerCase());
    if (taken) throw new SCIMMY.Types.Error(409, 'uniqueness', `userName ${String(record.userName)} is taken`);
  }
  map.set(record.id, record);
  return record;
}

let declared = false;

function declareResources(): void {
  if (declared) return;
  declared = true;
  SCIMMY.Config.set({ patch: true, filter: { supported: true, maxResults: SCIMMY_ADVERTISED_MAX_RESULTS }, sort: true, bulk: true });
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .egress((resource) => listOrOne(store().users, resource) as unknown as SCIMMY.Schemas.User | SCIMMY.Schemas.User[])
    .ingress((resource, instance) => save(store().users, 'User', resource.id, instance) as unknown as SCIMMY.Schemas.User)
    .degress((resource) => {
      if (!resource.id || !store().users.delete(resource.id)) throw new Error('not found');
    });
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .egress((resource) => listOrOne(store().groups, resource) as unknown as SCIMMY.Schemas.Group | SCIMMY.Schemas.Group[])
    .ingress((resource, instance) => save(store().groups, 'Group', resource.id, instance) as unknown as SCIMMY.Schemas.Group)
    .degress((resource) => {
      if (!resource.id || !store().groups.delete(resource.id)) throw new Error('not found');
    });
}

function seed(target: Store, users: number, groups: number): { userIds: string[]; groupIds: string[] } {
  const userIds: string[] = [];
  for (let i = 0; i < users; i++) {
    const u = seedUser(i);
    const record = save(target.users, 'User', undefined, {
      userName: u.userName,
      externalId: u.externalId,
      name: { givenName: u.givenName, familyName: u.familyName },
      displayName: `${u.givenName} ${u.familyName}`,
      emails: [{ value: u.email, type: 'work', primary: true }],
      active: i % 7 !== 3,
    });
    userIds.push(record.id);
  }
  const groupIds: string[] = [];
  for (let g = 0; g < groups; g++) {
    // Group g holds every user whose index is a multiple of g+1 (group 0 holds everyone).
    const members = userIds.filter((_, i) => i % (g + 1) === 0).map((value) => ({ value, type: 'User' }));
    groupIds.push(save(target.groups, 'Group', undefined, { displayName: `Peer Group ${g}`, members }).id);
  }
  return { userIds, groupIds };
}

/**
 * Starts SCIMMY on 127.0.0.1 (port 0) with `users` seeded users (default 25) and `groups` groups
 * (default 3). Rejects when another SCIMMY peer is still running in this process.
 */
export async function startScimmy(opts: { users?: number; groups?: number } = {}): Promise<PeerHandle> {
  if (active) throw new Error('A SCIMMY peer is already running in this process; close it first (SCIMMY state is global).');
  declareResources();
  const data: Store = { users: new Map(), groups: new Map() };
  const { userIds, groupIds } = seed(data, opts.users ?? 25, opts.groups ?? 3);
  const token = `scimmy-${randomBytes(18).toString('hex')}`;

  const app = express();
  app.use(
    '/scim/v2',
    new SCIMMYRouters({
      type: 'bearer',
      handler: (req) => {
        if (req.header('authorization') !== `Bearer ${token}`) throw new Error('Invalid bearer token');
        return 'peer-admin';
      },
    }),
  );
  active = data;
  let listening;
  try {
    listening = await listenOnLoopback(app);
  } catch (error) {
    active = undefined;
    throw error;
  }
  const { origin, close } = listening;
  return {
    name: 'scimmy',
    url: `${origin}/scim/v2`,
    token,
    seedUserIds: userIds,
    seedGroupIds: groupIds,
    quirks: [...SCIMMY_QUIRKS],
    close: async () => {
      await close();
      if (active === data) active = undefined;
    },
  };
}

// Better Auth's SCIM plugin as the primary third-party peer: the real plugin, in process, on
// 127.0.0.1 port 0, with the memory adapter (no native sqlite build) and one fixed bearer token
// given through the plugin's static `connections[].credentials`. Users are seeded through its own
// SCIM POST so they are exactly what a provisioning client would have created.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { toNodeHandler } from 'better-auth/node';
import { getAuthTables } from '@better-auth/core/db';
import { scim } from '@better-auth/scim';
import { listenOnLoopback } from './http-server';
import { seedUser, type PeerHandle } from './types';

export const BETTER_AUTH_SCIM_PATH = '/api/auth/scim/v2';

export const BETTER_AUTH_QUIRKS = [
  'filters: only "eq" on userName, externalId, emails.value and id; any other operator or attribute is 400 invalidFilter',
  'count defaults to 100 and is capped at 100',
  'sortBy/sortOrder are silently ignored (creation order is kept)',
  'no ETags: no ETag header, no meta.version; ServiceProviderConfig says etag and sort unsupported',
  'PATCH answers 200 with the full resource',
  'POST /Users needs an email in emails[] unless userName is itself an email address (400 invalidValue)',
  '/Bulk, /Me and POST /Users/.search answer 404 with an empty body (no SCIM error document)',
  'itemsPerPage is the number returned; a startIndex past the end is an empty page',
  'the WWW-Authenticate header on 401 is Bearer realm="SCIM"',
  'a Group created with more than 100 members is refused: 400 invalidValue "One or more Group members are invalid" (member lookup capped at 100 rows)',
];

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** POSTs one seed resource through the peer's own SCIM API and returns the id it assigned. */
async function post(url: string, token: string, path: '/Users' | '/Groups', resource: Record<string, unknown>): Promise<string> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify(resource),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  const parsed: unknown = res.status === 201 ? JSON.parse(text) : undefined;
  const id = typeof parsed === 'object' && parsed !== null ? (parsed as { id?: unknown }).id : undefined;
  if (typeof id !== 'string') throw new Error(`Better Auth refused seed ${path} ${JSON.stringify(resource).slice(0, 120)}: ${res.status} ${text.slice(0, 300)}`);
  return id;
}

function userBody(i: number): Record<string, unknown> {
  const u = seedUser(i);
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: u.userName,
    externalId: u.externalId,
    name: { givenName: u.givenName, familyName: u.familyName },
    emails: [{ value: u.email, type: 'work', primary: true }],
    active: i % 7 !== 3,
  };
}

/**
 * Starts Better Auth's SCIM plugin on 127.0.0.1 (port 0) and seeds `users` users (default 25)
 * through POST /Users, in order, then `groups` groups (default 2; group g holds every user whose
 * index is a multiple of g+2, which keeps groups under the peer's 100-member create limit for
 * up to 200 users). Any number of these may run in one process.
 */
export async function startBetterAuthScim(opts: { users?: number; groups?: number } = {}): Promise<PeerHandle> {
  const token = `ba-${randomBytes(18).toString('hex')}`;
  // The handler needs the origin (for meta.location) and the origin needs a listening server.
  let handler: NodeHandler = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const listening = await listenOnLoopback((req, res) => void handler(req, res));
  try {
    const options = {
      baseURL: listening.origin,
      secret: randomBytes(32).toString('hex'),
      logger: { level: 'error' as const },
      telemetry: { enabled: false },
      plugins: [scim({ connections: [{ id: 'peer', credentials: [{ type: 'bearer', id: 'peer-token', token }] }] })],
    };
    // The memory adapter needs one array per model, the plugin's own tables included.
    const db: Record<string, unknown[]> = {};
    for (const table of Object.values(getAuthTables(options))) db[table.modelName] = [];
    handler = toNodeHandler(betterAuth({ ...options, database: memoryAdapter(db) }));

    const url = listening.origin + BETTER_AUTH_SCIM_PATH;
    const seedUserIds: string[] = [];
    // Sequential on purpose: ids in creation order are the order the peer lists them in.
    for (let i = 0; i < (opts.users ?? 25); i++) seedUserIds.push(await post(url, token, '/Users', userBody(i)));
    const seedGroupIds: string[] = [];
    for (let g = 0; g < (opts.groups ?? 2); g++) {
      const members = seedUserIds.filter((_, i) => i % (g + 2) === 0).slice(0, 100).map((value) => ({ value }));
      const group = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `Peer Group ${g}`, members };
      seedGroupIds.push(await post(url, token, '/Groups', group));
    }
    return { name: 'better-auth', url, token, seedUserIds, seedGroupIds, quirks: [...BETTER_AUTH_QUIRKS], close: listening.close };
  } catch (error) {
    await listening.close();
    throw error;
  }
}

// createScimClient wiring: discovery re-binds the base URL the admin typed to the one that
// answers, listing and single-resource calls share one transport and one request log, and a
// read-only client refuses writes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import { SCHEMAS, type ScimUser } from '../../../shared/scim';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { startBetterAuthScim, type PeerHandle } from '../../support/peers';

describe('createScimClient against Better Auth SCIM', () => {
  let peer: PeerHandle;
  const clients: ScimClient[] = [];
  const connect = (baseUrl: string, readOnly = false): ScimClient => {
    const c = createScimClient({ baseUrl, token: () => peer.token, retryBudgetMs: 3_000, readOnly });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    peer = await startBetterAuthScim({ users: 4 });
  });
  afterAll(async () => {
    for (const c of clients) await c.close();
    await peer?.close();
  });

  it('discovers from a base URL typed without /v2 and uses the one that answers afterwards', async () => {
    const client = connect(`${peer.url.replace(/\/v2$/, '')}/`);
    const found = await client.discover();
    expect(found.baseUrl).toBe(peer.url);
    expect(client.baseUrl).toBe(peer.url);
    const outcome = await client.list<ScimUser>('Users');
    expect(outcome.complete).toBe(true);
    expect(outcome.Resources.map((r) => r.id).sort()).toEqual([...peer.seedUserIds].sort());
    const user = await client.get<ScimUser>('Users', peer.seedUserIds[1] ?? '');
    expect(user.id).toBe(peer.seedUserIds[1]);
    const urls = client.transport.log.entries().map((e) => e.url);
    expect(urls.some((u) => u.startsWith(`${peer.url}/Users?`))).toBe(true);
    expect(urls.at(-1)).toBe(`${peer.url}/Users/${peer.seedUserIds[1]}`);
  });

  it('refuses writes on a read-only client without sending them', async () => {
    const client = connect(peer.url, true);
    const error = await client
      .patch('Users', peer.seedUserIds[0] ?? '', { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'active', value: false }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InspectorError);
    expect((error as InspectorError).code).toBe('refused-read-only');
    expect(client.transport.log.entries()).toHaveLength(0);
  });
});

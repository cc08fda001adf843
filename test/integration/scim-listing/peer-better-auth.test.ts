// The listing engine and discovery against Better Auth's SCIM plugin (third-party, in process):
// count capped at 100, eq-only filters, a base URL under /api/auth/scim/v2.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../../electron/core/scim/discovery';
import { listResources } from '../../../electron/core/scim/listing';
import { createTransport } from '../../../electron/core/scim/transport';
import type { Transport } from '../../../electron/core/scim/types';
import { startBetterAuthScim, type PeerHandle } from '../../support/peers';

let peer: PeerHandle;
let transport: Transport;

beforeAll(async () => {
  peer = await startBetterAuthScim({ users: 150 });
  transport = createTransport({ baseUrl: peer.url, token: () => peer.token });
});
afterAll(async () => {
  await transport?.close();
  await peer?.close();
});

describe('against Better Auth SCIM', () => {
  it('lists all users although pages are capped at 100 below the count asked for', async () => {
    const caps = (await discover(transport)).capabilities;
    const out = await listResources(transport, 'Users', { pageSize: 500, concurrency: 4, capabilities: caps });
    expect(out.complete, out.warnings.join(' | ')).toBe(true);
    expect(out.Resources.map((u) => u.id).sort()).toEqual([...peer.seedUserIds].sort());
  });

  it('reports an honoured eq filter as honoured', async () => {
    const out = await listResources(transport, 'Users', { filter: 'userName eq "peer.user0003"' });
    expect(out.serverHonouredFilter).toBe(true);
    expect(out.count).toBe(1);
  });
});

// The listing engine and discovery against SCIMMY (third-party, in process on 127.0.0.1). SCIMMY
// answers a startIndex past the end with the whole collection and echoes count as itemsPerPage,
// exactly the quirks that make a naive loop double-count or never end.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../../electron/core/scim/discovery';
import { listResources } from '../../../electron/core/scim/listing';
import { createTransport } from '../../../electron/core/scim/transport';
import type { Transport } from '../../../electron/core/scim/types';
import { startScimmy, type PeerHandle } from '../../support/peers';

let peer: PeerHandle;
let transport: Transport;

beforeAll(async () => {
  peer = await startScimmy({ users: 53 });
  transport = createTransport({ baseUrl: peer.url, token: () => peer.token });
});
afterAll(async () => {
  await transport?.close();
  await peer?.close();
});

describe('against SCIMMY', () => {
  it('discovers it and lists every user exactly once at several page sizes', async () => {
    const found = await discover(transport);
    expect(found.capabilities.pagination).toBe('index');
    for (const pageSize of [10, 52, 53, 200]) {
      const out = await listResources(transport, 'Users', { pageSize, concurrency: 4, capabilities: found.capabilities });
      expect(out.complete, `page size ${pageSize}: ${out.warnings.join(' | ')}`).toBe(true);
      expect(out.Resources.map((u) => u.id).sort()).toEqual([...peer.seedUserIds].sort());
    }
  });

  it('does not loop or double-count when its last page lands exactly on the end (past-end returns everything)', async () => {
    const out = await listResources(transport, 'Users', { pageSize: 1, concurrency: 1 });
    expect(out.count).toBe(53);
    expect(new Set(out.Resources.map((u) => u.id)).size).toBe(53);
    expect(out.complete).toBe(true);
  });

  it('trusts its filter when it honours it', async () => {
    const out = await listResources(transport, 'Users', { filter: 'userName eq "peer.user0007"' });
    expect(out.serverHonouredFilter).toBe(true);
    expect(out.count).toBe(1);
  });
});

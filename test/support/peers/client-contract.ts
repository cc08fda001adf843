// The client core's contract against a third-party peer: listing returns exactly the seeded ids,
// filters are verified, server errors become the right InspectorError, and a PATCH lands. One
// function registers the tests so both peers run the same checks from their own test files
// (SCIMMY needs a process of its own).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMAS, type Capabilities, type ScimUser } from '../../../shared/scim';
import { createScimClient } from '../../../electron/core/scim/client';
import { matchesFilter } from '../../../electron/core/scim/filter';
import type { ScimClient } from '../../../electron/core/scim/types';
import { seedUser, type PeerHandle } from './types';
import { failure } from '../failure';

export interface PeerClientCase {
  start(): Promise<PeerHandle>;
  /** A filter the client accepts locally but this peer answers with 400 invalidFilter. */
  rejectedFilter: string;
  /** A filter this peer evaluates, with the seed indexes it must return. */
  honouredFilter: { filter: string; seedIndexes: number[] };
  /** What discovery must read from the peer's ServiceProviderConfig/ResourceTypes. */
  capabilities: Partial<Capabilities>;
}

export function describePeerClient(name: string, c: PeerClientCase): void {
  describe(`SCIM client against ${name}`, () => {
    let peer: PeerHandle;
    let client: ScimClient;
    const clients: ScimClient[] = [];
    const connect = (token: string, pageSize?: number): ScimClient => {
      const made = createScimClient({ baseUrl: peer.url, token: () => token, retryBudgetMs: 5_000, ...(pageSize ? { pageSize } : {}) });
      clients.push(made);
      return made;
    };

    beforeAll(async () => {
      peer = await c.start();
      client = connect(peer.token);
    });
    afterAll(async () => {
      for (const made of clients) await made.close();
      await peer?.close();
    });

    it('discovers the peer\'s capabilities, and a discovered client still lists everything', async () => {
      const discovering = connect(peer.token, 1000);
      const found = await discovering.discover();
      expect(found.baseUrl).toBe(peer.url);
      expect(found.capabilities).toMatchObject(c.capabilities);
      const outcome = await discovering.list('Users');
      expect(outcome.complete).toBe(true);
      expect(outcome.Resources.map((r) => r.id).sort()).toEqual([...peer.seedUserIds].sort());
    });

    it('lists exactly the seeded groups', async () => {
      const outcome = await client.list('Groups');
      expect(outcome.complete).toBe(true);
      expect(outcome.Resources.map((r) => r.id).sort()).toEqual([...peer.seedGroupIds].sort());
    });

    it('lists exactly the seeded users, each once, over many small pages', async () => {
      const outcome = await connect(peer.token, 7).list('Users');
      expect(outcome.complete).toBe(true);
      expect(outcome.count).toBe(peer.seedUserIds.length);
      expect(outcome.Resources.map((r) => r.id).sort()).toEqual([...peer.seedUserIds].sort());
    });

    it('lists exactly the seeded users when asking for pages larger than the peer serves', async () => {
      const outcome = await connect(peer.token, 1000).list('Users');
      expect(outcome.complete).toBe(true);
      expect(outcome.Resources.map((r) => r.id).sort()).toEqual([...peer.seedUserIds].sort());
    });

    it('stops at a limit without losing or repeating resources', async () => {
      const outcome = await connect(peer.token, 4).list('Users', { limit: 10 });
      const ids = outcome.Resources.map((r) => r.id);
      expect(ids).toHaveLength(10);
      expect(new Set(ids).size).toBe(10);
      for (const id of ids) expect(peer.seedUserIds).toContain(id);
    });

    it('sends a filter the peer honours and verifies the answer', async () => {
      const outcome = await client.list<ScimUser>('Users', { filter: c.honouredFilter.filter });
      expect(outcome.serverHonouredFilter).toBe(true);
      expect(outcome.Resources.map((r) => r.id).sort()).toEqual(c.honouredFilter.seedIndexes.map((i) => peer.seedUserIds[i]).sort());
      expect(outcome.Resources.map((r) => r.userName).sort()).toEqual(c.honouredFilter.seedIndexes.map((i) => seedUser(i).userName).sort());
    });

    it('turns a 401 for a wrong token into unauthorized, without echoing the token', async () => {
      const badToken = `wrong-${peer.token.slice(-6)}-token`;
      const error = await failure(connect(badToken).list('Users'));
      expect(error.code).toBe('unauthorized');
      expect(error.details?.status).toBe(401);
      expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(badToken);
    });

    it('turns the peer\'s 400 invalidFilter into invalid-filter with the server detail (serverFilterOnly)', async () => {
      const error = await failure(client.list('Users', { filter: c.rejectedFilter, serverFilterOnly: true }));
      expect(error.code).toBe('invalid-filter');
      expect(error.details).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    });

    it('applies a filter the peer rejects locally over a complete listing, with a warning', async () => {
      const all = await client.list('Users');
      const outcome = await client.list('Users', { filter: c.rejectedFilter });
      expect(outcome.complete).toBe(true);
      // Said from the 400 itself, or from the spot check of the filter's forms that caught one of
      // them misbehaving first (a session that has observed nothing tries them before it believes
      // an answer; SCIMMY, for one, compares userName case-sensitively).
      expect(outcome.warnings[0]).toMatch(/(rejected the filter|cannot be trusted with this filter \(.*(rejected|under-matches|ignored)).*applied locally over a complete listing/);
      expect(outcome.Resources.map((r) => r.id)).toEqual(all.Resources.filter((r) => matchesFilter(r, c.rejectedFilter)).map((r) => r.id));
    });

    it('turns a 404 for a missing user into not-found', async () => {
      const error = await failure(client.get('Users', 'no-such-user-id'));
      expect(error.code).toBe('not-found');
    });

    it('keeps the token out of the request log, HAR and curl after real traffic', async () => {
      await client.list('Users', { limit: 3 });
      const entries = client.transport.log.entries();
      expect(entries.length).toBeGreaterThan(0);
      const last = entries[entries.length - 1];
      if (!last) throw new Error('no request logged');
      const exported = JSON.stringify([entries, client.transport.log.toHar(), client.transport.log.toCurl(last.id)]);
      expect(exported).not.toContain(peer.token);
    });

    it('PATCHes a user and reads the change back', async () => {
      const id = peer.seedUserIds[2];
      if (!id) throw new Error('peer seeded fewer than 3 users');
      const patched = await client.patch<ScimUser>('Users', id, {
        schemas: [SCHEMAS.patchOp],
        Operations: [{ op: 'replace', path: 'active', value: false }],
      });
      expect(patched.id).toBe(id);
      expect(patched.active).toBe(false);
      expect((await client.get<ScimUser>('Users', id)).active).toBe(false);
    });
  });
}

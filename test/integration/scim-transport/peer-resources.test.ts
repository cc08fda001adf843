// Single-resource calls and the transport against a real third-party SCIM server (Better Auth's
// plugin, in process on 127.0.0.1): reads, writes, error mapping, read-only refusal, and the
// guarantee that the token never shows up in anything the client hands out.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMAS, type ScimUser } from '../../../shared/scim';
import { createTransport } from '../../../electron/core/scim/transport';
import { createResources } from '../../../electron/core/scim/resources';
import type { Transport } from '../../../electron/core/scim/types';
import { seedUser, startBetterAuthScim, type PeerHandle } from '../../support/peers';
import { failure } from '../../support/failure';

describe('transport and resources against Better Auth SCIM', () => {
  let peer: PeerHandle;
  const transports: Transport[] = [];
  const open = (token: string, extra: { readOnly?: boolean; baseUrl?: string } = {}) => {
    const t = createTransport({ baseUrl: extra.baseUrl ?? `${peer.url}/`, token: () => token, retryBudgetMs: 3_000 });
    transports.push(t);
    return { transport: t, resources: createResources(t, { readOnly: extra.readOnly }) };
  };

  beforeAll(async () => {
    peer = await startBetterAuthScim({ users: 3 });
  });
  afterAll(async () => {
    for (const t of transports) await t.close();
    await peer?.close();
  });

  it('gets a user, normalised, and logs the call with the token redacted', async () => {
    const { transport, resources } = open(peer.token);
    const id = peer.seedUserIds[0] ?? '';
    const user = await resources.get<ScimUser>('Users', id);
    expect(user.id).toBe(id);
    expect(user.userName).toBe(seedUser(0).userName);
    const [entry] = transport.log.entries();
    expect(entry).toMatchObject({ method: 'GET', status: 200, url: `${peer.url}/Users/${id}` });
    expect(entry?.requestHeaders.authorization).toBe('Bearer [redacted]');
    expect(entry?.responseBody).toContain(id);
  });

  it('creates, patches and deletes a user; the PATCH carries If-Match when asked', async () => {
    const { transport, resources } = open(peer.token);
    const created = await resources.create<ScimUser>('Users', { userName: 'created.by.test@example.test', emails: [{ value: 'created.by.test@example.test', primary: true }], active: true });
    expect(created.userName).toBe('created.by.test@example.test');
    const patched = await resources.patch<ScimUser>(
      'Users',
      created.id,
      { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'active', value: false }] },
      { ifMatch: 'W/"1"' },
    );
    expect(patched.active).toBe(false);
    const patchEntry = transport.log.entries().find((e) => e.method === 'PATCH');
    expect(patchEntry?.requestHeaders['if-match']).toBe('W/"1"');
    await resources.delete('Users', created.id);
    const gone = await failure(resources.get('Users', created.id));
    expect(gone.code).toBe('not-found');
    expect(gone.details).toMatchObject({ status: 404, method: 'GET' });
  });

  it('maps a wrong token to unauthorized with advice, without leaking either token', async () => {
    const wrong = 'wrong-token-0123456789abcdef';
    const { transport, resources } = open(wrong);
    const error = await failure(resources.get('Users', peer.seedUserIds[0] ?? ''));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/token/i);
    const everything = JSON.stringify(error) + error.message + JSON.stringify(transport.log.entries()) + JSON.stringify(transport.log.toHar()) + transport.log.toCurl(1);
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(peer.token);
  });

  it('refuses every write on a read-only connection before any request is made', async () => {
    const { transport, resources } = open(peer.token, { readOnly: true });
    const id = peer.seedUserIds[0] ?? '';
    const patch = { schemas: [SCHEMAS.patchOp] as [typeof SCHEMAS.patchOp], Operations: [{ op: 'replace' as const, path: 'active', value: false }] };
    for (const attempt of [
      resources.create('Users', { userName: 'x@example.test' }),
      resources.replace('Users', id, { userName: 'x@example.test' }),
      resources.patch('Users', id, patch),
      resources.delete('Users', id),
    ]) {
      expect((await failure(attempt)).code).toBe('refused-read-only');
    }
    expect(transport.log.entries()).toEqual([]);
    expect((await resources.get<ScimUser>('Users', id)).active).toBe(true);
  });

  it('names the base URL when a collection is not found, and does not retry a 404', async () => {
    const { transport } = open(peer.token, { baseUrl: peer.url.replace(/\/scim\/v2$/, '/nope') });
    const error = await failure(transport.request({ method: 'GET', path: '/Users' }));
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/base URL/);
    expect(transport.log.entries()).toHaveLength(1);
  });

  it('stops at once when the signal is already aborted', async () => {
    const { resources } = open(peer.token);
    const error = await failure(resources.get('Users', peer.seedUserIds[0] ?? '', { signal: AbortSignal.abort() }));
    expect(error.code).toBe('cancelled');
  });
});

// A cancel is journalled as exactly what is known about the write. When the request never left —
// the admin cancelled before it was sent, or while its credentials were being read — nothing
// reached the server: the error says "not sent" and the journal says `not-sent`, for a PATCH, a PUT,
// a POST (create) and a DELETE alike. Once any byte of it may have left (in flight, or answered and
// waiting to be retried), it may have landed, and it stays `unknown`: never called failed, never
// called not sent. Counted on the rfc sandbox, whose request counter and the client's request log
// both show whether the write left.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewEdit, readChangeJournal, sendEdit } from '../../../electron/core/edit';
import { previewCreate, previewDelete, sendCreate, sendDelete } from '../../../electron/core/edit/create';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { failure } from '../../support/failure';
import { plainUserIds, tenantPool, writes, type EditTenant } from './support';

const { open, closeAll } = tenantPool();
let t: EditTenant;
beforeAll(async () => {
  t = await open('rfc', { users: 12 });
});
afterAll(closeAll);

/** Writes the sandbox received and writes the client's request log holds. */
function counted(client: ScimClient): [number, number] {
  return [writes(t.sandbox), client.transport.log.entries().filter((e) => e.method !== 'GET').length];
}

async function lastOutcome(): Promise<unknown> {
  const { entries } = await readChangeJournal(t.journal);
  return entries.at(-1);
}

describe('cancelled before the write left: not sent', () => {
  it('a PATCH with the signal already aborted: nothing reaches the server, "not sent", journalled not-sent', async () => {
    const id = plainUserIds(t.sandbox)[0]!;
    const preview = await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'Never Sent' }] });
    const before = counted(t.client);
    const error = await failure(sendEdit(t.client, preview, { journal: t.journal, signal: AbortSignal.abort() }));
    expect(counted(t.client)).toEqual(before);
    expect(error.code).toBe('cancelled');
    expect(error.message).toBe('Cancelled before the PATCH was sent: nothing was sent, so the user is as it was. Send it again when you want the change.');
    expect(error.details).toMatchObject({ sent: false, changeId: expect.any(String) });
    expect(await lastOutcome()).toEqual(
      expect.objectContaining({ changeId: error.details?.changeId, id, outcome: 'not-sent', responseStatus: null, after: null, error: { code: 'cancelled', message: 'The operation was cancelled before the request was sent.' }, warnings: [] }),
    );
    expect(t.sandbox.store.get('Users', id)?.res.title).not.toBe('Never Sent');
  });

  it('a PUT cancelled while its credentials are read (the keychain answers after the cancel): nothing left', async () => {
    const id = plainUserIds(t.sandbox)[1]!;
    const controller = new AbortController();
    let cancelOnToken = false;
    const client = createScimClient({
      baseUrl: t.sandbox.url,
      token: () => {
        if (cancelOnToken) controller.abort();
        return t.sandbox.token;
      },
      vendor: 'rfc',
    });
    try {
      const before = await client.get('Users', id);
      const preview = await previewEdit(client, 'Users', id, { edited: { ...before, title: 'Never Put' } }, { before, method: 'PUT' });
      const sent = counted(client);
      cancelOnToken = true;
      const error = await failure(sendEdit(client, preview, { journal: t.journal, signal: controller.signal }));
      expect(counted(client)).toEqual(sent);
      expect([error.code, error.message, error.details?.sent]).toEqual(['cancelled', 'Cancelled before the PUT was sent: nothing was sent, so the user is as it was. Send it again when you want the change.', false]);
      expect(await lastOutcome()).toEqual(expect.objectContaining({ id, outcome: 'not-sent' }));
    } finally {
      await client.close();
    }
  });

  it('a create (POST) and a group delete: not sent, journalled not-sent, nothing created or deleted', async () => {
    const target = { vendor: 'rfc', headers: {} };
    const userName = `never.created.${Date.now()}@example.test`;
    const before = counted(t.client);
    const create = await failure(sendCreate(t.client, previewCreate(t.client, 'Users', { userName }, target), target, { journal: t.journal, signal: AbortSignal.abort() }));
    expect([create.code, create.message, create.details?.sent]).toEqual(['cancelled', 'Cancelled before the POST was sent: nothing was sent, so nothing was created.', false]);
    expect(await lastOutcome()).toEqual(expect.objectContaining({ outcome: 'not-sent', error: { code: 'cancelled', message: 'The operation was cancelled before the request was sent.' } }));
    expect(t.sandbox.store.lookup('Users', 'userName', userName)).toEqual([]);

    const groupId = t.sandbox.store.ids('Groups')[0]!;
    const preview = await previewDelete(t.client, groupId, target);
    const remove = await failure(sendDelete(t.client, preview, { journal: t.journal, signal: AbortSignal.abort() }));
    expect([remove.code, remove.message, remove.details?.sent]).toEqual(['cancelled', 'Cancelled before the DELETE was sent: nothing was sent, so the group is still there.', false]);
    expect(await lastOutcome()).toEqual(expect.objectContaining({ id: groupId, outcome: 'not-sent', responseStatus: null }));
    expect(t.sandbox.store.get('Groups', groupId)).toBeDefined();
    expect(counted(t.client)).toEqual(before);
  });
});

describe('cancelled once the write may have left: unknown, never "not sent" or "failed"', () => {
  it('a PATCH answered 429 and cancelled in the wait before its retry: it reached the server, so it stays unknown', async () => {
    const id = plainUserIds(t.sandbox)[2]!;
    const preview = await previewEdit(t.client, 'Users', id, { operations: [{ op: 'replace', path: 'title', value: 'Rate Limited' }] });
    const controller = new AbortController();
    const stop = t.client.transport.log.subscribe((entry) => {
      if (entry.method === 'PATCH' && entry.status === 429) controller.abort();
    });
    t.sandbox.setFaults({ rateLimitEvery: 1, retryAfter: { seconds: 1, format: 'seconds' } });
    try {
      const error = await failure(sendEdit(t.client, preview, { journal: t.journal, signal: controller.signal }));
      expect(error.code).toBe('cancelled');
      expect(error.message).toBe('The operation was cancelled. The PATCH may or may not have been applied: reload the user to see before trying again.');
      expect(error.details).toMatchObject({ sent: 'unknown' });
      expect(await lastOutcome()).toEqual(expect.objectContaining({ id, outcome: 'unknown' }));
    } finally {
      t.sandbox.setFaults({});
      stop();
    }
  });

  it('a create cancelled while the POST is on its way: it may have been created, so unknown and "search for it"', { timeout: 60_000 }, async () => {
    const target = { vendor: 'rfc', headers: {} };
    const userName = `in.flight.${Date.now()}@example.test`;
    // The server holds each request a while; the admin cancels once the POST has reached it.
    t.sandbox.setFaults({ latencyMs: 2_000 });
    const controller = new AbortController();
    try {
      const posts = t.sandbox.stats().byMethod.POST ?? 0;
      const sending = failure(sendCreate(t.client, previewCreate(t.client, 'Users', { userName }, target), target, { journal: t.journal, signal: controller.signal }));
      while ((t.sandbox.stats().byMethod.POST ?? 0) === posts) await new Promise((done) => setTimeout(done, 10));
      controller.abort();
      const error = await sending;
      expect(error.code).toBe('cancelled');
      expect(error.message).toBe('The operation was cancelled. The POST may or may not have created the user: search for it before creating it again.');
      expect(error.details).toMatchObject({ sent: 'unknown' });
      expect(await lastOutcome()).toEqual(expect.objectContaining({ outcome: 'unknown', error: { code: 'cancelled', message: 'The operation was cancelled.' } }));
    } finally {
      t.sandbox.setFaults({});
    }
  });

  it('a group delete cancelled while the DELETE is on its way: it may have been deleted, so unknown and "reload the group"', { timeout: 60_000 }, async () => {
    const id = t.sandbox.store.ids('Groups')[1]!;
    const preview = await previewDelete(t.client, id, { vendor: 'rfc', headers: {} });
    t.sandbox.setFaults({ latencyMs: 2_000 });
    const controller = new AbortController();
    try {
      const deletes = t.sandbox.stats().byMethod.DELETE ?? 0;
      const sending = failure(sendDelete(t.client, preview, { journal: t.journal, signal: controller.signal }));
      while ((t.sandbox.stats().byMethod.DELETE ?? 0) === deletes) await new Promise((done) => setTimeout(done, 10));
      controller.abort();
      const error = await sending;
      expect(error.code).toBe('cancelled');
      expect(error.message).toBe('The operation was cancelled. The DELETE may or may not have been applied: reload the group to see whether it is still there.');
      expect(error.details).toMatchObject({ sent: 'unknown' });
      expect(await lastOutcome()).toEqual(expect.objectContaining({ id, outcome: 'unknown', responseStatus: null, error: { code: 'cancelled', message: 'The operation was cancelled.' } }));
    } finally {
      t.sandbox.setFaults({});
    }
  });

  it('a create whose connection broke after the 201 began: unknown with the 201, the transport’s "probably applied" kept as it is', async () => {
    const client = createScimClient({ baseUrl: t.sandbox.url, token: () => t.sandbox.token, vendor: 'rfc', retryBudgetMs: 0 });
    const target = { vendor: 'rfc', headers: {} };
    const userName = `broken.${Date.now()}@example.test`;
    // The POST's answer: headers and half the body, then the socket is destroyed.
    t.sandbox.setFaults({ resetEvery: 1 });
    try {
      const error = await failure(sendCreate(client, previewCreate(client, 'Users', { userName }, target), target, { journal: t.journal }));
      expect(error.code).toBe('network');
      expect(error.message).toMatch(/ The POST was probably applied \(the server answered 201 before the connection broke\): reload the resource to see its state\.$/);
      expect(await lastOutcome()).toEqual(expect.objectContaining({ outcome: 'unknown', responseStatus: 201, error: expect.objectContaining({ code: 'network' }) }));
    } finally {
      t.sandbox.setFaults({});
      await client.close();
    }
  });
});


// What create.ts claims once a create or a delete has been answered, and what it checks before: a
// group delete answered 2xx whose check ("is it gone?") fails or is cancelled is journalled unknown
// and said to be unverified (never left as an unfinished entry, never "deleted"); a create's and a
// delete's reads honour a cancel; the status journalled is the write's own (not a read's after it,
// nor an earlier write's); a create accepted without a usable id is "unknown, search for it"; and
// the refusals before sending name what is wrong. On sandbox tenants, the answers reshaped on their
// way back where a real server would answer otherwise.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readChangeJournal } from '../../../electron/core/edit';
import { previewCreate, previewDelete, sendCreate, sendDelete } from '../../../electron/core/edit/create';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import type { DeletePreview } from '../../../shared/create';
import { failure } from '../../support/failure';
import { startReshapingTenant, type Answer, type ReshapingTenant } from '../../support/reshaping-tenant';
import { removeDir } from '../../support/temp-dir';
import { tenantPool } from './support';

const rfcTarget = { vendor: 'rfc', headers: {} };
const { open, closeAll } = tenantPool();
let reshaping: ReshapingTenant;
let client: ScimClient;
let dir: string;
let n = 0;
/** A fresh journal file for a write through the reshaping tenant. */
const journal = (): string => join(dir, `changes-${(n += 1)}.jsonl`);
const fresh = (): string => `after.write.${(n += 1)}@example.test`;

beforeAll(async () => {
  reshaping = await startReshapingTenant({ vendor: 'rfc', users: 4, groups: 6, seed: 29 });
  client = createScimClient({ baseUrl: reshaping.url, token: () => reshaping.sandbox.token, vendor: 'rfc', retryBudgetMs: 0 });
  dir = await mkdtemp(join(tmpdir(), 'create-after-write-'));
});
beforeEach(() => {
  reshaping.reshape(null);
});
afterAll(async () => {
  await client?.close();
  await reshaping?.close();
  await closeAll();
  await removeDir(dir);
});

/** This method's answers rewritten; every other answer passed on. */
function on(method: string, answer: (upstream: Answer) => Answer): void {
  reshaping.reshape((req, upstream) => (req.method === method ? answer(upstream) : null));
}

describe('a delete answered but not verified', () => {
  it('the check that the group is gone fails (500): unknown, "answered 204 but not verified", journalled with that error', async () => {
    const t = await open('rfc', { users: 5 });
    const id = t.sandbox.store.ids('Groups')[0]!;
    const noRetry = createScimClient({ baseUrl: t.sandbox.url, token: () => t.sandbox.token, vendor: 'rfc', retryBudgetMs: 0 });
    try {
      const preview = await previewDelete(noRetry, id, rfcTarget);
      // The DELETE is answered; the GET after it gets a 500.
      t.sandbox.setFaults({ serverErrorBurst: { every: 2, length: 1, status: 500 } });
      const error = await failure(sendDelete(noRetry, preview, { journal: t.journal }));
      t.sandbox.setFaults({});
      expect(t.sandbox.store.get('Groups', id)).toBeUndefined();
      expect(error.message).toMatch(/^The server answered the DELETE with 204, but checking that the group is gone failed: .+ Nothing is claimed deleted; reload it to see what the server holds\.$/);
      expect(error.details).toMatchObject({ status: 500, sent: true, id, changeId: expect.any(String) });
      const { entries } = await readChangeJournal(t.journal);
      expect(entries).toEqual([expect.objectContaining({ id, outcome: 'unknown', responseStatus: 204, after: null, error: expect.objectContaining({ code: error.code }), warnings: [] })]);
    } finally {
      t.sandbox.setFaults({});
      await noRetry.close();
    }
  });

  it('cancelled once the DELETE was answered: the check is not made, and the entry is finished unknown', async () => {
    const t = await open('rfc', { users: 5 });
    const id = t.sandbox.store.ids('Groups')[1]!;
    const preview = await previewDelete(t.client, id, rfcTarget);
    const controller = new AbortController();
    const stop = t.client.transport.log.subscribe((entry) => {
      if (entry.method === 'DELETE') controller.abort();
    });
    try {
      const gets = t.sandbox.stats().byMethod.GET ?? 0;
      const error = await failure(sendDelete(t.client, preview, { journal: t.journal, signal: controller.signal }));
      expect(error.code).toBe('cancelled');
      expect(error.message).toBe('The server answered the DELETE with 204, but checking that the group is gone failed: The operation was cancelled before the request was sent. Nothing is claimed deleted; reload it to see what the server holds.');
      expect(t.sandbox.stats().byMethod.GET ?? 0).toBe(gets);
      const { entries } = await readChangeJournal(t.journal);
      expect(entries).toEqual([expect.objectContaining({ id, outcome: 'unknown', responseStatus: 204 })]);
    } finally {
      stop();
    }
  });
});

describe('a create, after the POST', () => {
  it('a cancel once the POST was answered: the read-back is not made, the new user is named by its id, journalled applied', async () => {
    const t = await open('rfc', { users: 5 });
    const controller = new AbortController();
    const stop = t.client.transport.log.subscribe((entry) => {
      if (entry.method === 'POST') controller.abort();
    });
    try {
      const userName = fresh();
      const gets = t.sandbox.stats().byMethod.GET ?? 0;
      const error = await failure(sendCreate(t.client, previewCreate(t.client, 'Users', { userName }, rfcTarget), rfcTarget, { journal: t.journal, signal: controller.signal }));
      const [id] = t.sandbox.store.lookup('Users', 'userName', userName);
      expect(error.message).toBe(`The user was created (id ${id}) but reading it back failed: The operation was cancelled before the request was sent. Reload the table to see it.`);
      expect(error.details).toMatchObject({ sent: true, id });
      expect(t.sandbox.stats().byMethod.GET ?? 0).toBe(gets);
      const { entries } = await readChangeJournal(t.journal);
      expect(entries).toEqual([expect.objectContaining({ outcome: 'applied', responseStatus: 201, warnings: ['Created, but the read-back failed.'] })]);
    } finally {
      stop();
    }
  });

  it('journals the POST’s own status: a 201 with only a Location (read through a GET 200) is journalled 201', async () => {
    on('POST', (up) => {
      const { id } = JSON.parse(up.body) as { id: string };
      return { status: 201, headers: { location: `${reshaping.url}/Users/${id}` }, body: '' };
    });
    const path = journal();
    const outcome = await sendCreate(client, previewCreate(client, 'Users', { userName: fresh() }, rfcTarget), rfcTarget, { journal: path });
    expect([outcome.status, outcome.responseStatus, outcome.differences]).toEqual(['created', 201, []]);
    const { entries } = await readChangeJournal(path);
    expect(entries).toEqual([expect.objectContaining({ outcome: 'applied', responseStatus: 201 })]);
  });

  it('a create not sent after earlier ones on the same connection journals no status (not an earlier 201 or 409)', async () => {
    const t = await open('rfc', { users: 5 });
    const userName = fresh();
    const create = (signal?: AbortSignal) => sendCreate(t.client, previewCreate(t.client, 'Users', { userName }, rfcTarget), rfcTarget, { journal: t.journal, ...(signal ? { signal } : {}) });
    await create();
    // Taken now: the POST answered 409 is the newest entry of the log when the next create starts.
    await failure(create());
    await failure(create(AbortSignal.abort()));
    const { entries } = await readChangeJournal(t.journal);
    expect(entries.map((e) => [e.outcome, e.responseStatus])).toEqual([
      ['applied', 201],
      ['conflict', 409],
      ['not-sent', null],
    ]);
  });

  it('a new user the server puts in a default group (listed in its groups on the read-back) is created as asked, no difference', async () => {
    const everyone = [{ value: 'group-everyone', display: 'Everyone', type: 'direct' }];
    reshaping.reshape((req, up) => (req.method === 'GET' && /\/Users\/[^/?]+$/.test(req.path) ? { ...up, body: JSON.stringify({ ...(JSON.parse(up.body) as object), groups: everyone }) } : null));
    const outcome = await sendCreate(client, previewCreate(client, 'Users', { userName: fresh() }, rfcTarget), rfcTarget, { journal: journal() });
    expect([outcome.status, outcome.differences, outcome.resource.groups]).toEqual(['created', [], everyone]);
  });
});

describe('a POST accepted without a usable id', () => {
  // The tenant holds the new user (the answer, not the create, lacked the id): never "failed" (which
  // invites a second create) and never "applied" (nothing was read back).
  it.each([
    ['its id blanked', (up: Answer): Answer => ({ ...up, body: JSON.stringify({ ...(JSON.parse(up.body) as object), id: '' }) })],
    ['its id left out', (up: Answer): Answer => ({ ...up, body: JSON.stringify({ ...(JSON.parse(up.body) as object), id: undefined }) })],
    ['an empty body and no Location', (up: Answer): Answer => ({ status: up.status, headers: { 'content-type': 'application/scim+json' }, body: '{}' })],
  ])('(%s): "accepted, may exist, search for it", journalled unknown with the 201, nothing claimed created', async (_, reshape) => {
    on('POST', reshape);
    const path = journal();
    const userName = fresh();
    const error = await failure(sendCreate(client, previewCreate(client, 'Users', { userName }, rfcTarget), rfcTarget, { journal: path }));
    expect(reshaping.sandbox.store.lookup('Users', 'userName', userName)).toHaveLength(1);
    expect(error.code).toBe('bad-response');
    expect(error.message).toMatch(/^The server accepted the POST \(201\) but its answer does not give the new user's id, so it cannot be verified: .+ It may have been created: search for it before creating it again\.$/);
    expect(error.details).toMatchObject({ status: 201, sent: 'unknown', changeId: expect.any(String) });
    const { entries } = await readChangeJournal(path);
    expect(entries).toEqual([expect.objectContaining({ changeId: error.details?.changeId, outcome: 'unknown', responseStatus: 201, after: null, error: expect.objectContaining({ code: 'bad-response' }) })]);
  });
});

describe('a create refused as taken', () => {
  it('a group name: "a group with this name may exist already", nothing created', async () => {
    on('POST', () => ({ status: 409, headers: { 'content-type': 'application/scim+json' }, body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '409', scimType: 'uniqueness', detail: 'displayName is taken.' }) }));
    const error = await failure(sendCreate(client, previewCreate(client, 'Groups', { displayName: 'Taken Team' }, rfcTarget), rfcTarget, { journal: journal() }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/ A group with this name may exist already: search for it before creating another\. Nothing was created\.$/);
  });
});

describe('a create preview', () => {
  it('is a POST; a list counts as given when any item is (a blank email beside a real one); only a group gets the active-members warning', () => {
    const mindtickle = { vendor: 'mindtickle', headers: {} };
    const user = previewCreate({ baseUrl: 'https://x.test' }, 'Users', { userName: 'a', name: { givenName: 'A', familyName: 'B' }, emails: [{ value: ' ' }, { value: 'a@x.test' }] }, mindtickle);
    expect([user.method, user.missing]).toEqual(['POST', []]);
    // A value that is not text is a value given (the server judges its type); only blank text, empty lists and null are not.
    expect(previewCreate({ baseUrl: 'https://x.test' }, 'Users', { userName: 'a', name: { givenName: 7, familyName: false }, emails: ['a@x.test'] }, mindtickle).missing).toEqual([]);
    const lettermint = { vendor: 'lettermint', headers: {} };
    expect(previewCreate({ baseUrl: 'https://x.test' }, 'Users', { userName: 'a', members: [{ value: 'x' }] }, lettermint).warnings).not.toContainEqual(expect.stringMatching(/active users as group members/));
  });
});

describe('a delete preview and its DELETE', () => {
  it('the preview honours a cancel: nothing is read', async () => {
    const id = reshaping.sandbox.store.ids('Groups')[0]!;
    const gets = reshaping.sandbox.stats().byMethod.GET ?? 0;
    const error = await failure(previewDelete(client, id, rfcTarget, AbortSignal.abort()));
    expect(error.code).toBe('cancelled');
    expect(reshaping.sandbox.stats().byMethod.GET ?? 0).toBe(gets);
  });

  it('a group read without meta: the preview warns there is no version, the DELETE goes without If-Match and is verified', async () => {
    reshaping.reshape((req, up) => {
      if (req.method !== 'GET' || up.status !== 200) return null;
      const { meta: _meta, ...rest } = JSON.parse(up.body) as Record<string, unknown>;
      return { ...up, headers: { 'content-type': 'application/scim+json' }, body: JSON.stringify(rest) };
    });
    const id = reshaping.sandbox.store.ids('Groups')[1]!;
    const preview: DeletePreview = await previewDelete(client, id, rfcTarget);
    expect(preview.warnings[1]).toBe('The server gives no version (ETag): a change made to the group since this preview cannot be detected.');
    expect(preview.request.headers).not.toHaveProperty('If-Match');
    expect(await sendDelete(client, preview, { journal: journal() })).toMatchObject({ status: 'deleted', verifiedGone: true });
    const sent = client.transport.log.entries().filter((e) => e.method === 'DELETE').pop();
    expect(Object.keys(sent?.requestHeaders ?? {}).map((h) => h.toLowerCase())).not.toContain('if-match');
  });

  it('a DELETE answered 500 is "failed" with its status, and the server’s error is passed on as it is', async () => {
    const id = reshaping.sandbox.store.ids('Groups')[2]!;
    const preview = await previewDelete(client, id, rfcTarget);
    on('DELETE', () => ({ status: 500, headers: { 'content-type': 'application/scim+json' }, body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '500', detail: 'Store unavailable.' }) }));
    const path = journal();
    const error = await failure(sendDelete(client, preview, { journal: path }));
    expect(error.details).toMatchObject({ status: 500 });
    expect(error.message).toMatch(/Store unavailable\./);
    const { entries } = await readChangeJournal(path);
    expect(entries).toEqual([expect.objectContaining({ id, outcome: 'failed', responseStatus: 500, error: { code: error.code, message: error.message } })]);
  });
});

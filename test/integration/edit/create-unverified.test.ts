// A create the server accepts but answers without a usable id (the sandbox's answer reshaped on its
// way back: the id blanked, or a 201 with `{}` and no Location). The resource exists on the tenant,
// yet nothing can prove which one it is: the admin is told it was accepted and may exist — search
// before creating it again — and the journal says `unknown` with the POST's 201, never `failed`
// (which would invite a second create) and never `applied` (nothing was read back).

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readChangeJournal } from '../../../electron/core/edit';
import { previewCreate, sendCreate } from '../../../electron/core/edit/create';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';
import { failure } from '../../support/failure';
import { startReshapingTenant, type Answer, type ReshapingTenant } from '../../support/reshaping-tenant';
import { removeDir } from '../../support/temp-dir';

const target = { vendor: 'rfc', headers: {} };
let tenant: ReshapingTenant;
let client: ScimClient;
let dir: string;

beforeAll(async () => {
  tenant = await startReshapingTenant({ vendor: 'rfc', users: 4, groups: 2, seed: 23 });
  client = createScimClient({ baseUrl: tenant.url, token: () => tenant.sandbox.token, vendor: 'rfc', retryBudgetMs: 0 });
  dir = await mkdtemp(join(tmpdir(), 'create-unverified-'));
});
beforeEach(() => {
  tenant.reshape(null);
});
afterAll(async () => {
  await client?.close();
  await tenant?.close();
  await removeDir(dir);
});

/** The POST's answer rewritten; every other answer passed on. */
function onPost(answer: (upstream: Answer) => Answer): void {
  tenant.reshape((req, upstream) => (req.method === 'POST' ? answer(upstream) : null));
}

describe('a POST accepted without a usable id', () => {
  it.each([
    ['its id blanked', (up: Answer): Answer => ({ ...up, body: JSON.stringify({ ...(JSON.parse(up.body) as object), id: '' }) })],
    ['its id left out', (up: Answer): Answer => ({ ...up, body: JSON.stringify({ ...(JSON.parse(up.body) as object), id: undefined }) })],
    ['an empty body and no Location', (up: Answer): Answer => ({ status: up.status, headers: { 'content-type': 'application/scim+json' }, body: '{}' })],
  ])('(%s): "accepted, may exist, search for it", journalled unknown with the 201, nothing claimed created', async (_, reshape) => {
    onPost(reshape);
    const journal = join(dir, `changes-${Math.random().toString(36).slice(2)}.jsonl`);
    const userName = `no.id.${Date.now()}.${Math.random().toString(36).slice(2)}@example.test`;
    const error = await failure(sendCreate(client, previewCreate(client, 'Users', { userName }, target), target, { journal }));
    // It exists on the tenant: the answer, not the create, lacked the id.
    expect(tenant.sandbox.store.lookup('Users', 'userName', userName)).toHaveLength(1);
    expect(error.code).toBe('bad-response');
    expect(error.message).toMatch(/^The server accepted the POST \(201\) but its answer does not give the new user's id, so it cannot be verified: .+ It may have been created: search for it before creating it again\.$/);
    expect(error.details).toMatchObject({ status: 201, sent: 'unknown', changeId: expect.any(String) });
    const { entries } = await readChangeJournal(journal);
    expect(entries).toEqual([expect.objectContaining({ changeId: error.details?.changeId, outcome: 'unknown', responseStatus: 201, after: null, error: expect.objectContaining({ code: 'bad-response' }) })]);
  });
});

// A PUT deactivation on a vendor with ETags must not overwrite a change made between its read and
// its write. The sandbox (rfc: ETags, If-Match → 412) is real; another admin's PATCH is sent
// through its API just before our PUT leaves, so the PUT carries a stale ETag. The run must fail
// that user (the server refused), keep the other admin's change, and resume must then finish it
// from the fresh resource.

import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMAS, type ScimUser } from '../../../shared/scim';
import { executePlan, planDeactivation, resumeRun } from '../../../electron/core/deactivate';
import type { ScimClient } from '../../../electron/core/scim/types';
import { plainActiveUsers, tenant, type Tenant } from './support';

let t: Tenant | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** The client, with `beforePut` run just before each PUT goes to the server. */
function withHookBeforePut(client: ScimClient, beforePut: (id: string) => Promise<void>): ScimClient {
  return {
    ...client,
    get baseUrl() {
      return client.baseUrl;
    },
    replace: async (kind, id, body, opts) => {
      await beforePut(id);
      return client.replace(kind, id, body, opts);
    },
  } as ScimClient;
}

describe('PUT deactivation with a concurrent change', () => {
  it('is refused by If-Match, keeps the other change, and resume finishes from the fresh resource', async () => {
    t = await tenant('rfc');
    const [target] = plainActiveUsers(t.users);
    if (!target) throw new Error('seed has no plain user');
    const plan = await planDeactivation(t.client, { inputs: [target.id], method: 'put', vendor: 'rfc' });
    expect(plan.targets[0]?.request.method).toBe('PUT');

    const tenantHandle = t;
    let interfered = 0;
    const racing = withHookBeforePut(t.client, async (id) => {
      interfered += 1;
      // Another admin retitles the user between our GET and our PUT.
      await tenantHandle.client.patch('Users', id, { schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'title', value: 'Changed by someone else' }] });
    });
    const result = await executePlan(racing, plan, t.journal, { vendor: 'rfc' });
    expect(interfered).toBe(1);
    expect(result.done).toEqual([]);
    expect(result.failed.map((f) => f.id)).toEqual([target.id]);
    const puts = t.client.transport.log.entries().filter((e) => e.method === 'PUT');
    expect(puts.map((e) => e.status)).toEqual([412]);

    const kept = await t.client.get<ScimUser>('Users', target.id);
    expect(kept.title).toBe('Changed by someone else');
    expect(kept.active).toBe(true);

    // Resume re-reads the user and writes on top of the other admin's change, not over it.
    const resumed = await resumeRun(t.client, t.journal, {});
    expect(resumed.failed).toEqual([]);
    expect(resumed.done.map((d) => d.id)).toEqual([target.id]);
    const after = await t.client.get<ScimUser>('Users', target.id);
    expect(after).toMatchObject({ active: false, title: 'Changed by someone else', userName: target.userName });
  });
});

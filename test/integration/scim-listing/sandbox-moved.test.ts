// Resources that move between pages while a listing runs, on the sandbox tenant through its page
// hook (onPage). One user deleted and one added keeps totalResults unchanged, so only the page
// overlap can see that the tenant changed: the listing must then say complete:false (or be exact),
// never complete:true with a set that is not the tenant's.

import { beforeEach, describe, expect, it } from 'vitest';
import type { ListProgress } from '../../../shared/scim';
import { listResources } from '../../../electron/core/scim/listing';
import { expectExactOrFlagged, rfcTenant } from './rfc-tenant';

const USERS = 200;
const tenant = rfcTenant(USERS);
const MOVED = /moved between pages|tenant changed/;
beforeEach(() => tenant.sandbox.reset());

function newcomer(n: number): Record<string, unknown> {
  return { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: `moved-in-${n}`, userName: `moved.in.${n}@example.test`, active: true };
}

describe('a listing whose pages shift while it runs (one user out, one in: same total)', () => {
  it('a user of an earlier page deleted and one added at the end: not complete', async () => {
    let changedAt: ListProgress | null = null;
    const victim = tenant.sandbox.store.ids('Users')[2] as string;
    const out = await listResources(tenant.transport, 'Users', {
      pageSize: 50,
      concurrency: 1,
      onPage: (_rows, progress) => {
        if (changedAt) return;
        changedAt = progress;
        expect(tenant.sandbox.store.remove('Users', victim)).toBe(true);
        tenant.sandbox.store.insert('Users', newcomer(1));
      },
    });
    // The hook really changed the tenant after the first page, and the total did not move.
    expect(changedAt).toMatchObject({ pagesDone: 1 });
    expect(tenant.sandbox.store.count('Users')).toBe(USERS);
    expect(out.reportedTotal).toBe(USERS);
    // What was read is not the tenant: the deleted user was listed, so this cannot be complete.
    expect(out.Resources.map((r) => r.id)).toContain(victim);
    expect(out.complete).toBe(false);
    expectExactOrFlagged(out, tenant.sandbox, MOVED);
  });

  it('a user deleted ahead of the listing and one added behind it: exact or flagged', async () => {
    let changed = false;
    const out = await listResources(tenant.transport, 'Users', {
      pageSize: 40,
      concurrency: 1,
      onPage: (_rows, progress) => {
        if (changed || progress.pagesDone !== 2) return;
        changed = true;
        // Page 3 has not been fetched yet: its first user goes, a newcomer joins at the end.
        expect(tenant.sandbox.store.remove('Users', tenant.sandbox.store.ids('Users')[100] as string)).toBe(true);
        tenant.sandbox.store.insert('Users', newcomer(2));
      },
    });
    expect(changed).toBe(true);
    expect(out.reportedTotal).toBe(USERS);
    expectExactOrFlagged(out, tenant.sandbox, MOVED);
  });
});

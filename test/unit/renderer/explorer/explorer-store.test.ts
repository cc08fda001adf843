// The explorer store over the real core and sandbox: a listing streams page by page into the
// columnar table (several render ticks, not one), user rows get their groups from the groups
// listing, a cancelled listing keeps what arrived and says 'cancelled', and another operation's
// progress (an audit snapshot) shows up while it runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectorApi } from '../../../../shared/channels';
import { createExplorerStore } from '../../../../renderer/src/store/explorer';
import { realApi } from './real-api';

let api: InspectorApi;
let close: () => Promise<void>;
beforeAll(async () => ({ api, close } = await realApi(3000)));
afterAll(() => close());

describe('explorer store', () => {
  it('streams a listing into the table over several ticks and fills groups from members', async () => {
    const store = createExplorerStore(api, 'sandbox');
    const ticks = new Set<number>();
    const off = store.subscribe((s) => ticks.add(s.ticks.Users));
    await store.getState().load('Users');
    off();
    const s = store.getState();
    expect(s.listings.Users?.summary).toMatchObject({ count: 3000, complete: true });
    expect(s.tables.Users.size).toBe(3000);
    expect(s.listings.Users?.loaded).toBe(3000);
    expect(ticks.size).toBeGreaterThan(1);
    await store.getState().load('Groups');
    const all = store.getState().tables.Groups.resources.find((g) => g.displayName === 'All Staff');
    const member = Array.isArray(all?.members) ? String((all.members[0] as Record<string, unknown>).value) : '';
    const row = store.getState().tables.Users.rowOf.get(member) as number;
    expect(store.getState().tables.Users.cell(row, 'groups')).toContain('All Staff');
    expect(store.getState().logCounts.made).toBeGreaterThan(30);
    store.detach();
  });

  it('cancel stops a running listing and keeps what had arrived', async () => {
    const store = createExplorerStore(api, 'sandbox');
    const loading = store.getState().load('Users');
    await new Promise<void>((resolve) => {
      const off = store.subscribe((s) => {
        if ((s.listings.Users?.loaded ?? 0) > 0) {
          off();
          resolve();
        }
      });
    });
    await store.getState().cancel('Users');
    await loading;
    const listing = store.getState().listings.Users;
    expect(listing?.error?.code).toBe('cancelled');
    expect(listing?.running).toBe(false);
    expect(listing?.summary).toBeNull();
    expect(store.getState().tables.Users.size).toBeLessThan(3000);
    store.detach();
  });

  it("shows other operations' progress while they run", async () => {
    const store = createExplorerStore(api, 'sandbox');
    const labels = new Set<string>();
    const off = store.subscribe((s) => Object.values(s.operations).forEach((op) => labels.add(`${op.operationId}:${op.label}`)));
    const r = await api.audit.run({ profileId: 'sandbox', operationId: 'audit-op-1', snapshot: undefined, staleDays: undefined });
    off();
    expect(r.ok).toBe(true);
    expect([...labels].some((l) => l.startsWith('audit-op-1:Snapshot'))).toBe(true);
    store.detach();
  });
});

// A keystroke never queues behind the previous query's search in main (issue 15, the explorer at
// 1M): once the grid has asked rows for a newer query, work on an older one (its poll for the
// exact total, its neighbour blocks) stops at once and says how far it got, and the newer query
// and, later, the older one asked again are answered exactly. Through dispatch on the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableWindow } from '../../../shared/channels/table';
import { featureContext, value } from './features-context';

let t: Awaited<ReturnType<typeof featureContext>>;
// More rows than main looks at in its smallest step (1,024), so a stopped query cannot be exact.
const USERS = 4000;
beforeAll(async () => {
  t = await featureContext(USERS);
  value(await t.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'rows', pages: 'rows' }));
});
afterAll(() => t.close());

const win = async (input: Record<string, unknown>) => value<TableWindow>(await t.call('table.window', { profileId: 'sandbox', kind: 'Users', listId: 'rows', from: 0, count: 100, exact: false, ...input }));
/** Polls for the exact total the way the grid does (count 0, exact). */
const exactTotal = async (search: string): Promise<TableWindow> => {
  for (;;) {
    const w = await win({ search, count: 0, exact: true });
    if (w.exact) return w;
  }
};

describe('an older query yields to a newer one', () => {
  it('stops an older query’s poll once the grid asked rows for a newer one, and finishes each when asked', async () => {
    // Every sandbox user's userName ends in @acme.example: the older query's total is every row.
    const older = 'acme';
    const newer = 'ana';
    expect((await win({ search: newer })).rows.length).toBe(100);
    const stopped = await win({ search: older, count: 0, exact: true });
    // No row was looked at for it: it says so (not exact, none found yet) and leaves main free.
    expect(stopped).toMatchObject({ exact: false, total: 0, rows: [] });

    // The newer query is answered exactly; asked again, so is the older one.
    const n = await exactTotal(newer);
    expect(n.total).toBeGreaterThan(100);
    expect(n.total).toBeLessThan(USERS);
    expect((await win({ search: older })).rows.length).toBe(100);
    expect(await exactTotal(older)).toMatchObject({ exact: true, total: USERS });
  });
});

// Which call supersedes which in main (issue 15, the explorer at 1M): a grid names its view and its
// query's generation (turn), so an older call of the same view arriving late (calls on different
// connections overtake each other) does no work and takes nothing from the newer query, and one
// view's keystroke never stops another view's count. Through dispatch on the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableWindow } from '../../../shared/channels/table';
import { featureContext, value } from './features-context';

let t: Awaited<ReturnType<typeof featureContext>>;
// More rows than main looks at in its smallest step (1,024), so a stopped query cannot be exact.
const USERS = 4000;
beforeAll(async () => {
  t = await featureContext(USERS);
  value(await t.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'turns', pages: 'rows' }));
});
afterAll(() => t.close());

const win = async (input: Record<string, unknown>) => value<TableWindow>(await t.call('table.window', { profileId: 'sandbox', kind: 'Users', listId: 'turns', from: 0, count: 100, exact: false, ...input }));
/** Polls for the exact total the way the grid does (count 0, exact), at most `calls` times. */
async function poll(search: string, turn: { view: string; generation: number }, calls = 200): Promise<TableWindow> {
  let w = await win({ search, count: 0, exact: true, turn });
  for (let i = 1; i < calls && !w.exact; i++) w = await win({ search, count: 0, exact: true, turn });
  return w;
}

describe('a view’s calls yield only to its own newer queries', () => {
  it('an older call of the view arriving after a newer one does no work and does not stop the newer query’s count', async () => {
    await win({ search: 'mar', turn: { view: 'grid-a', generation: 2 } });
    // The previous keystroke's block, overtaken on the wire: nothing is looked at for it.
    const late = await win({ search: 'ma', from: 100, turn: { view: 'grid-a', generation: 1 } });
    expect(late).toMatchObject({ exact: false, total: 0, rows: [] });
    const counted = await poll('mar', { view: 'grid-a', generation: 2 });
    expect(counted.exact).toBe(true);
    expect(counted.total).toBeGreaterThan(100);
    expect(counted.total).toBeLessThan(USERS);
  });

  it('another view’s keystroke does not stop this view’s count, nor this view’s theirs', async () => {
    await win({ search: 'ana', turn: { view: 'grid-b', generation: 1 } });
    await win({ search: 'acme', turn: { view: 'picker', generation: 7 } });
    const b = await poll('ana', { view: 'grid-b', generation: 1 });
    expect(b.exact).toBe(true);
    expect(b.total).toBeLessThan(USERS);
    expect(await poll('acme', { view: 'picker', generation: 7 })).toMatchObject({ exact: true, total: USERS });
  });

  it('refuses a turn that is not a view name and a generation', async () => {
    const bad = await t.call('table.window', { profileId: 'sandbox', kind: 'Users', listId: 'turns', turn: { view: 'a b', generation: 1 } });
    expect(bad.ok).toBe(false);
    const negative = await t.call('table.window', { profileId: 'sandbox', kind: 'Users', listId: 'turns', turn: { view: 'a', generation: -1 } });
    expect(negative.ok).toBe(false);
  });
});

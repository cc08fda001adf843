// The status bar and the Request log page show one request count, main's: a window opened (or
// reloaded) after calls were made counts them too, and the count follows each new call. Before,
// the status bar counted only the events its own store had received (25 beside 468 on the page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectorApi } from '../../../../shared/channels';
import { createExplorerStore, type ExplorerStore } from '../../../../renderer/src/store/explorer';
import { describeCounts } from '../../../../renderer/src/store/log-counts';
import { realApi } from './real-api';

let api: InspectorApi;
let close: () => Promise<void>;
beforeAll(async () => ({ api, close } = await realApi(600)));
afterAll(() => close());

async function mainCounts() {
  const r = await api.requestLog.counts({ profileId: 'sandbox' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Resolves once the store holds main's current count. */
async function settled(store: ExplorerStore): Promise<void> {
  await store.getState().refreshLogCounts();
  const made = (await mainCounts()).made;
  await new Promise<void>((resolve) => {
    const check = () => store.getState().logCounts.made === made && (off(), resolve());
    const off = store.subscribe(check);
    check();
  });
}

describe('request counts', () => {
  it('a store opened after calls were made shows main’s count, and both follow new calls', async () => {
    const first = createExplorerStore(api, 'sandbox');
    await first.getState().load('Users');
    await settled(first);
    const made = first.getState().logCounts.made;
    expect(made).toBeGreaterThan(1);

    // A reloaded window: its store has received no event, yet it counts the calls already made.
    const reloaded = createExplorerStore(api, 'sandbox');
    await settled(reloaded);
    expect(reloaded.getState().logCounts).toEqual(await mainCounts());
    expect(reloaded.getState().logCounts.made).toBe(made);

    await reloaded.getState().load('Groups');
    await settled(first);
    await settled(reloaded);
    const now = await mainCounts();
    expect(now.made).toBeGreaterThan(made);
    expect(first.getState().logCounts).toEqual(now);
    expect(reloaded.getState().logCounts).toEqual(now);
    expect(now.held).toBe(now.made);
    first.detach();
    reloaded.detach();
  });

  it('says how many the log still keeps once it dropped the oldest', () => {
    expect(describeCounts({ made: 468, held: 468, capacity: 2000 }, 'request')).toBe('468 requests this session');
    expect(describeCounts({ made: 2468, held: 2000, capacity: 2000 }, 'request')).toBe('2468 requests this session · the log keeps the last 2000');
    expect(describeCounts({ made: 1, held: 1, capacity: 2000 }, 'request')).toBe('1 request this session');
  });
});

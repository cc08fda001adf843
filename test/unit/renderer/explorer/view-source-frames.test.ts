// The grid renders at most once per animation frame for rows arriving from main (issue 15, a
// keystroke at 1M): the first answer in a frame is told at once (a keystroke's rows are never held
// back), later ones in the same frame together after the next paint (the task after the frame),
// never inside it. Main's answers are released by hand and frames are run by hand, so the count
// of notifications is exact, not a timing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InspectorApi } from '../../../../shared/channels';
import type { TableRow } from '../../../../shared/channels/table';
import { ViewSource } from '../../../../renderer/src/store/view-source';

interface Call {
  from: number;
  count: number;
  exact: boolean;
  answer(total: number): void;
}

function fakeMain(): { api: InspectorApi; calls: Call[] } {
  const calls: Call[] = [];
  const window = (input: { listId: string; from: number; count: number; exact: boolean }) =>
    new Promise((resolve) => {
      calls.push({
        ...input,
        answer: (total) => {
          const rows: TableRow[] = Array.from({ length: Math.max(0, Math.min(input.count, total - input.from)) }, (_, i) => ({ id: `u${input.from + i}`, cells: [] }));
          resolve({ ok: true, value: { listId: input.listId, rows, total, exact: true, size: total, loading: false } });
        },
      });
    });
  return { api: { table: { window } } as unknown as InspectorApi, calls };
}

afterEach(() => vi.unstubAllGlobals());

/** Animation frames run by hand: the returned function runs a frame, then the tasks it queued (what runs after its paint). */
function framesByHand(): () => Promise<void> {
  const frames: (() => void)[] = [];
  vi.stubGlobal('requestAnimationFrame', (work: () => void) => frames.push(work));
  return async () => {
    for (const work of frames.splice(0)) work();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
}

describe('view source notifications', () => {
  it('tells the grid once per animation frame: the first answer at once, the rest after the next paint', async () => {
    const runFrame = framesByHand();
    const { api, calls } = fakeMain();
    const source = new ViewSource(api, 'p', 'Users');
    let told = 0;
    source.subscribe(() => (told += 1));
    source.setQuery({ listId: 'L', search: '', sort: null, tick: 0, attributes: [] });
    expect(calls.map((c) => c.from)).toEqual([0]);
    calls.splice(0).forEach((c) => c.answer(5000));
    await vi.waitFor(() => expect(told).toBe(1));
    expect(source.getSnapshot()).toMatchObject({ total: 5000, exact: true });
    // The rows paint; then (and only then) the blocks beside them are asked: 1, 2 and 3.
    await runFrame();
    expect(told).toBe(1);
    expect(calls.map((c) => c.from)).toEqual([100, 200, 300]);
    calls.splice(0).forEach((c) => c.answer(5000));
    await vi.waitFor(() => expect(source.row(300)?.id).toBe('u300'));
    await runFrame();
    await runFrame();
    told = 0;

    // Five blocks further down answer within the same frame: one render, at the next frame.
    source.need(600, 620);
    expect(calls.map((c) => c.from).sort((a, b) => a - b)).toEqual([500, 600, 700, 800, 900]);
    const version = source.getSnapshot().version;
    calls.splice(0).forEach((c) => c.answer(5000));
    await vi.waitFor(() => expect(source.row(900)?.id).toBe('u900'));
    // The snapshot is current at once (a render in between reads it whole); the grid is told later.
    expect(source.getSnapshot().version).toBe(version + 5);
    expect(told).toBe(1);
    await runFrame();
    expect(told).toBe(2);
    await runFrame();
    await runFrame();
    expect(told).toBe(2);
  });

  it('asks the blocks beside a new query’s rows only after those rows have painted, however often the grid asks', async () => {
    // The grid calls need() on every publish. Blocks asked in the task that renders a keystroke's
    // rows cost that task their requests and delayed the frame that paints the rows (measured: three
    // requests before the frame, on every keystroke of the 1M bench).
    const runFrame = framesByHand();
    const { api, calls } = fakeMain();
    const source = new ViewSource(api, 'p', 'Users');
    source.subscribe(() => source.need(0, 40));
    const query = { listId: 'L', search: '', sort: null, tick: 0, attributes: [] };
    source.setQuery(query);
    calls.splice(0).forEach((c) => c.answer(5000));
    await runFrame();
    calls.splice(0).forEach((c) => c.answer(5000));
    await runFrame();
    calls.splice(0);

    source.setQuery({ ...query, search: 'a' });
    expect(calls.map((c) => c.from)).toEqual([0]);
    calls.splice(0).forEach((c) => c.answer(5000));
    await vi.waitFor(() => expect(source.getSnapshot().shown?.search).toBe('a'));
    source.need(0, 40);
    // Shown, not yet painted: nothing beside the rows on screen has been asked.
    expect(calls).toEqual([]);
    await runFrame();
    expect(calls.filter((c) => c.count > 0).map((c) => c.from)).toEqual([100, 200, 300]);
  });
});

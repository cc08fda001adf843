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

describe('view source notifications', () => {
  it('tells the grid once per animation frame: the first answer at once, the rest after the next paint', async () => {
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (work: () => void) => frames.push(work));
    /** A frame, then the tasks queued by it (what runs after its paint). */
    const runFrame = async () => {
      for (const work of frames.splice(0)) work();
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    const { api, calls } = fakeMain();
    const source = new ViewSource(api, 'p', 'Users');
    let told = 0;
    source.subscribe(() => (told += 1));
    source.setQuery({ listId: 'L', search: '', sort: null, tick: 0, attributes: [] });
    expect(calls.map((c) => c.from)).toEqual([0]);
    calls.splice(0).forEach((c) => c.answer(5000));
    await vi.waitFor(() => expect(told).toBe(1));
    expect(source.getSnapshot()).toMatchObject({ total: 5000, exact: true });

    // Five blocks further down answer within the same frame: one render, at the next frame.
    source.need(300, 320);
    expect(calls.map((c) => c.from).sort((a, b) => a - b)).toEqual([200, 300, 400, 500, 600]);
    const version = source.getSnapshot().version;
    calls.splice(0).forEach((c) => c.answer(5000));
    await vi.waitFor(() => expect(source.row(600)?.id).toBe('u600'));
    // The snapshot is current at once (a render in between reads it whole); the grid is told later.
    expect(source.getSnapshot().version).toBe(version + 5);
    expect(told).toBe(1);
    await runFrame();
    expect(told).toBe(2);
    await runFrame();
    await runFrame();
    expect(told).toBe(2);
  });
});

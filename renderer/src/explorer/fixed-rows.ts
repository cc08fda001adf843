// Which rows of a fixed-height grid are on screen (issue 15, the explorer at 1M). Row i sits at
// i × rowHeight, so the rows in view follow from the scroll position alone: O(rows on screen),
// whatever the view's size. The general virtualiser it replaces rebuilt a table of every row's
// position (2 × count numbers, plus a key per row) each time the count changed — on every
// keystroke of a search over a million users — and read layout in the middle of a scroll frame.

import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export interface RowRange {
  /** First row to render (overscan included). */
  from: number;
  /** One past the last row to render. */
  to: number;
}

/** Rows [from, to) to render for a viewport at `top` of `height` px, `overscan` rows either side. */
export function rowsInView(top: number, height: number, count: number, rowHeight: number, overscan: number): RowRange {
  const first = Math.floor(Math.max(0, top) / rowHeight);
  const last = Math.ceil((Math.max(0, top) + Math.max(0, height)) / rowHeight);
  const from = Math.min(count, Math.max(0, first - overscan));
  return { from, to: Math.max(from, Math.min(count, last + overscan)) };
}

/** The scrollTop that brings row `index` into view with the least movement (none if it is). */
export function scrollTopFor(index: number, top: number, height: number, rowHeight: number): number {
  const start = index * rowHeight;
  if (start < top) return start;
  if (start + rowHeight > top + height) return Math.max(0, start + rowHeight - height);
  return top;
}

interface Viewport {
  /** First row whose top is at or above the scroll position (state changes only when it does). */
  row: number;
  height: number;
}

export interface FixedRows extends RowRange {
  totalSize: number;
  scrollToIndex(index: number): void;
}

/**
 * The rows of `count` to render in the scroller `ref`. The grid renders again only when the first
 * row in view or the viewport's height changes, not on every scroll event.
 */
export function useFixedRows(ref: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number): FixedRows {
  const [view, setView] = useState<Viewport>({ row: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = (): void => {
      const next = { row: Math.floor(el.scrollTop / rowHeight), height: el.clientHeight };
      setView((v) => (v.row === next.row && v.height === next.height ? v : next));
    };
    // Rendered before this frame paints: a scroll's rows left to a later task would paint blank.
    const scrolled = (): void => flushSync(read);
    read();
    el.addEventListener('scroll', scrolled, { passive: true });
    // jsdom has no ResizeObserver; there the viewport keeps its first height.
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', scrolled);
      resize?.disconnect();
    };
  }, [ref, rowHeight]);
  // One row more at the bottom: the first row in view may be partly scrolled out.
  const range = rowsInView(view.row * rowHeight, view.height + rowHeight, count, rowHeight, overscan);
  const scrollToIndex = useCallback(
    (index: number) => {
      const el = ref.current;
      if (el) el.scrollTop = scrollTopFor(index, el.scrollTop, el.clientHeight, rowHeight);
    },
    [ref, rowHeight],
  );
  return { ...range, totalSize: count * rowHeight, scrollToIndex };
}

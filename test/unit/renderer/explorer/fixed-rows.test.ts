// The grid's rows on screen follow from the scroll position alone (issue 15, the explorer at 1M):
// the same few rows at any view size, and keyboard moves scroll only as far as needed.
import { describe, expect, it } from 'vitest';
import { rowsInView, scrollTopFor } from '../../../../renderer/src/explorer/fixed-rows';

describe('rows in view of a fixed-height grid', () => {
  it('renders the rows under the viewport and the overscan, whatever the view holds', () => {
    expect(rowsInView(0, 280, 1_000_000, 28, 8)).toEqual({ from: 0, to: 18 });
    expect(rowsInView(28 * 500_000, 280, 1_000_000, 28, 8)).toEqual({ from: 499_992, to: 500_018 });
    // Scrolled to the end: nothing past the last row.
    expect(rowsInView(28 * 999_990, 280, 1_000_000, 28, 8)).toEqual({ from: 999_982, to: 1_000_000 });
  });

  it('stops at the view’s size when the view shrank under the scroll position (a narrower search)', () => {
    expect(rowsInView(28 * 5000, 280, 12, 28, 8)).toEqual({ from: 12, to: 12 });
    expect(rowsInView(0, 280, 3, 28, 8)).toEqual({ from: 0, to: 3 });
    expect(rowsInView(0, 280, 0, 28, 8)).toEqual({ from: 0, to: 0 });
  });

  it('a viewport not laid out yet (no height) still renders the overscan from the top', () => {
    expect(rowsInView(0, 0, 100, 28, 8)).toEqual({ from: 0, to: 8 });
  });
});

describe('scrolling a row into view', () => {
  it('leaves a row already in view where it is, and otherwise moves by the least', () => {
    expect(scrollTopFor(5, 0, 280, 28)).toBe(0);
    // Below the viewport: its bottom edge comes to the viewport's bottom.
    expect(scrollTopFor(10, 0, 280, 28)).toBe(28);
    // Above: its top comes to the viewport's top.
    expect(scrollTopFor(3, 280, 280, 28)).toBe(84);
  });
});

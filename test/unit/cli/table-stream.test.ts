// The streamed human table (table-stream.ts): columns sized from what has been seen, a new block
// with the header again when a page holds a wider cell, and no cell cut that the collected table
// (every row at once, columns capped at MAX_CELL) would have kept whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CELL, TableBlocks } from '../../../electron/host/cli/table-stream';

const HEADERS = ['id', 'name', 'n'];
/** What the collected table showed of a cell: whole up to MAX_CELL, else cut with "…". */
const shown = (c: string): string => (c.length > MAX_CELL ? `${c.slice(0, MAX_CELL - 1)}…` : c);

describe('TableBlocks', () => {
  it('sizes columns from the first page and starts a block with the header when a later cell is wider', () => {
    const t = new TableBlocks(HEADERS);
    expect(t.page([['u1', 'Ann', '1'], ['u2', 'Bo', '22']])).toBe('id  name  n\nu1  Ann   1\nu2  Bo    22\n');
    // Fits: no header again.
    expect(t.page([['u3', 'Cy', '3']])).toBe('u3  Cy    3\n');
    // "Dorothea" is wider than 4: the name column grows to max(8, 4 × 1.5) = 8.
    expect(t.page([['u4', 'Dorothea', '4']])).toBe('\nid  name      n\nu4  Dorothea  4\n');
    expect(t.count).toBe(4);
    expect(t.end()).toBe('');
  });

  it('cuts only past MAX_CELL, as the collected table did, and shows the header of an empty listing', () => {
    const t = new TableBlocks(HEADERS);
    const long = 'x'.repeat(MAX_CELL + 10);
    expect(t.page([['u1', long, '1']]).split('\n')[1]).toBe(`u1  ${shown(long)}  1`);
    expect(new TableBlocks(HEADERS).end()).toBe('id  name  n\n');
    expect(new TableBlocks(HEADERS).page([])).toBe('');
  });

  it('for any pages: every row once, in order, each cell as the collected table showed it, aligned within its block, few blocks', () => {
    const cell = fc.stringMatching(/^[a-z0-9]{1,70}$/);
    const row = fc.tuple(cell, cell, cell);
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 20 }), { maxLength: 30 }), (pages) => {
        const t = new TableBlocks(HEADERS);
        const text = pages.map((p) => t.page(p)).join('') + t.end();
        const blocks = text.trimEnd().split('\n\n');
        const rows = pages.flat();
        const lines = blocks.flatMap((b) => b.split('\n').slice(1));
        expect(lines.map((l) => l.split(/\s+/))).toEqual(rows.map((r) => r.map(shown)));
        for (const b of blocks) {
          const [header = '', ...body] = b.split('\n');
          // Where the header's second and third columns start; every row's cells start there too.
          const starts = [header.indexOf('name'), header.lastIndexOf(' n') + 1];
          for (const l of body) for (const at of starts) expect([l[at - 1], l[at] !== ' ']).toEqual([' ', true]);
        }
        // Each column widens by half at least each time, up to MAX_CELL: a handful of blocks.
        expect(blocks.length).toBeLessThanOrEqual(1 + 3 * Math.ceil(Math.log(MAX_CELL) / Math.log(1.5)));
      }),
    );
  });
});

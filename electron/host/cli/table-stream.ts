// The human table of `users list` / `groups list`, written a page at a time (issue 15: memory stays
// flat at any tenant size; only the column widths are kept). A column is as wide as its widest cell
// seen so far, capped at MAX_CELL as the collected table was. A page holding a wider cell starts a
// new block (a blank line and the header again) with that column widened — by half again at least,
// so a tenant's slowly growing names make a few blocks, not one a page. So no cell is cut that the
// collected table would not have cut, and each block's columns line up.

/** The widest a column gets; longer cells end in "…" (as in every human table of the CLI). */
export const MAX_CELL = 48;

export class TableBlocks {
  private widths: number[] | null = null;
  private rowsWritten = 0;

  constructor(private readonly headers: readonly string[]) {}

  /** Rows written so far. */
  get count(): number {
    return this.rowsWritten;
  }

  /** The text for a page's rows: the rows, after a header when they start a block ('' for none). */
  page(rows: readonly (readonly string[])[]): string {
    if (rows.length === 0) return '';
    const need = this.headers.map((h, i) => Math.min(MAX_CELL, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
    let head = '';
    if (this.widths === null) {
      this.widths = need;
      head = `${this.line(this.headers)}\n`;
    } else if (need.some((w, i) => w > (this.widths?.[i] ?? 0))) {
      this.widths = this.widths.map((old, i) => ((need[i] ?? 0) > old ? Math.min(MAX_CELL, Math.max(need[i] ?? 0, Math.ceil(old * 1.5))) : old));
      head = `\n${this.line(this.headers)}\n`;
    }
    this.rowsWritten += rows.length;
    return `${head}${rows.map((r) => this.line(r)).join('\n')}\n`;
  }

  /** The header alone when no row was written (an empty listing still shows its columns). */
  end(): string {
    return this.widths === null ? `${this.headers.join('  ')}\n` : '';
  }

  private line(cells: readonly string[]): string {
    const widths = this.widths ?? [];
    return cells
      .map((c, i) => {
        const w = widths[i] ?? 0;
        return c.length > w ? `${c.slice(0, Math.max(0, w - 1))}…` : c.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  }
}

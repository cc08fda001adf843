// The virtualised users/groups table: only the visible rows exist in the DOM, the row list is a
// view (search + sort) over the columnar table, recomputed only when the data tick, the query or
// the sort changes. Keyboard: ↑/↓ move, Enter opens, Ctrl/Cmd+F searches, Ctrl/Cmd+R reloads,
// Esc closes the detail pane.

import { memo, useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ResourceKind } from '../../../shared/scim';
import { COLUMN_LABELS, type Column } from '../store/columns';
import { useExplorer, useScope, useUi } from '../store/context';
import { SearchCursor, type ResourceTable } from '../store/table';

const ROW_HEIGHT = 28;
const SORT_EVERY_TICKS = 12;
const WIDTHS: Partial<Record<Column, string>> = { active: '4.5rem', members: '6rem', lastModified: '12rem' };

function gridTemplate(columns: readonly Column[]): string {
  return ['2rem', ...columns.map((c) => WIDTHS[c] ?? 'minmax(8rem, 1fr)')].join(' ');
}

export function useRows(kind: ResourceKind): Int32Array {
  const table = useExplorer((s) => s.tables[kind]);
  const tick = useExplorer((s) => s.ticks[kind]);
  const search = useUi((s) => s.search[kind]);
  const sort = useUi((s) => s.sort[kind]);
  const running = useExplorer((s) => s.listings[kind]?.running === true);
  const searcher = useRef(new SearchCursor());
  // The tick is the change signal: the table object is mutated in place as pages arrive. While a
  // listing streams in, a sorted view is re-sorted about once a second rather than on every tick
  // (a 100k-row sort per tick would stall the page); it is exact again when the listing ends.
  const sortTick = running ? Math.floor(tick / SORT_EVERY_TICKS) : tick;
  const order = useMemo(() => (sort ? table.sortOrder(sort.column, sort.dir) : null), [table, sortTick, running, sort]);
  return useMemo(() => searcher.current.view(table, search, order), [table, tick, search, order]);
}

interface GridRowProps {
  kind: ResourceKind;
  table: ResourceTable;
  /** The table's change tick: a row re-renders when its data may have changed. */
  tick: number;
  index: number;
  row: number;
  start: number;
  template: string;
  columns: readonly Column[];
  cursor: boolean;
  open: boolean;
  checked: boolean;
}

// Memoised: while scrolling, rows that stay on screen keep their props and skip rendering, so a
// frame only renders the rows that scrolled in.
const GridRow = memo(function GridRow({ kind, table, index, row, start, template, columns, cursor, open, checked }: GridRowProps) {
  const { ui } = useScope();
  const id = table.ids[row] as string;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={open}
      className={`grid-row${cursor ? ' cursor' : ''}${open ? ' open' : ''}`}
      style={{ transform: `translateY(${start}px)`, gridTemplateColumns: template }}
      onClick={() => {
        ui.getState().setCursor(kind, index);
        ui.getState().open(kind, id);
      }}
    >
      <span role="gridcell" onClick={(e) => e.stopPropagation()}>
        {kind === 'Users' && <input type="checkbox" aria-label={`Select ${table.cell(row, 'userName')}`} checked={checked} onChange={() => ui.getState().toggleChecked(id)} />}
      </span>
      {columns.map((c) => (
        <span role="gridcell" key={c} title={table.cell(row, c)}>
          {table.cell(row, c)}
        </span>
      ))}
    </div>
  );
});

export function ResourceGrid({ kind, rows, onReload }: { kind: ResourceKind; rows: Int32Array; onReload(): void }) {
  const { ui } = useScope();
  const table = useExplorer((s) => s.tables[kind]);
  const tick = useExplorer((s) => s.ticks[kind]);
  const columns = useUi((s) => s.columns[kind]);
  const sort = useUi((s) => s.sort[kind]);
  const cursor = useUi((s) => s.cursor[kind]);
  const checked = useUi((s) => s.checked);
  const detail = useUi((s) => s.detail);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const template = gridTemplate(columns);

  const latest = useRef({ rows, cursor, onReload });
  latest.current = { rows, cursor, onReload };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { rows: r, cursor: c } = latest.current;
      const mod = e.ctrlKey || e.metaKey;
      const inField = e.target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName);
      if (mod && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        document.getElementById(`search-${kind}`)?.focus();
      } else if (mod && e.key.toLowerCase() === 'r') {
        e.preventDefault();
        latest.current.onReload();
      } else if (e.key === 'Escape') {
        // Esc inside a form in the detail pane (an edit in progress) belongs to that form.
        if (!(inField && e.target instanceof HTMLElement && e.target.closest('.detail'))) ui.getState().close();
      } else if (!inField && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        e.preventDefault();
        const next = Math.min(Math.max(0, c + (e.key === 'ArrowDown' ? 1 : -1)), Math.max(0, r.length - 1));
        ui.getState().setCursor(kind, next);
        virtualizer.scrollToIndex(next);
      } else if (e.key === 'Enter' && (!inField || (e.target as HTMLElement).id === `search-${kind}`)) {
        const row = r[c];
        if (row !== undefined) ui.getState().open(kind, table.ids[row] as string);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [kind, table, ui, virtualizer]);

  return (
    <div className="grid" role="grid" aria-label={kind} aria-rowcount={rows.length + 1} data-testid={`grid-${kind}`}>
      <div className="grid-head" role="row" style={{ gridTemplateColumns: template }}>
        <span role="columnheader" aria-label="Selected" />
        {columns.map((c) => (
          <button
            key={c}
            role="columnheader"
            className="col-head"
            aria-sort={sort?.column === c ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
            onClick={() => ui.getState().toggleSort(kind, c)}
          >
            {COLUMN_LABELS[c]}
            {sort?.column === c ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
          </button>
        ))}
      </div>
      <div className="grid-body" ref={scroller} data-testid={`scroller-${kind}`}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] as number;
            const id = table.ids[row] as string;
            return (
              <GridRow
                key={item.key}
                kind={kind}
                table={table}
                tick={tick}
                index={item.index}
                row={row}
                start={item.start}
                template={template}
                columns={columns}
                cursor={item.index === cursor}
                open={detail?.kind === kind && detail.id === id}
                checked={checked.has(id)}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

// The virtualised users/groups table: only the visible rows exist in the DOM, the row list is a
// view (search + sort) over the columnar table, recomputed only when the data tick, the query or
// the sort changes. Keyboard: ↑/↓ move, Enter opens, Space selects the row, Ctrl/Cmd+A selects
// every row of the view, Ctrl/Cmd+F searches, Ctrl/Cmd+R reloads, Esc closes the detail pane.
// Selection: a row's checkbox, shift-click for a range (from the last single toggle), the header
// checkbox for the whole view.

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
  onCheck(index: number, id: string, range: boolean): void;
}

// Memoised: while scrolling, rows that stay on screen keep their props and skip rendering, so a
// frame only renders the rows that scrolled in.
const GridRow = memo(function GridRow({ kind, table, index, row, start, template, columns, cursor, open, checked, onCheck }: GridRowProps) {
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
        <input
          type="checkbox"
          aria-label={`Select ${table.cell(row, kind === 'Users' ? 'userName' : 'displayName') || id}`}
          checked={checked}
          // onClick (not onChange) so a shift-click can select the range up to here.
          onClick={(e) => onCheck(index, id, e.shiftKey)}
          onChange={() => undefined}
        />
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
  const checked = useUi((s) => s.checked[kind]);
  const detail = useUi((s) => s.detail);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const template = gridTemplate(columns);

  const latest = useRef({ rows, cursor, onReload });
  latest.current = { rows, cursor, onReload };
  const idsOf = (from: number, to: number): string[] => {
    const out: string[] = [];
    for (let i = Math.max(0, from); i <= Math.min(to, latest.current.rows.length - 1); i++) out.push(table.ids[latest.current.rows[i] as number] as string);
    return out;
  };
  const onCheck = (index: number, id: string, range: boolean): void => {
    const state = ui.getState();
    const anchor = state.anchor[kind];
    if (range && anchor !== null) {
      // The range takes the state the clicked row is about to get.
      state.checkMany(kind, idsOf(Math.min(anchor, index), Math.max(anchor, index)), !state.checked[kind].has(id));
    } else {
      state.toggleChecked(kind, id, index);
    }
  };
  const checkRef = useRef(onCheck);
  checkRef.current = onCheck;
  // Stable for the memoised rows; it always reads the latest view.
  const stableCheck = useMemo(() => (index: number, id: string, range: boolean) => checkRef.current(index, id, range), []);
  const inView = useMemo(() => {
    let n = 0;
    for (let i = 0; i < rows.length; i++) if (checked.has(table.ids[rows[i] as number] as string)) n++;
    return n;
  }, [rows, checked, table, tick]);
  const headBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (headBox.current) headBox.current.indeterminate = inView > 0 && inView < rows.length;
  }, [inView, rows.length]);
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
      } else if (mod && !inField && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        ui.getState().checkMany(kind, idsOf(0, r.length - 1), true);
      } else if (!inField && e.key === ' ' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        const row = r[c];
        if (row !== undefined) ui.getState().toggleChecked(kind, table.ids[row] as string, c);
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
        <span role="columnheader">
          <input
            ref={headBox}
            type="checkbox"
            aria-label={`Select all ${rows.length} ${kind === 'Users' ? 'users' : 'groups'} in view`}
            checked={rows.length > 0 && inView === rows.length}
            onChange={() => ui.getState().checkMany(kind, idsOf(0, rows.length - 1), inView < rows.length)}
          />
        </span>
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
                onCheck={stableCheck}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

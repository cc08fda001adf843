// The virtualised users/groups table: only the visible rows exist in the DOM, and only the blocks
// of rows around them are held: they are asked from main's index of the listing for the current
// search and sort (issue 15), so a million users never sit in the renderer. Keyboard: ↑/↓ move,
// Enter opens, Space selects the row, Ctrl/Cmd+A selects every row of the view, Ctrl/Cmd+F searches, Ctrl/Cmd+R reloads, Esc closes the detail pane.
// Selection: a row's checkbox, shift-click for a range (from the last single toggle), the header
// checkbox for the whole view.

import { memo, useEffect, useMemo, useRef } from 'react';
import type { TableRow } from '../../../shared/channels/table';
import type { ResourceKind } from '../../../shared/scim';
import type { ColumnId } from '../store/columns';
import { cellOf, gridTemplate } from '../store/column-layout';
import { ColumnHeader } from './ColumnHeader';
import './columns.css';
import { useScope, useUi } from '../store/context';
import type { GridView } from './view';
import { DateTime, isIsoDateTime } from '../frame/DateTime';
import { ActiveCell } from './ActiveState';
import { isSelected, type SelectionOverride } from '../../../shared/selection';
import { useFixedRows } from './fixed-rows';

const ROW_HEIGHT = 28;

interface GridRowProps {
  kind: ResourceKind;
  /** The row from main's index; undefined while its block is on its way. */
  row: TableRow | undefined;
  index: number;
  start: number;
  template: string;
  columns: readonly ColumnId[];
  cursor: boolean;
  open: boolean;
  checked: boolean;
  onCheck(index: number, id: string, range: boolean, checked: boolean): void;
}

// Memoised: while scrolling, rows that stay on screen keep their props and skip rendering, so a
// frame only renders the rows that scrolled in.
const GridRow = memo(function GridRow({ kind, row, index, start, template, columns, cursor, open, checked, onCheck }: GridRowProps) {
  const { ui } = useScope();
  const cell = (c: ColumnId): string => cellOf(kind, columns, row, c);
  const id = row?.id;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={open}
      aria-busy={row ? undefined : true}
      className={`grid-row${cursor ? ' cursor' : ''}${open ? ' open' : ''}`}
      style={{ transform: `translateY(${start}px)`, gridTemplateColumns: template }}
      onClick={() => {
        ui.getState().setCursor(kind, index);
        if (id !== undefined) ui.getState().open(kind, id);
      }}
    >
      <span role="gridcell" onClick={(e) => e.stopPropagation()}>
        {id !== undefined && (
          <input
            type="checkbox"
            aria-label={`Select ${cell(kind === 'Users' ? 'userName' : 'displayName') || id}`}
            checked={checked}
            // onClick (not onChange) so a shift-click can select the range up to here.
            onClick={(e) => onCheck(index, id, e.shiftKey, checked)}
            onChange={() => undefined}
          />
        )}
      </span>
      {columns.map((c) => (
        <span role="gridcell" key={c} title={c === 'lastModified' && isIsoDateTime(cell(c)) ? undefined : cell(c)}>
          {c === 'lastModified' && isIsoDateTime(cell(c)) ? <DateTime iso={cell(c)} /> : c === 'active' ? <ActiveCell text={cell(c)} /> : cell(c)}
        </span>
      ))}
    </div>
  );
});

export function ResourceGrid({ kind, view, inView, onReload }: { kind: ResourceKind; view: GridView; inView: number | null; onReload(): void }) {
  const { ui } = useScope();
  const columns = useUi((s) => s.columns[kind]);
  const widths = useUi((s) => s.widths[kind]);
  const cursor = useUi((s) => s.cursor[kind]);
  const selection = useUi((s) => s.selection[kind]);
  // Rows toggled by hand, by id (the selection's exceptions; whole views stay in main).
  const overrides = useMemo(() => new Map<string, SelectionOverride>(selection.overrides.map((o) => [o.id, o])), [selection.overrides]);
  const checkedRow = (row: TableRow | undefined): boolean => row !== undefined && isSelected(selection, row.id, row.part ?? -1, overrides.get(row.id));
  const detail = useUi((s) => s.detail);
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const { source, total } = view;
  // Rows are ROW_HEIGHT tall (app.css): the rows on screen follow from the scroll position.
  const { from: first, to: last, totalSize, scrollToIndex } = useFixedRows(scroller, total, ROW_HEIGHT, 8);
  const template = gridTemplate(columns, widths);
  // The blocks holding the rows on screen (and the overscan) are asked from main.
  useEffect(() => source.need(first, last), [source, first, last, view.version]);

  const latest = useRef({ total, cursor, onReload });
  latest.current = { total, cursor, onReload };
  /** Main reads a part of the selection (a range, the whole view) from the view; the ids stay there. */
  const selectPart = (from: number, to: number | null, value: boolean): void =>
    void source.select(from, to, value, ui.getState().selection[kind]).then((read) => read && ui.getState().addPart(kind, read.listId, read.part, read.restart));
  const onCheck = (index: number, id: string, range: boolean, checked: boolean): void => {
    const state = ui.getState();
    const anchor = state.anchor[kind];
    // The range takes the state the clicked row is about to get.
    if (range && anchor !== null) selectPart(Math.min(anchor, index), Math.max(anchor, index) + 1, !checked);
    else state.toggleChecked(kind, id, !checked, index);
  };
  const checkRef = useRef(onCheck);
  checkRef.current = onCheck;
  // Stable for the memoised rows; it always reads the latest view.
  const stableCheck = useMemo(() => (index: number, id: string, range: boolean, checked: boolean) => checkRef.current(index, id, range, checked), []);
  const checkAll = (value: boolean): void => selectPart(0, null, value);
  const latestCheck = useRef({ checkAll, checkedRow });
  latestCheck.current = { checkAll, checkedRow };
  const headBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (headBox.current) headBox.current.indeterminate = inView !== null && inView > 0 && inView < total;
  }, [inView, total]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { total: n, cursor: c } = latest.current;
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
        latestCheck.current.checkAll(true);
      } else if (!inField && e.key === ' ' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        const row = source.row(c);
        if (row) ui.getState().toggleChecked(kind, row.id, !latestCheck.current.checkedRow(row), c);
      } else if (!inField && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        e.preventDefault();
        const next = Math.min(Math.max(0, c + (e.key === 'ArrowDown' ? 1 : -1)), Math.max(0, n - 1));
        ui.getState().setCursor(kind, next);
        scrollToIndex(next);
      } else if (e.key === 'Enter' && (!inField || (e.target as HTMLElement).id === `search-${kind}`)) {
        const row = source.row(c);
        if (row) ui.getState().open(kind, row.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [kind, source, ui, scrollToIndex]);

  return (
    <div
      className="grid"
      role="grid"
      aria-label={kind}
      aria-rowcount={total + 1}
      data-testid={`grid-${kind}`}
      // What the rows on screen answer (benches and tests wait on it): the search and the total.
      data-shown-search={view.shown?.search ?? ''}
      data-total={total}
      data-exact={view.exact}
    >
      <div className="grid-head" role="row" ref={head} style={{ gridTemplateColumns: template }}>
        <span role="columnheader">
          <input
            ref={headBox}
            type="checkbox"
            aria-label={`Select all ${total} ${kind === 'Users' ? 'users' : 'groups'} in view`}
            checked={total > 0 && inView === total}
            onChange={() => checkAll(inView !== total)}
          />
        </span>
        {columns.map((c, i) => (
          <ColumnHeader key={c} kind={kind} column={c} index={i} />
        ))}
      </div>
      <div
        className="grid-body"
        ref={scroller}
        data-testid={`scroller-${kind}`}
        // The header sits outside the scroller (rows are virtualised under it): it follows sideways.
        onScroll={(e) => {
          if (head.current) head.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
      >
        <div style={{ height: totalSize, position: 'relative' }}>
          {Array.from({ length: last - first }, (_, i) => {
            const index = first + i;
            const row = source.row(index);
            return (
              <GridRow
                key={index}
                kind={kind}
                row={row}
                index={index}
                start={index * ROW_HEIGHT}
                template={template}
                columns={columns}
                cursor={index === cursor}
                open={row !== undefined && detail?.kind === kind && detail.id === row.id}
                checked={checkedRow(row)}
                onCheck={stableCheck}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

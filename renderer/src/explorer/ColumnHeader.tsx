// One column header of the grid (issue 17): the sort button (drag it onto another header to move
// the column there), and a resize handle — drag it with the mouse, or focus it and press ←/→ (a
// WAI-ARIA window splitter: role separator with its width as value). The column chooser moves,
// hides and adds columns from the keyboard too.

import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { ColumnId } from '../../../shared/columns';
import type { ResourceKind } from '../../../shared/scim';
import { clampWidth, columnLabel, MAX_WIDTH, MIN_WIDTH, WIDTH_STEP } from '../store/column-layout';
import { useScope, useUi } from '../store/context';
import { followDragX } from '../frame/drag-x';

/** The column being dragged by its header (one drag at a time in a window). */
let dragging: { kind: ResourceKind; column: ColumnId } | null = null;

// Memoised, and its width read after layout, not while rendering: the grid renders on every
// scroll frame and keystroke, and a layout read in render forced a layout in each of those frames.
export const ColumnHeader = memo(function ColumnHeader({ kind, column, index }: { kind: ResourceKind; column: ColumnId; index: number }) {
  const { ui } = useScope();
  const sort = useUi((s) => s.sort[kind]);
  const width = useUi((s) => s.widths[kind][column]);
  const cell = useRef<HTMLDivElement>(null);
  const label = columnLabel(kind, column);
  const sorted = sort?.column === column ? sort.dir : null;
  const currentWidth = (): number => width ?? Math.round(cell.current?.getBoundingClientRect().width ?? 160);
  // The width a column without a set width takes (for the separator's value), kept up to date.
  const [measured, setMeasured] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = cell.current;
    if (width !== undefined || !el) return;
    const read = (): void => setMeasured(Math.round(el.getBoundingClientRect().width));
    read();
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    resize?.observe(el);
    return () => resize?.disconnect();
  }, [width]);

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>): void => {
    e.preventDefault();
    e.stopPropagation();
    const startWidth = currentWidth();
    followDragX(e, (dx) => ui.getState().setWidth(kind, column, startWidth + dx));
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    const step = e.key === 'ArrowRight' ? WIDTH_STEP : e.key === 'ArrowLeft' ? -WIDTH_STEP : 0;
    if (step === 0) return;
    e.preventDefault();
    e.stopPropagation();
    ui.getState().setWidth(kind, column, currentWidth() + step);
  };

  return (
    <div
      ref={cell}
      role="columnheader"
      className="col-head"
      data-column={column}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
      onDragOver={(e) => {
        if (dragging?.kind === kind && dragging.column !== column) e.preventDefault();
      }}
      onDrop={(e) => {
        e.preventDefault();
        if (dragging?.kind === kind) ui.getState().moveColumnTo(kind, dragging.column, index);
        dragging = null;
      }}
    >
      <button
        type="button"
        className="col-sort"
        draggable
        title={column === label ? undefined : column}
        onDragStart={(e) => {
          dragging = { kind, column };
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', column);
        }}
        onDragEnd={() => (dragging = null)}
        onClick={() => ui.getState().toggleSort(kind, column)}
      >
        {label}
        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
      </button>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${label}`}
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={MAX_WIDTH}
        aria-valuenow={clampWidth(width ?? measured ?? 160)}
        tabIndex={0}
        className="col-resize"
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        onClick={(e) => e.stopPropagation()}
      />
    </div>
  );
});

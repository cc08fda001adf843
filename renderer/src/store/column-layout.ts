// The grid's column layout (issue 17): which columns show, in what order and how wide. A column is
// a fixed one (shared/columns.ts) or an extra attribute column named by its SCIM path, whose cells
// main's index sends with each row (shared/attribute-columns.ts). Pure functions, so the store,
// the header controls and saved views share one set of rules.

import { attributeLabel } from '../../../shared/attribute-columns';
import { COLUMN_LABELS, columnsOf, type Column, type ColumnId } from '../../../shared/columns';
import type { ResourceKind } from '../../../shared/scim';

/** Widths a drag or a key can give a column, in CSS pixels. */
export const MIN_WIDTH = 48;
export const MAX_WIDTH = 800;
/** One step of "wider"/"narrower" (a button, or an arrow key on the resize handle). */
export const WIDTH_STEP = 16;

export function isFixedColumn(kind: ResourceKind, column: ColumnId): column is Column {
  return (columnsOf(kind) as readonly string[]).includes(column);
}

/** The extra attribute columns of a layout, in its order (what main is asked to send). */
export function attributeColumns(kind: ResourceKind, columns: readonly ColumnId[]): string[] {
  return columns.filter((c) => !isFixedColumn(kind, c));
}

export function columnLabel(kind: ResourceKind, column: ColumnId): string {
  return isFixedColumn(kind, column) ? COLUMN_LABELS[column] : attributeLabel(column);
}

/** A row's text for a column: a fixed column's cell, or the attribute cell main sent. */
export function cellOf(kind: ResourceKind, columns: readonly ColumnId[], row: { cells: readonly string[]; attributes?: readonly string[] } | undefined, column: ColumnId): string {
  if (!row) return '';
  if (isFixedColumn(kind, column)) return row.cells[columnsOf(kind).indexOf(column)] ?? '';
  return row.attributes?.[attributeColumns(kind, columns).indexOf(column)] ?? '';
}

/** Shows a hidden column (at the end) or hides a shown one; the last column never goes. */
export function toggled(columns: readonly ColumnId[], column: ColumnId): ColumnId[] {
  if (!columns.includes(column)) return [...columns, column];
  const next = columns.filter((c) => c !== column);
  return next.length > 0 ? next : [...columns];
}

/** Moves a column by `delta` places (clamped at the ends). */
export function moved(columns: readonly ColumnId[], column: ColumnId, delta: number): ColumnId[] {
  const from = columns.indexOf(column);
  if (from === -1) return [...columns];
  return movedTo(columns, column, Math.min(columns.length - 1, Math.max(0, from + delta)));
}

/** Moves a column to a position (a header dropped onto another one's place). */
export function movedTo(columns: readonly ColumnId[], column: ColumnId, to: number): ColumnId[] {
  const next = columns.filter((c) => c !== column);
  if (next.length === columns.length) return [...columns];
  next.splice(Math.min(next.length, Math.max(0, to)), 0, column);
  return next;
}

export function clampWidth(px: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, px)));
}

const DEFAULT_WIDTHS: Partial<Record<Column, string>> = { active: '4.5rem', members: '6rem', lastModified: '12rem' };

/** The CSS grid template of the header and every row: the checkbox, then each column. */
export function gridTemplate(columns: readonly ColumnId[], widths: Readonly<Record<string, number>>): string {
  return ['2rem', ...columns.map((c) => (widths[c] !== undefined ? `${widths[c]}px` : (DEFAULT_WIDTHS[c as Column] ?? 'minmax(8rem, 1fr)')))].join(' ');
}

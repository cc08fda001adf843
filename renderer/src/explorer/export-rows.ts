// Exports rows of a table as CSV through main: the id and the visible columns, as the grid shows
// them, read from main's index of the listing a chunk at a time (the view through table.window,
// the selection through table.selected) and sent in chunks (tableExport.*) to the file the host
// chose. The page never names a path.

import type { InspectorApi, Result, SaveResult } from '../../../shared/channels';
import { EXPORT_CHUNK_ROWS } from '../../../shared/channels/table-export';
import { MAX_WINDOW_ROWS, type TableRow } from '../../../shared/channels/table';
import type { ResourceKind } from '../../../shared/scim';
import type { TableSelection } from '../../../shared/selection';
import type { ColumnId } from '../store/columns';
import { attributeColumns, cellOf, columnLabel } from '../store/column-layout';
import type { ViewSource } from '../store/view-source';

export type ExportResult = SaveResult & { rows: number };
type Chunks = AsyncGenerator<string[][], void, void>;

function cellsOf(kind: ResourceKind, row: TableRow, columns: readonly ColumnId[]): string[] {
  return [row.id, ...columns.map((c) => cellOf(kind, columns, row, c))];
}

/** The rows of the view, in its order, worked to the end in main. */
export async function* viewChunks(source: ViewSource, kind: ResourceKind, columns: readonly ColumnId[]): Chunks {
  for (let from = 0; ; from += MAX_WINDOW_ROWS) {
    const w = await source.rows(from, MAX_WINDOW_ROWS);
    if (w.rows.length > 0) yield w.rows.map((r) => cellsOf(kind, r, columns));
    if (w.rows.length < MAX_WINDOW_ROWS && w.exact && from + w.rows.length >= w.total) return;
  }
}

/**
 * The selected rows main's listing holds, in the listing's order, a chunk at a time: main resolves
 * the selection from its index (a selected id the listing no longer holds is left out) and refuses
 * a selection the table changed under since.
 */
export async function* selectionChunks(api: InspectorApi, profileId: string, kind: ResourceKind, selection: TableSelection, columns: readonly ColumnId[]): Chunks {
  for (let after: number | null = 0; after !== null; ) {
    const r = await api.table.selected({ profileId, selection, after, count: EXPORT_CHUNK_ROWS, idsOnly: false, attributes: attributeColumns(kind, columns) });
    if (!r.ok) throw new Error(r.error.message);
    if (r.value.rows.length > 0) yield r.value.rows.map((row) => cellsOf(kind, row, columns));
    after = r.value.next;
  }
}

export async function exportRows(api: InspectorApi, request: { profileId: string; kind: ResourceKind; scope: 'view' | 'selection'; bom?: boolean }, columns: readonly ColumnId[], chunks: Chunks): Promise<Result<ExportResult>> {
  const header = ['id', ...columns.map((c) => columnLabel(request.kind, c))];
  const begun = await api.tableExport.begin({ ...request, bom: request.bom ?? false, header });
  if (!begun.ok) return begun;
  const { exportId } = begun.value;
  if (exportId === null) return { ok: true, value: { saved: false, path: null, rows: 0 } };
  try {
    for await (const chunk of chunks) {
      for (let i = 0; i < chunk.length; i += EXPORT_CHUNK_ROWS) {
        const sent = await api.tableExport.rows({ exportId, rows: chunk.slice(i, i + EXPORT_CHUNK_ROWS) });
        if (!sent.ok) {
          await api.tableExport.cancel({ exportId });
          return sent;
        }
      }
    }
  } catch (error) {
    // Reading the rows from main failed: no half file is left.
    await api.tableExport.cancel({ exportId });
    return { ok: false, error: { code: 'internal', message: `The rows could not be read for the export: ${error instanceof Error ? error.message : String(error)}. Export again.` } };
  }
  return api.tableExport.end({ exportId });
}

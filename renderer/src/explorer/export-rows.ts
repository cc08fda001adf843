// Exports rows of a loaded table as CSV through main: the id and the visible columns, as shown,
// sent in chunks (tableExport.*) to the file the host chose. The page never names a path.

import type { InspectorApi, Result, SaveResult } from '../../../shared/channels';
import { EXPORT_CHUNK_ROWS } from '../../../shared/channels/table-export';
import type { ResourceKind } from '../../../shared/scim';
import { COLUMN_LABELS, type Column } from '../store/columns';
import type { ResourceTable } from '../store/table';

export type ExportResult = SaveResult & { rows: number };

export async function exportRows(
  api: InspectorApi,
  request: { profileId: string; kind: ResourceKind; scope: 'view' | 'selection' },
  table: ResourceTable,
  rows: ArrayLike<number>,
  columns: readonly Column[],
): Promise<Result<ExportResult>> {
  const header = ['id', ...columns.map((c) => COLUMN_LABELS[c])];
  const begun = await api.tableExport.begin({ ...request, header });
  if (!begun.ok) return begun;
  const { exportId } = begun.value;
  if (exportId === null) return { ok: true, value: { saved: false, path: null, rows: 0 } };
  for (let from = 0; from < rows.length; from += EXPORT_CHUNK_ROWS) {
    const chunk: string[][] = [];
    for (let i = from; i < Math.min(rows.length, from + EXPORT_CHUNK_ROWS); i++) {
      const row = rows[i] as number;
      chunk.push([table.ids[row] as string, ...columns.map((c) => table.cell(row, c))]);
    }
    const sent = await api.tableExport.rows({ exportId, rows: chunk });
    if (!sent.ok) {
      await api.tableExport.cancel({ exportId });
      return sent;
    }
  }
  return api.tableExport.end({ exportId });
}

/** The table rows of the selected ids, in the table's order (selected rows hidden by a search included). */
export function selectedRows(table: ResourceTable, ids: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const row = table.rowOf.get(id);
    if (row !== undefined) out.push(row);
  }
  return out.sort((a, b) => a - b);
}

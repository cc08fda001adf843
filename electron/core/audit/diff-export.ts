// The snapshot diff as CSV, streamed: rows are written as diffSnapshotFiles finds the entries, for
// the CLI's `export diff` and the app's diff export alike.

import { CsvFileWriter, type CsvWriteOptions } from '../csv/write';
import { changedRows, DIFF_COLUMNS, diffEntryRow } from './exports';
import { diffSnapshotFiles } from './diff-stream';

/** Writes the diff of `older` to `newer` to `request.file` (in place only when complete). */
export async function exportDiff(older: string, newer: string, request: CsvWriteOptions & { file: string }): Promise<{ rows: number; file: string }> {
  const csv = new CsvFileWriter(request.file, DIFF_COLUMNS, request);
  try {
    await diffSnapshotFiles(older, newer, {
      added: (e) => void csv.row(diffEntryRow('added', e)),
      removed: (e) => void csv.row(diffEntryRow('removed', e)),
      changed: (c) => {
        for (const row of changedRows(c)) csv.row(row);
      },
      drained: () => csv.drained(),
    });
  } catch (error) {
    await csv.abort();
    throw error;
  }
  return { rows: await csv.finish(), file: request.file };
}

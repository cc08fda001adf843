// Where an export is written: the file the host chose (the save dialog in the desktop app, a new
// file in the export folder in browser mode) — or, for a host that can only save a string, a
// temporary file in the data folder whose content is handed to saveFile at the end. Either way
// the renderer never names a path.

import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SaveResult } from '../../../shared/channels';
import { ensurePrivateDir } from '../io/private-files';
import type { AppContext, SavePathRequest } from './context';

export interface ExportTarget {
  /** Write the export here (CsvFileWriter / exportCsv put the file in place atomically). */
  path: string;
  /** The file is complete: hand it over and say where it went. */
  done(rows: number): Promise<SaveResult & { rows: number }>;
  /** The export failed or was cancelled: nothing is left behind. */
  discard(): Promise<void>;
}

/** null: the admin cancelled the save dialog. */
export async function exportTarget(ctx: AppContext, request: SavePathRequest): Promise<ExportTarget | null> {
  if (ctx.choosePath) {
    const path = await ctx.choosePath(request);
    if (path === null) return null;
    return { path, done: async (rows) => ({ saved: true, path, rows }), discard: async () => undefined };
  }
  const tmp = join(ctx.dataDir, 'tmp');
  await ensurePrivateDir(tmp, ctx.dataDir);
  const path = join(tmp, `export-${randomUUID()}.csv`);
  return {
    path,
    done: async (rows) => {
      try {
        return { ...(await ctx.saveFile({ ...request, content: await readFile(path, 'utf8') })), rows };
      } finally {
        await rm(path, { force: true });
      }
    },
    discard: () => rm(path, { force: true }),
  };
}

// The core functions behind shared/channels/table-export.ts: a users or groups table exported as
// CSV from the rows the renderer shows, written by the CSV core (formula guard, secrets redacted)
// to the file the host chose. Open exports are held per app context by id; a renderer that goes
// away mid-export leaves at most MAX_OPEN of them, the oldest dropped (its temp file removed).

import { randomUUID } from 'node:crypto';
import { InspectorError } from '../../../../shared/errors';
import type { TABLE_EXPORT_CHANNELS } from '../../../../shared/channels/table-export';
import { CsvFileWriter } from '../../csv/write';
import type { AppContext } from '../context';
import { exportTarget, type ExportTarget } from '../export-target';
import type { FunctionsFor } from '../functions';

interface OpenExport {
  writer: CsvFileWriter;
  target: ExportTarget;
  columns: number;
}

const open = new WeakMap<AppContext, Map<string, OpenExport>>();
const MAX_OPEN = 4;

function exports(ctx: AppContext): Map<string, OpenExport> {
  let map = open.get(ctx);
  if (!map) open.set(ctx, (map = new Map()));
  return map;
}

function held(ctx: AppContext, exportId: string): OpenExport {
  const e = exports(ctx).get(exportId);
  if (!e) throw new InspectorError('invalid-input', 'This export is no longer open (it finished, was cancelled, or the app restarted); export again.', { exportId });
  return e;
}

async function drop(ctx: AppContext, exportId: string): Promise<boolean> {
  const e = exports(ctx).get(exportId);
  if (!e) return false;
  exports(ctx).delete(exportId);
  await e.writer.abort();
  await e.target.discard();
  return true;
}

export const tableExportFunctions: FunctionsFor<typeof TABLE_EXPORT_CHANNELS> = {
  'tableExport.begin': async (ctx, { kind, scope, header, bom }) => {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = await exportTarget(ctx, { suggestedName: `scim-${kind.toLowerCase()}-${scope}-${stamp}.csv`, extensions: ['csv'], description: 'CSV' });
    if (!target) return { exportId: null };
    const exportId = randomUUID();
    const map = exports(ctx);
    for (const old of [...map.keys()].slice(0, Math.max(0, map.size - MAX_OPEN + 1))) await drop(ctx, old);
    map.set(exportId, { writer: new CsvFileWriter(target.path, header, { bom, redactor: ctx.redaction.secrets }), target, columns: header.length });
    return { exportId };
  },
  'tableExport.rows': async (ctx, { exportId, rows }) => {
    const e = held(ctx, exportId);
    const bad = rows.findIndex((row) => row.length !== e.columns);
    if (bad !== -1) {
      await drop(ctx, exportId);
      throw new InspectorError('invalid-input', `Row ${e.writer.count + bad + 1} has ${rows[bad]?.length} cells, the header ${e.columns}; nothing was saved.`);
    }
    for (const row of rows) if (e.writer.row(row)) await e.writer.drained();
    return { rows: e.writer.count };
  },
  'tableExport.end': async (ctx, { exportId }) => {
    const e = held(ctx, exportId);
    exports(ctx).delete(exportId);
    try {
      return await e.target.done(await e.writer.finish());
    } catch (error) {
      await e.target.discard();
      throw error;
    }
  },
  'tableExport.cancel': async (ctx, { exportId }) => ({ cancelled: await drop(ctx, exportId) }),
};

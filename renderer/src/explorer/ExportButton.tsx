// "Export … (CSV)": the rows given (the current view, or the selection) with the id and the
// visible columns, written by the host; the result says how many rows went where.

import { memo, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { ResourceKind } from '../../../shared/scim';
import { emptySelection, type TableSelection } from '../../../shared/selection';
import { useScope, useUi } from '../store/context';
import type { ViewSource } from '../store/view-source';
import { exportRows, selectionChunks, viewChunks, type ExportResult } from './export-rows';
import { useForExcel } from './ForExcel';

interface Props {
  label: string;
  kind: ResourceKind;
  scope: 'view' | 'selection';
  /** The view to export (its rows come from main's index, a chunk at a time)… */
  source?: ViewSource;
  /** …or the selection to export (main resolves it and sends its rows a chunk at a time). */
  selection?: TableSelection;
}

export const ExportButton = memo(function ExportButton({ label, kind, scope, source, selection }: Props) {
  const { api, profileId } = useScope();
  const columns = useUi((s) => s.columns[kind]);
  const [bom] = useForExcel();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ result: ExportResult | null; error: AppError | null } | null>(null);
  const run = async (): Promise<void> => {
    setBusy(true);
    setDone(null);
    const chunks = source ? viewChunks(source, kind, columns) : selectionChunks(api, profileId, kind, selection ?? emptySelection(kind), columns);
    const r = await exportRows(api, { profileId, kind, scope, bom }, columns, chunks);
    setBusy(false);
    setDone(r.ok ? { result: r.value, error: null } : { result: null, error: r.error });
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? 'Exporting…' : label}
      </button>
      {done && (
        <span role="status" data-testid={`export-${scope}`} className={done.error ? 'error' : 'note'}>
          {done.error ? `Export failed: ${done.error.message}` : done.result?.saved ? `${done.result.rows} rows saved to ${done.result.path ?? ''}` : 'Export cancelled.'}
        </span>
      )}
    </>
  );
});

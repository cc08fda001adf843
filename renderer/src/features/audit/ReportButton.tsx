// "Save audit report (HTML)": main writes the printable, self-contained report of the audit on
// view where the host chooses (save dialog / export folder); the page never names a path.

import { useState } from 'react';
import type { InspectorApi } from '../../../../shared/channels';
import type { AppError } from '../../../../shared/errors';

export function ReportButton({ api, auditId, onError }: { api: InspectorApi; auditId: string; onError(error: AppError): void }) {
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (): Promise<void> => {
    setBusy(true);
    const r = await api.audit.report({ auditId });
    setBusy(false);
    if (!r.ok) return onError(r.error);
    const { value } = r;
    if (!value.saved) return setSaved('Report not saved (cancelled).');
    const listed = value.rows < value.total ? `the first ${value.rows} of ${value.total} findings (the findings CSV has all)` : `all ${value.total} findings`;
    setSaved(`Audit report with ${listed} saved to ${value.path ?? ''}`);
  };
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void save()}>
        Save audit report (HTML)
      </button>
      {saved && (
        <span role="status" data-testid="audit-report-saved">
          {saved}
        </span>
      )}
    </>
  );
}

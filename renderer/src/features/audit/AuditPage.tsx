// The Audit page: run the audit on the open profile (a live snapshot, with progress and cancel) or
// on a saved snapshot; the cutover checklist at the top, charts, findings by code with
// click-through, CSV exports through the host, snapshot save and a diff of two snapshots.

import { useEffect, useState } from 'react';
import type { SaveResult } from '../../../../shared/channels';
import { AUDIT_EXPORTS, type AuditExport, type AuditView, type FindingGroup, type SnapshotFile } from '../../../../shared/channels/audit';
import type { AppError } from '../../../../shared/errors';
import type { FeatureContext } from '../registry';
import { ErrorNote, newOperationId, ProgressLine, useProgress } from '../edit/ui-common';
import { BarChart, SplitBar } from './Charts';
import { ForExcelCheckbox, useForExcel } from '../../explorer/ForExcel';
import { Checklist } from './Checklist';
import { Findings } from './Findings';
import { DiffPanel } from './DiffPanel';
import { snapshotLabel, SnapshotOptions } from './SnapshotOptions';
import { usePageState, usePageStore } from '../../store/pages';
import { FINDING_SOURCE_KEY, type FindingSource } from '../deactivate/DeactivatePage';
import { DateTime } from '../../frame/DateTime';
import { IdpPicker, useIdpChoice } from './IdpPicker';
import { IdpEvidence } from './IdpEvidence';
import { ReportButton } from './ReportButton';

/** Writes of a bulk run arrive one by one; the findings are recomputed once they pause. */
const WRITE_SETTLE_MS = 300;

export function AuditPage({ api, profileId, openResource, goTo }: FeatureContext) {
  const pages = usePageStore();
  const [source, setSource] = usePageState('audit:source', 'live');
  const [staleDays, setStaleDays] = usePageState('audit:staleDays', 180);
  const [snapshots, setSnapshots] = useState<SnapshotFile[]>([]);
  const [otherSnapshots, setOtherSnapshots] = useState(0);
  const [allTenants, setAllTenants] = usePageState('audit:allTenants', false);
  const [label, setLabel] = usePageState('audit:label', '');
  const [view, setView] = usePageState<AuditView | null>('audit:view', null);
  const [operationId, setOperationId] = usePageState<string | null>('audit:operationId', null);
  const [error, setError] = usePageState<AppError | null>('audit:error', null);
  const [exported, setExported] = usePageState<(SaveResult & { rows: number; kind: AuditExport }) | null>('audit:exported', null);
  const [forExcel] = useForExcel();
  // Which finding groups are open (by a click on the chart or on the group itself) is kept too.
  const [openCodes, setOpenCodes] = usePageState<string[]>('audit:openCodes', []);
  const toggleCode = (code: string, open: boolean): void => setOpenCodes((codes) => (open ? [...codes.filter((c) => c !== code), code] : codes.filter((c) => c !== code)));
  // The IdP export is read by the page and sent as text: main never gets a path from the page.
  const [idp] = useIdpChoice();
  const progress = useProgress(api, operationId);

  const loadSnapshots = async (): Promise<void> => {
    const r = await api.audit.snapshots({ profileId, all: allTenants });
    if (r.ok) {
      setSnapshots(r.value.snapshots);
      setOtherSnapshots(r.value.otherTenants);
    } else setError(r.error);
  };
  useEffect(() => {
    void loadSnapshots();
  }, [api, profileId, allTenants]);

  // A verified write to this tenant (from the detail pane, a deactivation run...) is laid over the
  // live audit's snapshot by main; the findings are fetched again once the writes settle.
  const liveAuditId = view?.source.kind === 'live' ? view.auditId : null;
  useEffect(() => {
    if (!liveAuditId) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.events.on('resource.changed', (change) => {
      if (change.profileId !== profileId) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        void api.audit.view({ auditId: liveAuditId }).then((r) => {
          if (r.ok) setView((current) => (current?.auditId === liveAuditId ? r.value : current));
        });
      }, WRITE_SETTLE_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [api, profileId, liveAuditId]);

  const run = async (): Promise<void> => {
    const id = newOperationId('audit');
    setOperationId(id);
    setError(null);
    setExported(null);
    const compare = idp && idp.key !== '' ? { idpCsv: idp.csv, idpKey: idp.key, idpMatch: idp.match } : {};
    const r = await api.audit.run({ profileId, operationId: id, snapshot: source === 'live' ? undefined : source, staleDays, ...compare });
    setOperationId(null);
    if (r.ok) setView(r.value);
    else setError(r.error);
  };

  const exportCsv = async (kind: AuditExport): Promise<void> => {
    if (!view) return;
    const r = await api.audit.export({ auditId: view.auditId, kind, bom: forExcel });
    if (r.ok) setExported({ ...r.value, kind });
    else setError(r.error);
  };

  const saveSnapshot = async (): Promise<void> => {
    if (!view) return;
    const r = await api.audit.saveSnapshot({ profileId, auditId: view.auditId, label: label.trim() || undefined });
    if (r.ok) await loadSnapshots();
    else setError(r.error);
  };

  const c = view?.counts;
  // The finding's users go to the Deactivate page (its state), which makes the plan at once.
  const deactivateFinding = (group: FindingGroup): void => {
    if (!view) return;
    const source: FindingSource = { auditId: view.auditId, code: group.code, count: group.count, takenAt: view.takenAt };
    pages?.getState().set(FINDING_SOURCE_KEY, source);
    goTo?.('deactivate');
  };
  const sourceLabel = (name: string): string => {
    const file = snapshots.find((s) => s.name === name);
    return file ? `${snapshotLabel(file)}${file.tenant.current ? '' : ' (OTHER TENANT)'}` : name;
  };
  return (
    <section className="feature-page" aria-label="Audit">
      <h2>Audit</h2>
      <div className="actions">
        <label>
          Source{' '}
          <select aria-label="Source" value={source} onChange={(e) => setSource(e.target.value)}>
            <option value="live">Live tenant (open profile)</option>
            <SnapshotOptions snapshots={snapshots} />
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={allTenants} onChange={(e) => setAllTenants(e.target.checked)} /> Show other tenants' snapshots
          {!allTenants && otherSnapshots > 0 ? ` (${otherSnapshots})` : ''}
        </label>
        <label>
          Stale after (days){' '}
          <input type="number" min={1} max={36500} value={staleDays} onChange={(e) => setStaleDays(Math.max(1, Math.min(36_500, Math.round(Number(e.target.value) || 180))))} />
        </label>
        <button type="button" className="primary" onClick={() => void run()} disabled={operationId !== null || (idp !== null && idp.key === '')}>
          Run audit
        </button>
      </div>
      <IdpPicker api={api} onError={setError} />
      {operationId && <ProgressLine progress={progress} onCancel={() => void api.audit.cancel({ operationId })} />}
      <ErrorNote error={error} />
      {view && c && (
        <>
          <p className="muted" data-testid="audit-source">
            {view.source.kind === 'live' ? 'Live tenant' : `Snapshot ${sourceLabel(view.source.name)}`} · {view.baseUrl} · taken <DateTime iso={view.takenAt} />
            {view.complete ? '' : ' · NOT verified complete'}
          </p>
          {view.writesSince > 0 && (
            <p className="note" data-testid="audit-writes">
              {view.writesSince} resource(s) written and verified since the snapshot; the findings below show them as the server holds them now.
            </p>
          )}
          {[...view.notes, ...view.warnings].map((n) => (
            <p key={n} className="warning">
              {n}
            </p>
          ))}
          <Checklist counts={c} />
          {view.idp && <IdpEvidence idp={view.idp} />}
          <div className="charts">
            <SplitBar title="Active vs inactive users" parts={[{ label: 'active', value: c.users - c.inactive, tone: 'good' }, { label: 'inactive', value: c.inactive, tone: 'bad' }]} />
            <BarChart title="Findings by code" bars={view.groups.map((g) => ({ label: g.code, value: g.count, tone: g.severity === 'high' ? 'bad' : 'neutral' }))} onSelect={(code) => toggleCode(code, true)} />
            <BarChart title="Users by last modification" bars={view.lastModified.map((b) => ({ label: b.label, value: b.count }))} />
          </div>
          <div className="actions" role="group" aria-label="Exports">
            {AUDIT_EXPORTS.map((kind) => (
              <button key={kind} type="button" onClick={() => void exportCsv(kind)}>
                Export {kind} CSV
              </button>
            ))}
            <ForExcelCheckbox />
            <ReportButton api={api} auditId={view.auditId} onError={setError} />
            <label>
              Snapshot label <input type="text" value={label} maxLength={60} placeholder="e.g. before cutover" onChange={(e) => setLabel(e.target.value)} />
            </label>
            <button type="button" onClick={() => void saveSnapshot()}>
              Save snapshot
            </button>
          </div>
          {exported && (
            <p data-testid="audit-exported">{exported.saved ? `${exported.rows} ${exported.kind} rows saved to ${exported.path ?? ''}` : 'Export cancelled.'}</p>
          )}
          <Findings api={api} auditId={view.auditId} groups={view.groups} openResource={openResource} openCodes={openCodes} onToggle={toggleCode} onDeactivate={goTo && pages ? deactivateFinding : undefined} />
        </>
      )}
      {snapshots.length >= 2 && <DiffPanel api={api} snapshots={snapshots} openResource={openResource} />}
    </section>
  );
}

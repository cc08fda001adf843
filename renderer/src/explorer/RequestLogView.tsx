// The request log: each SCIM call with status, time and size (newest first), its bodies, copy as
// curl (built in main; it reads $SCIM_TOKEN, the token never comes here) and HAR export (main
// writes the file where the host decides). Main sends summaries; an entry's bodies are asked for
// when it is opened, so a 100k-user listing does not push its pages over IPC a second time.

import { useEffect, useState } from 'react';
import type { SaveResult } from '../../../shared/channels';
import type { AppError } from '../../../shared/errors';
import type { RequestLogBodies, RequestLogSummary } from '../../../shared/scim';
import { useExplorer, useScope } from '../store/context';
import { ErrorState } from '../frame/ErrorState';
import { describeCounts } from '../store/log-counts';

/** Rows this page renders (main's log keeps more; the HAR export has them all). */
const SHOWN = 500;

function size(bytes: number): string {
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`;
}

function Entry({ entry }: { entry: RequestLogSummary }) {
  const { api, profileId } = useScope();
  const [curl, setCurl] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [bodies, setBodies] = useState<RequestLogBodies | null>(null);
  useEffect(() => {
    let live = true;
    void api.requestLog.body({ profileId, entryId: entry.id }).then((r) => {
      if (!live) return;
      if (r.ok) setBodies(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, profileId, entry.id]);
  const copyCurl = async () => {
    const r = await api.explorer.curl({ profileId, entryId: entry.id });
    if (!r.ok) return setError(r.error);
    setCurl(r.value.command);
    await navigator.clipboard?.writeText(r.value.command).catch(() => undefined);
  };
  return (
    <div className="log-entry" data-testid="log-detail">
      <button type="button" onClick={() => void copyCurl()}>Copy as curl</button>
      {curl && <pre tabIndex={0} className="raw" data-testid="curl">{curl}</pre>}
      {error && <ErrorState error={error} />}
      <h4>Request</h4>
      <pre tabIndex={0} className="raw">{Object.entries(entry.requestHeaders).map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>
      {bodies?.requestBody && <pre tabIndex={0} className="raw">{bodies.requestBody}</pre>}
      <h4>Response {entry.bodiesTruncated ? '(bodies cut to the log’s size cap)' : ''}</h4>
      <pre tabIndex={0} className="raw">{Object.entries(entry.responseHeaders).map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>
      {bodies?.dropped ? (
        <p className="muted" data-testid="log-body-dropped">{bodies.dropped}</p>
      ) : (
        <pre tabIndex={0} className="raw" data-testid="log-response-body">{bodies === null ? (entry.error ?? 'Loading the body…') : (bodies.responseBody ?? entry.error ?? '(no body)')}</pre>
      )}
    </div>
  );
}

export function RequestLogView() {
  const { api, profileId } = useScope();
  const live = useExplorer((s) => s.log);
  const counts = useExplorer((s) => s.logCounts);
  const explorer = useScope().explorer;
  const [earlier, setEarlier] = useState<RequestLogSummary[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const [saved, setSaved] = useState<SaveResult | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [confirmHar, setConfirmHar] = useState(false);

  // Calls made before this window subscribed (main keeps a ring of them), and main's count of them.
  useEffect(() => {
    void api.requestLog.entries({ profileId }).then((r) => (r.ok ? setEarlier(r.value) : setError(r.error)));
    void explorer.getState().refreshLogCounts();
  }, [api, profileId, explorer]);

  const byId = new Map<number, RequestLogSummary>();
  for (const e of earlier) byId.set(e.id, e);
  for (const e of live) byId.set(e.id, e);
  const entries = [...byId.values()].sort((a, b) => b.id - a.id).slice(0, SHOWN);
  const exportHar = async () => {
    setConfirmHar(false);
    const r = await api.requestLog.exportHar({ profileId });
    if (r.ok) setSaved(r.value);
    else setError(r.error);
  };

  return (
    <section className="page" aria-label="Request log">
      <div className="toolbar">
        <h2>Request log</h2>
        <span data-testid="log-entries">
          {describeCounts(counts, 'request')}
          {entries.length < Math.max(counts.held, byId.size) ? ` · the newest ${entries.length} shown` : ''}
        </span>
        <button type="button" onClick={() => (setSaved(null), setConfirmHar(true))}>Export HAR</button>
        {saved && <span data-testid="saved">{saved.saved ? `HAR saved to ${saved.path ?? ''}` : 'Export cancelled.'}</span>}
      </div>
      {confirmHar && (
        <div className="confirm" role="alertdialog" aria-label="Export HAR?">
          <p>
            The HAR holds every request and answer of this session, with the personal data of every user they carried (names, emails, ids). The token is
            redacted. The file is readable only by you; keep it private and delete it when done.
          </p>
          <button type="button" onClick={() => void exportHar()} autoFocus>Save HAR</button>{' '}
          <button type="button" onClick={() => setConfirmHar(false)}>Cancel</button>
        </div>
      )}
      {error && <ErrorState error={error} />}
      {entries.length === 0 && <p className="empty">No calls yet. Open Users or Capabilities to talk to the server.</p>}
      <table className="log">
        <thead>
          <tr><th>#</th><th>Method</th><th>URL</th><th>Status</th><th>Time</th><th>Size</th></tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <LogRow key={e.id} entry={e} open={open === e.id} onToggle={() => setOpen(open === e.id ? null : e.id)} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function LogRow({ entry: e, open, onToggle }: { entry: RequestLogSummary; open: boolean; onToggle(): void }) {
  const failed = e.status === null || e.status >= 400;
  return (
    <>
      <tr className={`${failed ? 'failed' : ''}${open ? ' open' : ''}`} onClick={onToggle} aria-expanded={open} tabIndex={0} onKeyDown={(k) => k.key === 'Enter' && onToggle()} data-testid="log-row">
        <td>{e.id}</td>
        <td>{e.method}</td>
        <td className="url">{e.url}</td>
        <td>{e.status ?? e.error ?? '—'}</td>
        <td>{e.durationMs} ms</td>
        <td>{size(e.responseSize)}</td>
      </tr>
      {open && (
        <tr>
          <td colSpan={6}><Entry entry={e} /></td>
        </tr>
      )}
    </>
  );
}

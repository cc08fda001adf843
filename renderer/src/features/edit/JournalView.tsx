// The Journal page of the open tenant: every edit sent to it from this data folder (who, when,
// profile, request, status, before/after) and its deactivation runs with retry and undo. Other
// tenants' history only on request, each entry labelled with its tenant and without retry/undo
// (those run only from that tenant's profile). Export saves the shown edits through the host.

import { useEffect, useState } from 'react';
import type { SaveResult } from '../../../../shared/channels';
import type { EditJournalView } from '../../../../shared/channels/edit';
import type { JournalList } from '../../../../shared/channels/deactivate';
import type { ChangeJournalEntry } from '../../../../shared/edit';
import type { AppError } from '../../../../shared/errors';
import type { FeatureContext } from '../registry';
import { JournalActions } from '../deactivate/RunView';
import { RequestView } from './PreviewView';
import { ErrorNote, show } from './ui-common';
import { usePageState } from '../../store/pages';
import { DateTime } from '../../frame/DateTime';

const HIDDEN = new Set(['meta', 'schemas']);
/** Enough to find a recent write; thousands of expandable entries would only slow the page. */
const SHOWN = 300;

function changedKeys(entry: ChangeJournalEntry): string[] {
  const after = entry.after ?? entry.expected;
  const keys = new Set([...Object.keys(entry.before), ...Object.keys(after)]);
  return [...keys].filter((k) => !HIDDEN.has(k) && JSON.stringify(entry.before[k]) !== JSON.stringify(after[k]));
}

type Entry = EditJournalView['entries'][number];

function TenantTag({ tenant }: { tenant: Entry['tenant'] }) {
  if (tenant.current) return null;
  return (
    <span className="tenant-tag" data-testid="other-tenant">
      other tenant: {tenant.name}
      {tenant.name !== tenant.baseUrl ? ` (${tenant.baseUrl})` : ''} ·{' '}
    </span>
  );
}

function EntryRow({ entry, openResource }: { entry: Entry; openResource: FeatureContext['openResource'] }) {
  const after = entry.after ?? entry.expected;
  // A create is journalled before the server gives the id: the read-back (after) carries it.
  const id = entry.id !== '' ? entry.id : (entry.after?.id ?? '');
  return (
    <details className="journal-entry" data-testid="journal-entry" data-tenant={entry.tenant.current ? 'current' : 'other'}>
      <summary>
        <TenantTag tenant={entry.tenant} />
        <DateTime iso={entry.at} /> · {entry.who} · {entry.profile ?? '—'} · {entry.request.method} {entry.kind}/{id || '(new)'} ·{' '}
        <span className={`outcome-${entry.outcome}`}>
          {entry.outcome}
          {entry.responseStatus !== null ? ` (${entry.responseStatus})` : ''}
        </span>
      </summary>
      {entry.tenant.current && id !== '' && !(entry.request.method === 'DELETE' && entry.outcome === 'applied') && (
        <button type="button" className="link" onClick={() => openResource(entry.kind, id)}>
          Open {entry.kind === 'Users' ? 'user' : 'group'}
        </button>
      )}
      {entry.error && <p className="error">{entry.error.message}</p>}
      {entry.warnings.map((w) => (
        <p key={w} className="warning">
          {w}
        </p>
      ))}
      <RequestView request={entry.request} />
      <table className="dense">
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">Before</th>
            <th scope="col">{entry.after ? 'After (read back)' : 'Expected'}</th>
          </tr>
        </thead>
        <tbody>
          {changedKeys(entry).map((k) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{show(entry.before[k])}</td>
              <td>{show(after[k])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function JournalView({ api, profileId, readOnly, openResource }: FeatureContext) {
  const [edits, setEdits] = useState<EditJournalView | null>(null);
  const [runs, setRuns] = useState<JournalList>({ journals: [], otherTenants: 0 });
  const [all, setAll] = usePageState('journal:all', false);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<SaveResult | null>(null);

  const load = async (): Promise<void> => {
    setError(null);
    const [e, r] = await Promise.all([api.edit.journal({ profileId, all }), api.deactivate.journals({ profileId, all })]);
    if (e.ok) setEdits(e.value);
    else setError(e.error);
    if (r.ok) setRuns(r.value);
    else setError(r.error);
  };
  useEffect(() => {
    void load();
  }, [api, profileId, all]);

  const exportJournal = async (): Promise<void> => {
    const r = await api.edit.exportJournal({ profileId, all });
    if (r.ok) setSaved(r.value);
    else setError(r.error);
  };

  return (
    <section className="feature-page" aria-label="Journal">
      <h2>Journal</h2>
      <div className="actions">
        <button type="button" onClick={() => void load()}>
          Reload
        </button>
        <button type="button" onClick={() => void exportJournal()} disabled={!edits || edits.entries.length === 0}>
          Export edits (JSON)
        </button>
        <label className="check">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Show other tenants' history too
        </label>
      </div>
      {!all && (edits?.otherTenants ?? 0) + runs.otherTenants > 0 && (
        <p className="muted" data-testid="hidden-tenants">
          This page shows this tenant's history. {edits?.otherTenants ?? 0} edit(s) and {runs.otherTenants} run journal(s) of other tenants are not shown.
        </p>
      )}
      <ErrorNote error={error} />
      {saved && <p data-testid="journal-saved">{saved.saved ? `Saved to ${saved.path ?? ''}` : 'Export cancelled.'}</p>}
      <h3>Edits</h3>
      {edits?.tornTail && <p className="warning">The journal's last line was cut short (the app stopped mid-write); that entry is not shown.</p>}
      {edits && edits.entries.length === 0 && <p className="muted">No edits have been sent to this tenant from this data folder.</p>}
      {edits && edits.entries.length > SHOWN && <p className="muted">Showing the latest {SHOWN} of {edits.entries.length} edits; the export has all of them.</p>}
      {(edits?.entries ?? []).slice(-SHOWN).reverse().map((entry) => (
        <EntryRow key={entry.changeId} entry={entry} openResource={openResource} />
      ))}
      <h3>Deactivation runs</h3>
      {runs.journals.length === 0 && <p className="muted">No deactivation runs on this tenant yet.</p>}
      {runs.journals.map((j) => (
        <div key={j.journalName} className="run-journal" data-testid="run-journal" data-tenant={j.tenant.current ? 'current' : 'other'}>
          <h4>
            {!j.tenant.current && <TenantTag tenant={j.tenant} />}
            {j.journalName}
          </h4>
          <ul>
            {j.runs.map((r) => (
              <li key={r.runId}>
                {r.at ? <DateTime iso={r.at} /> : '?'} · {r.action} ({r.method.toUpperCase()}) · {r.done}/{r.targets} done, {r.failed} failed{r.ended ? '' : ' · interrupted'} · {r.baseUrl}
              </li>
            ))}
          </ul>
          <JournalActions api={api} profileId={profileId} readOnly={readOnly} journalName={j.journalName} onDone={() => void load()} />
        </div>
      ))}
    </section>
  );
}

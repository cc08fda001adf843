// Minimal but real shell: header, the demo profile, discover and a streamed user listing with
// progress and cancel, request-log count and HAR export. The explorer UI replaces the body later.

import { useEffect, useState } from 'react';
import type { AppInfo, DiscoverySummary, InspectorApi, SaveResult } from '../../shared/channels';
import type { AppError } from '../../shared/errors';
import type { ApiChoice } from './api';
import { useListing } from './useListing';

const DEMO_PROFILE_ID = 'sandbox';

function ErrorNote({ error }: { error: AppError | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="error" data-testid="error">
      {error.message} <span className="code">({error.code})</span>
    </p>
  );
}

function Shell({ api }: { api: InspectorApi }) {
  const [profileId, setProfileId] = useState(DEMO_PROFILE_ID);
  return <ProfileView key={profileId} api={api} profileId={profileId} onProfile={setProfileId} />;
}

function ProfileView({ api, profileId, onProfile }: { api: InspectorApi; profileId: string; onProfile: (id: string) => void }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [discovery, setDiscovery] = useState<DiscoverySummary | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [logCount, setLogCount] = useState(0);
  const [saved, setSaved] = useState<SaveResult | null>(null);
  const listing = useListing(api, profileId);

  useEffect(() => {
    void api.app.info().then((r) => (r.ok ? setInfo(r.value) : setError(r.error)));
    return api.events.on('requestLog.entry', (e) => {
      if (e.profileId === profileId) setLogCount((n) => n + 1);
    });
  }, [api, profileId]);

  const discover = async () => {
    setError(null);
    const r = await api.connection.discover({ profileId });
    if (r.ok) setDiscovery(r.value);
    else setError(r.error);
  };
  const exportHar = async () => {
    const r = await api.requestLog.exportHar({ profileId });
    if (r.ok) setSaved(r.value);
    else setError(r.error);
  };
  const { state } = listing;
  const p = state.progress;

  return (
    <>
      <header className="bar">
        <h1>SCIM Inspector</h1>
        <span className="badge" data-testid="mode">{info ? `${info.mode} · v${info.version}` : '…'}</span>
        <label>
          Profile{' '}
          <select value={profileId} onChange={(e) => onProfile(e.target.value)} aria-label="Profile">
            {(info?.profiles ?? [{ id: DEMO_PROFILE_ID, name: 'Sandbox tenant (demo)' }]).map((profile) => (
              <option key={profile.id} value={profile.id}>{profile.name}</option>
            ))}
          </select>
        </label>
      </header>
      <main>
        <div className="actions">
          <button onClick={() => void discover()}>Discover</button>
          <button onClick={() => void listing.start('Users')} disabled={state.running}>List users</button>
          <button onClick={() => void listing.start('Groups')} disabled={state.running}>List groups</button>
          <button onClick={() => void listing.cancel()} disabled={!state.running}>Cancel</button>
          <button onClick={() => void exportHar()}>Export HAR</button>
        </div>
        <ErrorNote error={error ?? state.error} />
        {discovery && (
          <section data-testid="discovery">
            <h2>Capabilities</h2>
            <p>Base URL {discovery.baseUrl} · paging {discovery.capabilities.pagination} · filter {String(discovery.capabilities.filter)} · patch {String(discovery.capabilities.patch)} · {discovery.roundTripMs} ms</p>
            <p>Resource types: {discovery.resourceTypes.join(', ') || 'none'}</p>
            {discovery.warnings.map((w) => <p key={w} className="warning">{w}</p>)}
          </section>
        )}
        <section aria-live="polite">
          <p data-testid="progress">
            {p ? `Pages ${p.pagesDone}/${p.pagesTotal ?? '?'} · ${state.loaded} loaded` : state.running ? 'Starting…' : 'Nothing loaded yet.'}
          </p>
          {state.summary && (
            <p data-testid="summary">
              {state.summary.count} {state.summary.kind.toLowerCase()} · {state.summary.complete ? 'complete' : 'INCOMPLETE'}
              {state.summary.reportedTotal !== null ? ` · server reports ${state.summary.reportedTotal}` : ''}
            </p>
          )}
          {state.summary?.warnings.map((w) => <p key={w} className="warning">{w}</p>)}
        </section>
        <p data-testid="log-count">{logCount} requests logged</p>
        {saved && <p data-testid="saved">{saved.saved ? `HAR saved to ${saved.path ?? ''}` : 'Export cancelled.'}</p>}
      </main>
    </>
  );
}

export function App({ choice }: { choice: ApiChoice }) {
  if (choice.api === null) {
    return (
      <main>
        <h1>SCIM Inspector</h1>
        <p role="alert" className="error">{choice.problem}</p>
      </main>
    );
  }
  return <Shell api={choice.api} />;
}

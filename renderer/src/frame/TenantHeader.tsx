// The app header for the open profile: the app's own line (name, mode), then which tenant is open,
// with a "Production" badge and a colour band across the header for a production tenant and a
// "read-only" badge for a read-only profile. Text and colour both: the band is never the only sign.

export interface TenantMarks {
  readOnly: boolean;
  production: boolean;
}

export function TenantHeader({ app, profileName, marks }: { app: React.ReactNode; profileName: string; marks: TenantMarks }) {
  return (
    <header className={`bar${marks.production ? ' production' : ''}`} data-testid="app-header">
      {app}
      <span className="tenant" aria-label="Open tenant">
        <strong data-testid="open-profile" title={profileName}>{profileName}</strong>
        {marks.production && <span className="badge production" data-testid="production">Production</span>}
        {marks.readOnly && <span className="badge read-only" data-testid="read-only">read-only</span>}
      </span>
    </header>
  );
}

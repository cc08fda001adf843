// The status bar: open profile, read-only badge, live progress of each load (pages done/total,
// rows/s, cancel), the verified summary, listing warnings, and how many calls were logged.

import type { ResourceKind } from '../../../shared/scim';
import { rate, type Listing } from '../store/explorer';
import { useExplorer, useScope } from '../store/context';
import { describeCounts } from '../store/log-counts';

function ListingStatus({ listing }: { listing: Listing }) {
  const { explorer } = useScope();
  const kind: ResourceKind = listing.kind;
  const noun = kind === 'Users' ? 'users' : 'groups';
  const p = listing.progress;
  const s = listing.summary;
  const progress = `${kind}: ${p ? `Pages ${p.pagesDone}/${p.pagesTotal ?? (!listing.running && s?.complete ? p.pagesDone : '?')} · ${listing.loaded} loaded` : listing.running ? 'starting…' : `${listing.loaded} loaded`}${listing.running && p ? ` · ${rate(listing)} ${noun}/s` : ''}`;
  return (
    <div className="listing-status">
      {/* The total stays unknown ("?") while pages still come, or when a listing stopped short;
          a listing verified complete had them all. */}
      <span data-testid={`progress-${kind}`} aria-live="polite" className="yields" title={progress}>
        {progress}
      </span>
      {listing.running && (
        <button type="button" className="cancel" onClick={() => void explorer.getState().cancel(kind)} aria-label={`Cancel loading ${noun}`}>
          Cancel
        </button>
      )}
      {s && (
        <span data-testid={`summary-${kind}`} className={s.complete ? 'ok' : 'warning'} title={s.reportedTotal !== null ? `The server reports ${s.reportedTotal}.` : 'The server reports no total.'}>
          {s.count} {noun} · {s.complete ? 'complete' : 'INCOMPLETE'}
          {/* Said only when it differs (it is the news then); the same total is in the title. */}
          {s.reportedTotal !== null && s.reportedTotal !== s.count ? ` · server reports ${s.reportedTotal}` : ''}
          {listing.filter !== undefined ? ' · filtered' : ''}
        </span>
      )}
      {listing.error?.code === 'cancelled' && <span className="warning" data-testid={`cancelled-${kind}`}>cancelled after {listing.loaded} {noun}</span>}
      {s?.warnings.map((w) => <span key={w} className="warning" role="note">{w}</span>)}
    </div>
  );
}

/** profileName null: the app header names the tenant (and shows its badges). */
export function StatusBar({ profileName }: { profileName: string | null }) {
  const { readOnly } = useScope();
  const listings = useExplorer((s) => s.listings);
  const logCounts = useExplorer((s) => s.logCounts);
  const operations = useExplorer((s) => s.operations);
  return (
    <div className="status-bar" role="status" aria-label="Status">
      {profileName !== null && <strong data-testid="open-profile" className="yields" title={profileName}>{profileName}</strong>}
      {profileName !== null && readOnly && <span className="badge read-only" data-testid="read-only">read-only</span>}
      {listings.Users && <ListingStatus listing={listings.Users} />}
      {listings.Groups && <ListingStatus listing={listings.Groups} />}
      {Object.values(operations).map((op) => (
        <span key={op.operationId} className="operation" data-testid="operation">
          {op.label}: {op.done}
          {op.total !== null ? `/${op.total}` : ''}
        </span>
      ))}
      <span className="log-count yields" data-testid="log-count" title={describeCounts(logCounts, 'request')}>{describeCounts(logCounts, 'request')}</span>
    </div>
  );
}

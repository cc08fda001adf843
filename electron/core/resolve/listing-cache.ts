// The verified-complete listing resolution falls back on, held per session (per SCIM client) with
// the time it was taken, so one listing serves a whole bulk run and every later lookup until it is
// refreshed. It keeps only each resource's identifying attributes. A write through this client to
// that kind drops it: a created, renamed or deleted user would otherwise be matched wrongly.

import { InspectorError } from '../../../shared/errors';
import type { ListingInfo } from '../../../shared/resolve';
import type { ResourceKind } from '../../../shared/scim';
import type { ScimClient } from '../scim/types';
import { identityOf, type Identity } from './match';

export interface CachedListing {
  info: ListingInfo;
  entries: Identity[];
}

export interface ListingCache {
  /** The listing held for `kind`, or null. */
  held(kind: ResourceKind): CachedListing | null;
  /** The held listing, or a new verified-complete one; incomplete-listing when it cannot be had. */
  get(kind: ResourceKind, signal?: AbortSignal): Promise<CachedListing>;
  drop(kind: ResourceKind): void;
}

const caches = new WeakMap<ScimClient, ListingCache>();

/** The one cache of this client (one per session in the app, one per command in the CLI). */
export function listingCacheFor(client: ScimClient): ListingCache {
  let cache = caches.get(client);
  if (!cache) {
    cache = createListingCache(client);
    caches.set(client, cache);
  }
  return cache;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function createListingCache(client: ScimClient): ListingCache {
  const held = new Map<ResourceKind, CachedListing>();
  const pending = new Map<ResourceKind, Promise<CachedListing>>();
  let generation = 0;
  client.transport.log.subscribe((entry) => {
    if (!WRITES.has(entry.method)) return;
    // Any write may have changed who is who (a failed one too: its outcome may be unknown).
    const path = (() => {
      try {
        return new URL(entry.url).pathname;
      } catch {
        return '';
      }
    })();
    for (const kind of ['Users', 'Groups'] as const) {
      if (new RegExp(`/(${kind}|Bulk)(/|$)`, 'i').test(path)) {
        held.delete(kind);
        generation += 1;
      }
    }
  });

  async function take(kind: ResourceKind, signal: AbortSignal | undefined): Promise<CachedListing> {
    const started = generation;
    const takenAt = new Date().toISOString();
    // Members are not needed to tell groups apart and can be most of a tenant's bytes.
    const outcome = await client.list(kind, { signal, ...(kind === 'Groups' ? { excludedAttributes: ['members'] } : {}) });
    if (!outcome.complete) {
      throw new InspectorError(
        'incomplete-listing',
        `The listing of every ${kind === 'Users' ? 'user' : 'group'} could not be verified complete (${outcome.count} listed${outcome.reportedTotal !== null ? ` of ${outcome.reportedTotal} reported` : ''}${outcome.warnings.length > 0 ? `: ${outcome.warnings.join(' ')}` : ''}), so it cannot prove who is or is not there. Try again.`,
        { kind, listed: outcome.count, reportedTotal: outcome.reportedTotal },
      );
    }
    const listing: CachedListing = { info: { kind, size: outcome.count, takenAt }, entries: outcome.Resources.map(identityOf) };
    // A write that landed while the listing ran makes it stale before it is even held.
    if (generation === started) held.set(kind, listing);
    return listing;
  }

  return {
    held: (kind) => held.get(kind) ?? null,
    get(kind, signal) {
      const ready = held.get(kind);
      if (ready) return Promise.resolve(ready);
      let running = pending.get(kind);
      if (!running) {
        running = take(kind, signal).finally(() => pending.delete(kind));
        pending.set(kind, running);
      }
      return running;
    },
    drop(kind) {
      held.delete(kind);
    },
  };
}

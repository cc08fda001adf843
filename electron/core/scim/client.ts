// The SCIM client a host holds per connection: one transport (one pool, one request log), the
// single-resource calls, discovery and the listing engine wired together. Discovery's findings
// (the base URL that answered, page-size caps, cursor paging) feed every later listing.

import type { ObservedFacts } from '../../../shared/observed';
import type { Capabilities, DiscoveryResult, ListOutcome, ResourceKind, ScimResource } from '../../../shared/scim';
import { candidateBaseUrls } from './base-url';
import { discover } from './discovery';
import { listResources } from './listing';
import { listTrustingFilter } from './listing-filter';
import { observeUnknownForms } from '../probe/spot';
import { trustFor } from './filter-trust';
import { createResources } from './resources';
import { createTransport } from './transport';
import type { ConnectionOptions, ListOptions, ScimClient } from './types';

/** A page cap the probe saw (unsaid in ServiceProviderConfig) bounds every page asked for. */
function withObservedCap(capabilities: Capabilities, observed: ObservedFacts | null): Capabilities {
  const seen = observed?.pageCap.value ?? null;
  if (seen === null) return capabilities;
  return { ...capabilities, maxPageSize: capabilities.maxPageSize === null ? seen : Math.min(capabilities.maxPageSize, seen) };
}

export function createScimClient(options: ConnectionOptions): ScimClient {
  const transport = createTransport(options);
  const resources = createResources(transport, { readOnly: options.readOnly });
  let discovered: DiscoveryResult | null = null;
  let observed: ObservedFacts | null = options.observed ?? null;
  // Facts describe one server: a profile whose URL now points elsewhere must not reuse them.
  const factsApply = (facts: ObservedFacts): boolean => {
    try {
      return candidateBaseUrls(facts.baseUrl).includes(transport.baseUrl) || candidateBaseUrls(transport.baseUrl).includes(facts.baseUrl);
    } catch {
      return false;
    }
  };

  const client: ScimClient = {
    get baseUrl() {
      return transport.baseUrl;
    },
    transport,
    readOnly: options.readOnly === true,

    get observed() {
      return observed !== null && factsApply(observed) ? observed : null;
    },
    observe(facts: ObservedFacts | null) {
      observed = facts;
    },

    async discover(signal?: AbortSignal): Promise<DiscoveryResult> {
      // discover() re-binds the transport when the API answers one segment away from what was
      // typed (/scim/v2 vs /v2); its capabilities then shape every later listing.
      const result = await discover(transport, signal);
      discovered = result;
      return result;
    },

    list<T extends ScimResource = ScimResource>(kind: ResourceKind, opts: ListOptions = {}): Promise<ListOutcome<T>> {
      const run = (filterLocally: boolean): Promise<ListOutcome<T>> =>
        listResources<T>(transport, kind, {
          ...opts,
          pageSize: opts.pageSize ?? options.pageSize,
          concurrency: opts.concurrency ?? options.concurrency,
          ...(discovered ? { capabilities: withObservedCap(discovered.capabilities, client.observed), knownToExist: kind === 'Users' ? (discovered.usersSeen ?? null) : null } : {}),
          filterLocally,
        });
      if (opts.filter === undefined || opts.filter.trim() === '') return run(false);
      const filter = opts.filter;
      const trust = trustFor(client);
      // A form nothing has observed is tried first (read-only), so an empty answer is not proof.
      const spot = opts.serverFilterOnly === true ? Promise.resolve(0) : observeUnknownForms(client, kind, filter, trust, opts.signal);
      return spot.then(() => listTrustingFilter({ kind, filter, trust, serverFilterOnly: opts.serverFilterOnly === true, run }));
    },

    get: (kind, id, opts) => resources.get(kind, id, opts),
    create: (kind, body, opts) => resources.create(kind, body, opts),
    replace: (kind, id, body, opts) => resources.replace(kind, id, body, opts),
    patch: (kind, id, patch, opts) => resources.patch(kind, id, patch, opts),
    delete: (kind, id, opts) => resources.delete(kind, id, opts),
    close: () => transport.close(),
  };
  return client;
}

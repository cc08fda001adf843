// The read-only behaviour probe: what this server really does, measured with values it holds —
// which filter forms it honours, ignores, under-matches or rejects (userName, its letter case,
// emails in three forms, externalId, active, group displayName/externalId), its real page cap,
// its startIndex base, sort, ETags, and whether groups carry members unasked. The result is the
// ObservedFacts a profile records with the date (Test connection, `profiles test`,
// `discover --probe`); listings, lookups and the Capabilities page read them. Only GETs are sent.

import type { ObservedFacts } from '../../../shared/observed';
import type { DiscoveryResult, ScimResource } from '../../../shared/scim';
import type { ScimClient } from '../scim/types';
import { probeGroupFilters, probeUserFilters } from './filters';
import { etags, indexBase, membersUnasked, pageCap, sortSupport } from './paging';
import { ProbeReader } from './reader';

export interface ProbeOptions {
  signal?: AbortSignal;
  /** The discovery the caller just made (else the probe discovers first). */
  discovery?: DiscoveryResult;
  now?: () => Date;
}

/** Probes a discovered client's server and hands the facts to the client (later calls use them). */
export async function probeServer(client: ScimClient, options: ProbeOptions = {}): Promise<ObservedFacts> {
  const discovery = options.discovery ?? (await client.discover(options.signal));
  const reader = new ProbeReader(client, options.signal);
  const sample = await reader.page('Users', { startIndex: 1, count: 100 });
  const users: ScimResource[] = sample.ok ? sample.value.resources : [];
  const groupsRead = discovery.capabilities.groups ? await reader.page('Groups', { startIndex: 1, count: 20 }) : null;
  const groups = groupsRead === null ? null : groupsRead.ok ? groupsRead.value.resources : [];
  const facts: ObservedFacts = {
    version: 1,
    observedAt: (options.now ?? (() => new Date()))().toISOString(),
    baseUrl: client.baseUrl,
    filters: { ...(await probeUserFilters(reader, users)), ...(groups === null ? {} : await probeGroupFilters(reader, groups)) },
    pageCap: await pageCap(reader),
    startIndexBase: await indexBase(reader),
    sort: await sortSupport(reader),
    etags: await etags(reader, users[0]),
    groupMembersUnasked: await membersUnasked(reader, groups),
    requests: 0,
  };
  facts.requests = reader.requests;
  client.observe(facts);
  return facts;
}

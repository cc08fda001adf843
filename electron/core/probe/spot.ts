// A filtered listing on a server nobody has probed yet: before its answer is believed, the filter
// forms it uses (userName, its letter case, emails, externalId, active, group displayName…) are
// tried once with values the server holds, as the full probe would. Without this, a server that
// answers 200 with an empty list for a filter it cannot evaluate (`externalId eq` on an omission
// server) gave `complete: true, count: 0`: its silence taken as proof. What is learned serves the
// whole session (lookups, later listings) through its FormTrust. Comparisons the probe has no
// form for (`title eq`, `userName sw`…) are tried the same way with a sample user's own value
// (other-forms.ts), for this session only.

import type { ResourceKind } from '../../../shared/scim';
import { parseFilter } from '../scim/filter';
import { formsInFilter, otherComparisons, type FormTrust } from '../scim/filter-trust';
import type { ScimClient } from '../scim/types';
import { probeGroupFilters, probeUserFilters } from './filters';
import { probeOtherComparison } from './other-forms';
import { ProbeReader } from './reader';

/**
 * Tries the forms of `filter` that nothing has observed yet (no saved facts, nothing learned this
 * session). Read-only GETs: one sample page and one request per form of that kind. Returns the
 * number of requests made (0 when every form was already known).
 */
export async function observeUnknownForms(client: ScimClient, kind: ResourceKind, filter: string, trust: FormTrust, signal?: AbortSignal): Promise<number> {
  const parsed = parseFilter(filter);
  const unknown = formsInFilter(parsed, kind).filter((form) => trust.observation(form) === undefined);
  const others = otherComparisons(parsed, kind).filter((o) => trust.otherObservation(o.key) === undefined);
  if (unknown.length === 0 && others.length === 0) return 0;
  const reader = new ProbeReader(client, signal);
  const sample = await reader.page(kind, { startIndex: 1, count: kind === 'Users' ? 100 : 20 });
  // No sample, nothing to test with: the forms stay unknown and the listing goes as before.
  if (!sample.ok) return reader.requests;
  for (const other of others) trust.learnOther(other.key, await probeOtherComparison(reader, kind, other, sample.value.resources));
  if (unknown.length === 0) return reader.requests;
  const seen = kind === 'Users' ? await probeUserFilters(reader, sample.value.resources) : await probeGroupFilters(reader, sample.value.resources);
  for (const [form, observation] of Object.entries(seen) as [keyof typeof seen, (typeof seen)[keyof typeof seen]][]) {
    // Forms the session already knows keep what it knows; the rest take the spot check's verdict.
    if (observation && trust.observation(form) === undefined) trust.learn(form, observation);
  }
  return reader.requests;
}

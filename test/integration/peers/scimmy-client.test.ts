// The client core against SCIMMY: itemsPerPage echoes the requested count and a startIndex past
// the end returns everything again, so a listing engine that trusts either loops or double-counts.

import { SCIMMY_ADVERTISED_MAX_RESULTS, startScimmy } from '../../support/peers/scimmy';
import { describePeerClient } from '../../support/peers/client-contract';

describePeerClient('SCIMMY', {
  start: () => startScimmy({ users: 45, groups: 2 }),
  // Valid RFC 7644 (an escaped quote) that SCIMMY's tokenizer rejects with 400 invalidFilter.
  rejectedFilter: 'userName eq "a\\"b"',
  honouredFilter: { filter: 'userName sw "peer.user001" and active eq true', seedIndexes: [11, 12, 13, 14, 15, 16, 18, 19] },
  // maxPageSize is the filter.maxResults the helper makes SCIMMY advertise (below the 45 users).
  capabilities: { etag: false, sort: true, bulk: true, patch: true, filter: true, groups: true, pagination: 'index', maxPageSize: SCIMMY_ADVERTISED_MAX_RESULTS },
});

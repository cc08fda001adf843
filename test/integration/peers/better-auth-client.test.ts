// The client core against Better Auth's SCIM plugin: eq-only filters, a page cap of 100, no ETags.

import { startBetterAuthScim } from '../../support/peers/better-auth';
import { describePeerClient } from '../../support/peers/client-contract';

describePeerClient('Better Auth', {
  // 105 users: more than the peer's hard page cap of 100.
  start: () => startBetterAuthScim({ users: 105 }),
  rejectedFilter: 'userName sw "peer.user00"',
  honouredFilter: { filter: 'userName eq "peer.user0004"', seedIndexes: [4] },
  capabilities: { etag: false, sort: false, bulk: false, patch: true, filter: true, pagination: 'index', maxPageSize: 100 },
});

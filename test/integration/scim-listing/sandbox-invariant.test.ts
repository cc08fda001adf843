// The listing invariant as a property: under any mix of the sandbox's paging faults and any page
// size and concurrency, a listing is either exact (same ids, same order as the store) or says
// complete:false with a reason. It never returns a short or doubled list marked complete.

import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { FaultOptions } from '../../../electron/core/sandbox';
import { listResources } from '../../../electron/core/scim/listing';
import { expectExactOrFlagged, rfcTenant } from './rfc-tenant';

const USERS = 157;
const tenant = rfcTenant(USERS);

const faults: fc.Arbitrary<FaultOptions> = fc.record(
  {
    pageCap: fc.integer({ min: 1, max: 60 }),
    omitItemsPerPage: fc.boolean(),
    wrongTotalResults: fc.integer({ min: -120, max: 40 }),
    totalResultsCapped: fc.integer({ min: 1, max: 200 }),
    zeroBasedIndex: fc.boolean(),
    ignoreCount: fc.boolean(),
    cursorOnly: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('listing invariant under random paging faults', () => {
  it('exact, or complete:false with a warning', async () => {
    await fc.assert(
      fc.asyncProperty(faults, fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 8 }), async (f, pageSize, concurrency) => {
        tenant.sandbox.setFaults(f);
        expectExactOrFlagged(await listResources(tenant.transport, 'Users', { pageSize, concurrency }), tenant.sandbox);
      }),
      { numRuns: 40, seed: 20261123 },
    );
  });
});

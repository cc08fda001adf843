// The listing invariant as a property: under any mix of the sandbox's paging faults and any page
// size and concurrency, a listing is either exact (same ids, same order as the store) or says
// complete:false with a reason. It never returns a short or doubled list marked complete.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type FaultOptions, type SandboxHandle } from '../../../electron/core/sandbox';
import { listResources } from '../../../electron/core/scim/listing';
import { createTransport } from '../../../electron/core/scim/transport';
import type { Transport } from '../../../electron/core/scim/types';

const USERS = 157;
let sandbox: SandboxHandle;
let transport: Transport;

beforeAll(async () => {
  sandbox = await startSandbox({ vendor: 'rfc', users: USERS });
  transport = createTransport({ baseUrl: sandbox.url, token: () => sandbox.token });
});
afterAll(async () => {
  await transport?.close();
  await sandbox?.close();
});

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
        sandbox.setFaults(f);
        const out = await listResources(transport, 'Users', { pageSize, concurrency });
        const ids = out.Resources.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        if (out.complete) expect(ids).toEqual([...sandbox.store.ids('Users')]);
        else expect(out.warnings.length).toBeGreaterThan(0);
      }),
      { numRuns: 40, seed: 20261123 },
    );
  });
});

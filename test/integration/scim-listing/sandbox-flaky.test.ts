// Listing through a flaky connection: resets mid-body, truncated JSON, 5xx bursts (some as HTML
// pages) and slow bodies. The transport retries reads; the listing must come out exact, or the
// call must fail — a page lost to a failure must never become a short list marked complete.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type FaultOptions, type SandboxHandle } from '../../../electron/core/sandbox';
import { listResources } from '../../../electron/core/scim/listing';
import { createTransport } from '../../../electron/core/scim/transport';
import type { Transport } from '../../../electron/core/scim/types';

let sandbox: SandboxHandle;
let transport: Transport;

beforeAll(async () => {
  sandbox = await startSandbox({ vendor: 'rfc', users: 311 });
  transport = createTransport({ baseUrl: sandbox.url, token: () => sandbox.token }, { backoffBaseMs: 5 });
});
afterAll(async () => {
  await transport?.close();
  await sandbox?.close();
});
beforeEach(() => sandbox.reset());

const cases: [string, FaultOptions][] = [
  ['connection reset mid-body every 5th request', { resetEvery: 5 }],
  ['truncated JSON every 4th request', { truncateEvery: 4 }],
  ['503 bursts', { serverErrorBurst: { every: 6, length: 1, status: 503 } }],
  ['500 bursts answered as HTML pages, with a page cap', { serverErrorBurst: { every: 5, length: 2, status: 500 }, htmlErrors: true, pageCap: 23 }],
  ['slow bodies', { slowBodyMs: 30 }],
];

describe('listing through a flaky connection', () => {
  it.each(cases)('%s: exact', async (_name, faults) => {
    sandbox.setFaults(faults);
    const out = await listResources(transport, 'Users', { pageSize: 40, concurrency: 4 });
    expect(out.complete, out.warnings.join(' | ')).toBe(true);
    expect(out.Resources.map((u) => u.id)).toEqual([...sandbox.store.ids('Users')]);
  });

  it('a server that keeps failing makes the listing fail, not return what it had', async () => {
    sandbox.setFaults({ serverErrorBurst: { every: 3, length: 3, status: 500 } });
    const failing = createTransport({ baseUrl: sandbox.url, token: () => sandbox.token, retryBudgetMs: 300 }, { backoffBaseMs: 5 });
    try {
      await expect(listResources(failing, 'Users', { pageSize: 40 })).rejects.toMatchObject({ code: 'server-error' });
    } finally {
      await failing.close();
    }
  });
});

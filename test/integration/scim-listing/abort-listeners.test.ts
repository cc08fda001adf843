// A listing fetches up to 16 pages at once, each request listening on the listing's one abort
// signal. Node warns past 10 listeners ("MaxListenersExceededWarning: Possible EventTarget memory
// leak detected"), which the CLI printed on stderr in the middle of `find` and `users list` output
// on any tenant large enough to reach that concurrency. The listeners are removed as requests end:
// the limit is raised to what the listing really uses, and no warning is printed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { createScimClient } from '../../../electron/core/scim/client';
import type { ScimClient } from '../../../electron/core/scim/types';

let sb: SandboxHandle;
let client: ScimClient;
const warnings: Error[] = [];
const onWarning = (w: Error): void => void warnings.push(w);

beforeAll(async () => {
  sb = await startSandbox({ vendor: 'rfc', users: 800, seed: 5, faults: { latencyMs: 20 } });
  client = createScimClient({ baseUrl: sb.url, token: () => sb.token, pageSize: 10, concurrency: 16 });
  process.on('warning', onWarning);
});

afterAll(async () => {
  process.off('warning', onWarning);
  await client?.close();
  await sb?.close();
});

describe('a listing at full concurrency', () => {
  it('lists exactly, without a MaxListenersExceededWarning', async () => {
    const listed = await client.list('Users');
    expect(listed.complete).toBe(true);
    expect(listed.count).toBe(800);
    // process.emitWarning reports on the next tick.
    await new Promise((r) => setImmediate(r));
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning').map((w) => w.message)).toEqual([]);
  });
});

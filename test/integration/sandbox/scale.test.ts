// 100,000 users build and serve (figures for memory and page latency live in
// test/bench/sandbox.bench.ts; this only proves the size works end to end).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { call, q, resources } from './http';

let sb: SandboxHandle;
const USERS = 100_000;

beforeAll(async () => {
  sb = await startSandbox({ users: USERS });
}, 180_000);
afterAll(async () => {
  await sb.close();
});

describe('sandbox at 100,000 users', () => {
  it('serves pages deep in the listing and indexed filters', async () => {
    const last = await call(sb, 'GET', `/Users?startIndex=${USERS - 49}&count=100`);
    expect(last.json?.totalResults).toBe(USERS);
    expect(resources(last)).toHaveLength(50);
    const target = sb.store.get('Users', sb.store.ids('Users')[77_777] as string)?.res.userName as string;
    const found = await call(sb, 'GET', `/Users?filter=${q(`userName eq "${target}"`)}`);
    expect(resources(found).map((r) => r.userName)).toEqual([target]);
    const inactive = await call(sb, 'GET', `/Users?count=0&filter=${q('active eq false')}`);
    expect(inactive.json?.totalResults).toBe(sb.store.planted.inactiveUsers);
    expect(sb.store.planted.groups).toBe(5000);
  }, 120_000);
});

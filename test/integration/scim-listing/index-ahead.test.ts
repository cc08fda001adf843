// How far the planned pages of a startIndex listing (listing-index.ts) run ahead of one the server
// holds back: far enough that a slow page does not idle the other slots, but bounded, so memory
// stays in proportion. The bound is max(4 x 16 slots, 100,000 resources' worth of pages); with pages
// of 2000 the floor of 64 pages is the one that holds. A tiny loopback SCIM server serves synthetic
// users (u1, u2, ...) so pages that large stay cheap.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../../shared/scim';
import { listResources } from '../../../electron/core/scim/listing';
import { createTransport } from '../../../electron/core/scim/transport';
import type { Transport } from '../../../electron/core/scim/types';
import { listenOnLoopback, type Listening } from '../../support/peers/http-server';

const PAGE = 2000;
/** Pages overlap by one resource. */
const STRIDE = PAGE - 1;
/** Planned pages after page 1: more than the 64 allowed ahead. */
const PLANNED = 70;
const TOTAL = PAGE + PLANNED * STRIDE;
const AHEAD = 64;
const HELD = 1 + STRIDE;

let server: Listening | undefined;
let transport: Transport | undefined;
/** startIndex of each list request, as it arrived. */
const arrived: number[] = [];
/** Resolves when the page at HELD may be answered. */
let released: Promise<void> = Promise.resolve();

beforeAll(async () => {
  server = await listenOnLoopback((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const start = Number(url.searchParams.get('startIndex'));
    const count = Number(url.searchParams.get('count'));
    arrived.push(start);
    const from = Math.max(start, 1);
    const to = Math.min(from + count, TOTAL + 1);
    const Resources = Array.from({ length: Math.max(0, to - from) }, (_, i) => ({ id: `u${from + i}`, userName: `u${from + i}` }));
    const body = JSON.stringify({ schemas: [SCHEMAS.listResponse], totalResults: TOTAL, startIndex: from, itemsPerPage: Resources.length, Resources });
    void (start === HELD ? released : Promise.resolve()).then(() => {
      res.writeHead(200, { 'content-type': 'application/scim+json' });
      res.end(body);
    });
  });
  const origin = server.origin;
  transport = createTransport({ baseUrl: `${origin}/scim/v2`, token: () => 'ahead-test-token' });
});
afterAll(async () => {
  await transport?.close();
  await server?.close();
});

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
const startOf = (k: number): number => 1 + k * STRIDE;

describe('pages fetched ahead of one held back', () => {
  it(`go on up to ${AHEAD} pages past it and no further, then the listing completes in order`, async () => {
    let release = (): void => undefined;
    released = new Promise<void>((done) => (release = done));
    const listing = listResources(transport as Transport, 'Users', { pageSize: PAGE, concurrency: 16 });
    // Wait for the last page allowed ahead (or 5 s), then a while longer for any page past it.
    for (let waited = 0; waited < 5000 && !arrived.includes(startOf(AHEAD)); waited += 10) await sleep(10);
    await sleep(200);
    const whileHeld = [...arrived].sort((a, b) => a - b);
    release();
    const out = await listing;
    expect(whileHeld).toEqual(Array.from({ length: AHEAD + 1 }, (_, k) => startOf(k)));
    expect(out).toMatchObject({ complete: true, count: TOTAL, warnings: [] });
    expect(out.Resources.every((r, i) => r.id === `u${i + 1}`)).toBe(true);
  });
});

// Adaptive concurrency (issue 15): AIMD from 4 to 16 while latency holds and the slots are used,
// halved on a 429 or a latency jump, once per round; a pinned limit never moves. The engine test
// drives the real listing over the array stand-in and reads how many pages were in flight.

import { describe, expect, it } from 'vitest';
import { ADAPTIVE_START, ConcurrencyLimit, MAX_CONCURRENCY } from '../../../electron/core/scim/concurrency';
import { listResources } from '../../../electron/core/scim/listing';
import { arrayTransport, makeUsers } from './array-transport';

/** Sends `n` requests at the current limit and answers them all with `latency`. */
function round(limit: ConcurrencyLimit, latency: number): void {
  const n = limit.current;
  const tickets = Array.from({ length: n }, () => limit.send());
  tickets.forEach((t, i) => limit.done(t, latency, n - i));
}

describe('ConcurrencyLimit', () => {
  it('starts at 4 and grows by one per answer while latency holds, to 16 and no further', () => {
    const limit = new ConcurrencyLimit();
    expect(limit.current).toBe(ADAPTIVE_START);
    for (let i = 0; i < 10; i += 1) round(limit, 20);
    expect(limit.current).toBe(MAX_CONCURRENCY);
    expect(limit.report()).toEqual({ adaptive: true, start: 4, max: 16, final: 16, decreases: 0 });
  });

  it('does not grow while its slots are not in use', () => {
    const limit = new ConcurrencyLimit();
    for (let i = 0; i < 20; i += 1) limit.done(limit.send(), 20, 1);
    expect(limit.current).toBe(ADAPTIVE_START);
  });

  it('halves on a 429 and on a latency jump, once per round of requests already sent', () => {
    const limit = new ConcurrencyLimit();
    for (let i = 0; i < 10; i += 1) round(limit, 20);
    const inFlight = Array.from({ length: 16 }, () => limit.send());
    limit.rateLimited(inFlight[0]);
    expect(limit.current).toBe(8);
    // The others were sent before the decrease: their slow answers are the same news.
    for (const t of inFlight) limit.done(t, 1500, 16);
    expect(limit.current).toBe(8);
    // A request sent after the decrease that is slow again halves again.
    limit.done(limit.send(), 1500, 8);
    expect(limit.current).toBe(4);
    expect(limit.report()).toMatchObject({ max: 16, final: 4, decreases: 2 });
    // Latency back near the best seen: growth resumes.
    round(limit, 21);
    expect(limit.current).toBeGreaterThan(4);
  });

  it('never goes below 1, and a pinned limit never moves', () => {
    const limit = new ConcurrencyLimit();
    for (let i = 0; i < 10; i += 1) limit.rateLimited(limit.send());
    expect(limit.current).toBe(1);
    const pinned = new ConcurrencyLimit(6);
    for (let i = 0; i < 10; i += 1) round(pinned, 20);
    pinned.rateLimited(pinned.send());
    expect(pinned.report()).toEqual({ adaptive: false, start: 6, max: 6, final: 6, decreases: 0 });
  });
});

describe('listing with adaptive concurrency', () => {
  it('reaches 16 pages in flight against a server whose latency holds, and reports it', async () => {
    // 50 ms a page: timer jitter on a loaded machine stays well under the 2x jump threshold.
    const server = arrayTransport(makeUsers(4000), { beforePage: () => new Promise((r) => setTimeout(r, 50)) });
    const out = await listResources(server.transport, 'Users', { pageSize: 20 });
    expect(out.complete).toBe(true);
    expect(server.maxInFlight()).toBe(16);
    expect(out.concurrency).toMatchObject({ adaptive: true, start: 4, max: 16 });
  });

  it('backs off when latency jumps as concurrency rises (a server that slows under load)', async () => {
    let inFlight = 0;
    const server = arrayTransport(makeUsers(1500), {
      beforePage: async () => {
        inFlight += 1;
        // Fine up to 6 at once; beyond that every request waits far longer.
        await new Promise((r) => setTimeout(r, inFlight > 6 ? 400 : 20));
        inFlight -= 1;
      },
    });
    const out = await listResources(server.transport, 'Users', { pageSize: 20 });
    expect(out.complete).toBe(true);
    expect(out.concurrency?.decreases).toBeGreaterThan(0);
    expect(out.concurrency?.final).toBeLessThan(16);
  });

  it('does not take its own busy event loop for a slower server (a CPU-bound client at 16 in flight)', async () => {
    // The server answers in 20 ms; each answer then costs this process 12 ms of synchronous work
    // (as parsing and writing a page does). With 16 out, an answer may wait behind 15 others'
    // work, ~200 ms after it was sent: measured naively that was a "jump" and halved the limit
    // again and again. The loop's busy time is taken off the latency the limit judges.
    const server = arrayTransport(makeUsers(2000), {
      beforePage: async () => {
        await new Promise((r) => setTimeout(r, 20));
        const until = performance.now() + 12;
        while (performance.now() < until) {
          // busy: the client's own CPU work on a page
        }
      },
    });
    const out = await listResources(server.transport, 'Users', { pageSize: 20 });
    expect(out.complete).toBe(true);
    expect(out.concurrency).toMatchObject({ max: 16, decreases: 0 });
  });

  it('keeps listing, every page once, when the limit falls to 1 while many pages are in flight', async () => {
    // After a fast start every answer is far slower: each round halves the limit again, down
    // to 1 and below the number of requests still out.
    let served = 0;
    const server = arrayTransport(makeUsers(900), {
      beforePage: () => {
        served += 1;
        return new Promise((r) => setTimeout(r, served > 12 && served < 60 ? 300 : 2));
      },
    });
    const out = await listResources(server.transport, 'Users', { pageSize: 10 });
    expect(out.complete).toBe(true);
    expect(out.count).toBe(900);
    expect(out.concurrency?.decreases).toBeGreaterThanOrEqual(3);
    expect(out.concurrency?.max).toBeGreaterThan(4);
  });

  it('--concurrency pins it', async () => {
    const server = arrayTransport(makeUsers(2000), { beforePage: () => new Promise((r) => setTimeout(r, 2)) });
    const out = await listResources(server.transport, 'Users', { pageSize: 20, concurrency: 7 });
    expect(server.maxInFlight()).toBe(7);
    expect(out.concurrency).toEqual({ adaptive: false, start: 7, max: 7, final: 7, decreases: 0 });
  });
});

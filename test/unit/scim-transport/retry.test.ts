import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { backoffDelay, parseRateLimitReset, parseRetryAfter, RetryBudget, serverRequestedWait, sleep } from '../../../electron/core/scim/retry';
import { InspectorError } from '../../../shared/errors';
import { settlesAtOnce } from '../../support/settle';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('Retry-After parsing', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
  });
  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:07 GMT', NOW)).toBe(7000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:59:00 GMT', NOW)).toBe(0);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
    expect(parseRetryAfter('', NOW)).toBeNull();
    expect(parseRetryAfter('-5', NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
  });
});

describe('X-Rate-Limit-Reset parsing', () => {
  it('reads epoch seconds as an instant', () => {
    expect(parseRateLimitReset(String(NOW / 1000 + 4), NOW)).toBe(4000);
  });
  it('reads small numbers as a delta in seconds', () => {
    expect(parseRateLimitReset('12', NOW)).toBe(12_000);
  });
  it('reads epoch milliseconds', () => {
    expect(parseRateLimitReset(String(NOW + 2500), NOW)).toBe(2500);
  });
  it('prefers Retry-After, then falls back to the reset headers', () => {
    expect(serverRequestedWait({ 'retry-after': '2', 'x-rate-limit-reset': '9' }, NOW)).toBe(2000);
    expect(serverRequestedWait({ 'x-rate-limit-reset': '9' }, NOW)).toBe(9000);
    expect(serverRequestedWait({ 'x-ratelimit-reset': String(NOW / 1000 + 1) }, NOW)).toBe(1000);
    expect(serverRequestedWait({}, NOW)).toBeNull();
  });
});

describe('backoff', () => {
  it('grows exponentially, stays within [step/2, step] and under the cap', () => {
    expect(backoffDelay(0, { random: () => 0 })).toBe(125);
    expect(backoffDelay(0, { random: () => 1 })).toBe(250);
    expect(backoffDelay(3, { random: () => 1 })).toBe(2000);
    expect(backoffDelay(30, { random: () => 1, capMs: 10_000 })).toBe(10_000);
  });
  it('is jittered', () => {
    expect(backoffDelay(2, { random: () => 0.1 })).not.toBe(backoffDelay(2, { random: () => 0.9 }));
  });
  it('budget says whether a wait still fits', () => {
    let t = 0;
    const budget = new RetryBudget(1000, () => t);
    expect(budget.allows(900)).toBe(true);
    t = 500;
    expect(budget.allows(900)).toBe(false);
    expect(budget.remainingMs()).toBe(500);
  });
});

describe('sleep', () => {
  it('rejects with cancelled as soon as the signal aborts, and drops its timer', async () => {
    // Fake timers: no time passes, so only the abort itself can settle the sleep.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const controller = new AbortController();
      const pending = sleep(60_000, controller.signal).catch((e: unknown) => e);
      expect(await settlesAtOnce(pending)).toBe(false);
      controller.abort();
      expect(await settlesAtOnce(pending)).toBe(true);
      const error = await pending;
      expect(error).toBeInstanceOf(InspectorError);
      expect((error as InspectorError).code).toBe('cancelled');
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
  it('rejects at once for an already aborted signal', async () => {
    await expect(sleep(60_000, AbortSignal.abort())).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('what a server hint is read as, at the edges', () => {
  it('reads delta-seconds with any number of decimals, and nothing that only starts or ends like a number', () => {
    expect(parseRetryAfter('1.25', NOW)).toBe(1250);
    for (const value of ['5 seconds', 'x5', '1.5e3', '0x10', '1.', '.5']) expect(parseRetryAfter(value, NOW), value).toBeNull();
  });

  it('reads a reset header trimmed, as a whole non-negative number only', () => {
    expect(parseRateLimitReset(' 12 ', NOW)).toBe(12_000);
    expect(parseRateLimitReset('1.25', NOW)).toBe(1250);
    for (const value of ['-5', 'abc', 'x12', '12abc', '1.5e3', '1.x', '']) expect(parseRateLimitReset(value, NOW), value).toBeNull();
  });

  it('reads exactly 10^9 as epoch seconds and exactly 10^12 as epoch milliseconds (both long past: no wait)', () => {
    expect(parseRateLimitReset('1000000000', NOW)).toBe(0);
    expect(parseRateLimitReset('1000000000000', NOW)).toBe(0);
    expect(parseRateLimitReset('999999999', NOW)).toBe(999_999_999_000);
  });

  it('falls back to each reset header a vendor may send', () => {
    expect(serverRequestedWait({ 'retry-after': 'soon', 'ratelimit-reset': '7' }, NOW)).toBe(7000);
    expect(serverRequestedWait({ 'x-rate-limit-reset': 'bad', 'x-ratelimit-reset': '3' }, NOW)).toBe(3000);
  });

  it('lets a wait use the whole remaining budget, and no more', () => {
    let t = 0;
    const budget = new RetryBudget(1000, () => t);
    t = 400;
    expect(budget.allows(600)).toBe(true);
    expect(budget.allows(601)).toBe(false);
  });
});

describe('sleep and its signal', () => {
  it('leaves no listener on the signal once it slept or was cancelled', async () => {
    // One signal lives for a whole listing, across many sleeps: each sleep's listener must go.
    const controller = new AbortController();
    await sleep(0, controller.signal);
    await sleep(1, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    const pending = sleep(60_000, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled', message: 'The operation was cancelled.' });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

// The request log over the renderer boundary (issue 15): summaries only — a 100k-user listing
// pushed ~64 MB of page bodies over IPC — in the live event and in requestLog.entries; the bodies
// of one entry come from requestLog.body when it is opened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../shared/channels';
import type { RequestLog } from '../../../electron/core/scim/request-log';
import { featureContext, value } from './features-context';

let t: Awaited<ReturnType<typeof featureContext>>;
beforeAll(async () => {
  t = await featureContext(250);
});
afterAll(() => t.close());

describe('request log channels', () => {
  it('pushes and lists summaries without bodies, and sends one entry’s bodies on request', async () => {
    value(await t.call('resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'log-bodies' }));
    const pushed = t.pushed.filter((p) => p.event === 'requestLog.entry').map((p) => (p.payload as EventMap['requestLog.entry']).entry);
    expect(pushed.length).toBeGreaterThan(2);
    for (const e of pushed) {
      expect(e).not.toHaveProperty('responseBody');
      expect(e).not.toHaveProperty('requestBody');
    }
    const listed = value<Record<string, unknown>[]>(await t.call('requestLog.entries', { profileId: 'sandbox' }));
    expect(listed.length).toBe(pushed.length);
    expect(listed.every((e) => !('responseBody' in e) && !('requestBody' in e))).toBe(true);
    // What crossed is small: summaries of the pages, not the pages.
    const page = pushed.find((e) => e.url.includes('/Users?') && e.responseSize > 10_000);
    expect(page).toBeDefined();
    expect(JSON.stringify(listed).length).toBeLessThan(pushed.reduce((n, e) => n + e.responseSize, 0) / 10);

    const bodies = value<{ id: number; responseBody: string; requestBody: string | null }>(await t.call('requestLog.body', { profileId: 'sandbox', entryId: page?.id }));
    expect(bodies.id).toBe(page?.id);
    // The log keeps up to 64 KB of a body: the page's own text, as received.
    expect(bodies.responseBody.startsWith('{')).toBe(true);
    expect(bodies.responseBody).toContain('"Resources"');
    expect(bodies.requestBody).toBeNull();
  });

  it('says when the log let an entry’s bodies go, instead of showing an empty answer', async () => {
    // The session's own log (the transport records into it; the API type exposes reads only).
    const log = (await t.ctx.sessions.session('sandbox')).client.transport.log as RequestLog;
    const first = log.entries()[0];
    expect(first).toBeDefined();
    expect(value<{ dropped: string | null }>(await t.call('requestLog.body', { profileId: 'sandbox', entryId: first?.id })).dropped).toBeNull();
    // Later calls fill the log's total body cap (24 MB, 64 KB per body): the oldest bodies go.
    const page = `{"Resources":[${'"x",'.repeat(16_000)}"x"]}`;
    for (let i = 0; i < 420; i++) {
      log.record({ startedAt: Date.now(), method: 'GET', url: 'https://scim.example/Users', status: 200, durationMs: 1, requestHeaders: {}, requestBody: null, responseHeaders: {}, responseBody: page, responseSize: page.length, error: null });
    }
    const bodies = value<{ responseBody: string | null; dropped: string | null }>(await t.call('requestLog.body', { profileId: 'sandbox', entryId: first?.id }));
    expect(bodies.responseBody).toBeNull();
    expect(bodies.dropped).toMatch(/no longer keeps the bodies of request #\d+.*export the HAR/i);
    const summary = value<{ id: number; bodiesDropped?: boolean }[]>(await t.call('requestLog.entries', { profileId: 'sandbox' })).find((e) => e.id === first?.id);
    expect(summary?.bodiesDropped).toBe(true);
  });

  it('says an entry the log no longer holds is not found, and refuses a bad id', async () => {
    expect(await t.call('requestLog.body', { profileId: 'sandbox', entryId: 9_999_999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await t.call('requestLog.body', { profileId: 'sandbox', entryId: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

// The core functions behind the channels, called through dispatch() against the real sandbox.
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../../shared/channels';
import { coreFunctions, createAppContext, dispatch } from '../../../electron/core/app/index';

type Pushed = { event: EventName; payload: EventMap[EventName] };

function context(users: number) {
  const pushed: Pushed[] = [];
  const saved: string[] = [];
  const ctx = createAppContext({
    mode: 'browser',
    version: '1.2.3',
    emit: (event, payload) => pushed.push({ event, payload }),
    saveFile: async (request) => {
      saved.push(request.content);
      return { saved: true, path: `/x/${request.suggestedName}` };
    },
    sandbox: { users },
  });
  return { ctx, pushed, saved };
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe('core app functions', () => {
  it('starts the demo sandbox lazily and restarts it with another vendor', async () => {
    const { ctx } = context(30);
    close = ctx.close;
    expect(await dispatch(coreFunctions, ctx, 'sandbox.status', undefined)).toEqual({ ok: true, value: { running: false, vendor: null, url: null, users: null } });
    await dispatch(coreFunctions, ctx, 'connection.discover', { profileId: 'sandbox' });
    expect(await dispatch(coreFunctions, ctx, 'sandbox.status', undefined)).toMatchObject({ ok: true, value: { running: true, vendor: 'rfc', users: 30 } });
    const restarted = await dispatch(coreFunctions, ctx, 'sandbox.start', { vendor: 'mittr', users: 12 });
    expect(restarted).toMatchObject({ ok: true, value: { running: true, vendor: 'mittr', users: 12 } });
    const list = await dispatch(coreFunctions, ctx, 'resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'after-restart' });
    expect(list).toMatchObject({ ok: true, value: { count: 12 } });
  });

  it('streams a listing as pages with progress and answers only the summary', async () => {
    const { ctx, pushed } = context(250);
    close = ctx.close;
    const result = await dispatch(coreFunctions, ctx, 'resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'l1' });
    expect(result).toMatchObject({ ok: true, value: { listId: 'l1', kind: 'Users', count: 250, complete: true } });
    expect(result.ok && 'Resources' in result.value).toBe(false);
    const pages = pushed.filter((p) => p.event === 'resources.page') as { payload: EventMap['resources.page'] }[];
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.reduce((n, p) => n + p.payload.resources.length, 0)).toBe(250);
    expect(pushed.some((p) => p.event === 'progress')).toBe(true);
    expect(pushed.some((p) => p.event === 'requestLog.entry')).toBe(true);
  });

  it('cancels a running listing: the call answers cancelled and the id is free again', async () => {
    const { ctx, pushed } = context(5000);
    close = ctx.close;
    const running = dispatch(coreFunctions, ctx, 'resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'big' });
    for (let i = 0; i < 400 && !pushed.some((p) => p.event === 'resources.page'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(await dispatch(coreFunctions, ctx, 'resources.cancel', { listId: 'big' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await dispatch(coreFunctions, ctx, 'resources.cancel', { listId: 'big' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('refuses a second listing with a running id, and unknown profiles with profile-not-found', async () => {
    const { ctx } = context(10);
    close = ctx.close;
    let release = (): void => undefined;
    const holding = ctx.sessions.operation('dup', () => new Promise<void>((resolve) => (release = resolve)));
    expect(await dispatch(coreFunctions, ctx, 'resources.list', { profileId: 'sandbox', kind: 'Users', listId: 'dup' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    release();
    await holding;
    expect(await dispatch(coreFunctions, ctx, 'requestLog.entries', { profileId: 'prod' })).toMatchObject({ ok: false, error: { code: 'profile-not-found' } });
    expect(await dispatch(coreFunctions, ctx, 'nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('hands the HAR to the host to save and keeps the token out of it and the log', async () => {
    const { ctx, saved } = context(5);
    close = ctx.close;
    await dispatch(coreFunctions, ctx, 'connection.discover', { profileId: 'sandbox' });
    const entries = await dispatch(coreFunctions, ctx, 'requestLog.entries', { profileId: 'sandbox' });
    expect(entries.ok && entries.value.length).toBeGreaterThan(0);
    expect(JSON.stringify(entries)).not.toContain('sandbox-demo-token');
    expect(await dispatch(coreFunctions, ctx, 'requestLog.exportHar', { profileId: 'sandbox' })).toMatchObject({ ok: true, value: { saved: true, path: expect.stringMatching(/\.har$/) } });
    expect(saved[0]).toContain('"log"');
    expect(saved[0]).not.toContain('sandbox-demo-token');
  });
});

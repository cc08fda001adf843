// Host glue: handlers are registered from the channel map through the one wrapper, the wrapper
// refuses untrusted senders, and every failure crosses as an AppError value. The core behind the
// handlers is real (sandbox tenant on 127.0.0.1); only electron is mocked.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, eventChannel } from '../../../shared/channels';
import { InspectorError } from '../../../shared/errors';
import { coreFunctions, createAppContext, type CoreFunctions } from '../../../electron/core/app/index';
import { handlers, invokeFrom, ipcMain, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));
const { registerChannelHandlers, isTrustedFrame, windowEmitter } = await import('../../../electron/host/ipc');

const APP_FRAME = { url: 'app://renderer/index.html', parent: null };
const ctx = createAppContext({ mode: 'electron', version: '9.9.9', emit: () => undefined, saveFile: async () => ({ saved: false, path: null }), sandbox: { users: 20 } });
afterAll(() => ctx.close());
beforeEach(() => resetElectronMock());

describe('registerChannelHandlers', () => {
  it('registers exactly one handler per channel of the map, and removes them all', () => {
    const unregister = registerChannelHandlers(ipcMain, coreFunctions, ctx);
    expect([...handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers a trusted call with the core result in an ok envelope', async () => {
    registerChannelHandlers(ipcMain, coreFunctions, ctx);
    const result = (await invokeFrom('app.info', undefined, APP_FRAME)) as { ok: boolean; value: { version: string; mode: string } };
    expect(result).toMatchObject({ ok: true, value: { version: '9.9.9', mode: 'electron' } });
  });

  it.each([
    ['another origin', { url: 'https://evil.example/index.html', parent: null }],
    ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
    ['a subframe of the app', { url: 'app://renderer/index.html', parent: {} }],
    ['a destroyed frame', null],
  ])('refuses %s with forbidden and never runs the core', async (_what, frame) => {
    const spy = vi.fn(async () => ({ name: 'x' }));
    registerChannelHandlers(ipcMain, { ...coreFunctions, 'app.info': spy } as unknown as CoreFunctions, ctx);
    const result = await invokeFrom('app.info', undefined, frame);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('maps invalid requests, InspectorErrors and unexpected throws to AppError values', async () => {
    const boom = vi.fn(async () => {
      throw new TypeError('kaput');
    });
    const refused = vi.fn(async () => {
      throw new InspectorError('refused-read-only', 'Profile is read-only.', { profile: 'p' });
    });
    registerChannelHandlers(ipcMain, { ...coreFunctions, 'sandbox.status': boom, 'requestLog.entries': refused } as unknown as CoreFunctions, ctx);
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await invokeFrom('connection.discover', { profileId: 42 }, APP_FRAME)).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { field: 'profileId' } } });
    expect(await invokeFrom('requestLog.entries', { profileId: 'p' }, APP_FRAME)).toEqual({ ok: false, error: { code: 'refused-read-only', message: 'Profile is read-only.', details: { profile: 'p' } } });
    expect(await invokeFrom('sandbox.status', undefined, APP_FRAME)).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('kaput') } });
    // Internal errors are bugs: they are reported in main, not only sent to the renderer.
    expect(consoleError).toHaveBeenCalledTimes(1);
    consoleError.mockRestore();
  });

  it('round-trips a real discovery of the sandbox tenant', async () => {
    registerChannelHandlers(ipcMain, coreFunctions, ctx);
    const result = await invokeFrom('connection.discover', { profileId: 'sandbox' }, APP_FRAME);
    expect(result).toMatchObject({ ok: true, value: { profileId: 'sandbox', capabilities: { pagination: 'index' } } });
  });
});

describe('isTrustedFrame', () => {
  it('trusts only the app origin as a main frame', () => {
    expect(isTrustedFrame(APP_FRAME as never)).toBe(true);
    expect(isTrustedFrame({ url: 'app://renderer.evil/index.html', parent: null } as never)).toBe(false);
    expect(isTrustedFrame({ url: 'not a url', parent: null } as never)).toBe(false);
    expect(isTrustedFrame(undefined)).toBe(false);
  });
});

describe('windowEmitter', () => {
  it('pushes events on their own event: channel to a live window only', () => {
    const send = vi.fn();
    let destroyed = false;
    const emit = windowEmitter(() => ({ isDestroyed: () => destroyed, send }));
    emit('progress', { operationId: 'o', label: 'x', done: 1, total: 2 });
    expect(send).toHaveBeenCalledWith(eventChannel('progress'), { operationId: 'o', label: 'x', done: 1, total: 2 });
    destroyed = true;
    emit('progress', { operationId: 'o', label: 'x', done: 2, total: 2 });
    expect(send).toHaveBeenCalledTimes(1);
  });
});

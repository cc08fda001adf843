// @vitest-environment jsdom
// The renderer's one adapter: the preload bridge when present, else the HTTP twin with the secret
// taken from the URL fragment once (then only sessionStorage), else a clear problem.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY } from '../../../shared/channels';
import { chooseApi } from '../../../renderer/src/api/index';

afterEach(() => {
  delete (window as unknown as Record<string, unknown>)[BRIDGE_KEY];
  sessionStorage.clear();
  history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
});

describe('chooseApi', () => {
  it('uses the preload bridge when Electron exposed one', () => {
    const bridge = { app: {} };
    (window as unknown as Record<string, unknown>)[BRIDGE_KEY] = bridge;
    expect(chooseApi()).toEqual({ api: bridge, mode: 'electron' });
  });

  it('takes the secret from the fragment once, strips it and sends it as a header', async () => {
    history.replaceState(null, '', '/#secret=abc_DEF-123');
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { mode: 'browser' } }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const choice = chooseApi();
    expect(choice.mode).toBe('browser');
    expect(window.location.hash).toBe('');
    expect(sessionStorage.getItem('scim-inspector.secret')).toBe('abc_DEF-123');
    if (!choice.api) throw new Error('expected an api');
    expect(await choice.api.app.info()).toEqual({ ok: true, value: { mode: 'browser' } });
    expect(fetchMock).toHaveBeenCalledWith('/api/app.info', expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ 'X-Inspector-Secret': 'abc_DEF-123' }) }));
    // A reload has no fragment any more but still has the secret for this tab.
    expect(chooseApi().api).not.toBeNull();
  });

  it('turns a 403 into a forbidden AppError that says which URL to open', async () => {
    sessionStorage.setItem('scim-inspector.secret', 'stale');
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 403 })));
    const { api } = chooseApi();
    expect(await api?.sandbox.status()).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('printed') } });
  });

  it('explains what to do when opened without a secret', () => {
    expect(chooseApi()).toMatchObject({ api: null, problem: expect.stringContaining('without its secret') });
  });
});

// The preload exposes exactly the channel map as narrow per-feature methods (no generic invoke)
// and wires events to their event: channels.
import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY, CHANNEL_NAMES, splitChannel } from '../../../shared/channels';
import { contextBridge, exposed, ipcRenderer } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));
await import('../../../electron/preload');

type Bridge = Record<string, Record<string, (arg?: unknown) => unknown>>;

describe('preload bridge', () => {
  const api = exposed.get(BRIDGE_KEY) as Bridge;

  it('is exposed once under the bridge key with one method per channel, grouped by feature', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const methods = Object.entries(api)
      .filter(([feature]) => feature !== 'events')
      .flatMap(([feature, group]) => Object.keys(group).map((m) => `${feature}.${m}`));
    expect(methods.sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(api.events ?? {})).toEqual(['on']);
    expect('invoke' in api).toBe(false);
  });

  it('sends each method on its own channel', async () => {
    for (const name of CHANNEL_NAMES) {
      const [feature, method] = splitChannel(name);
      await api[feature]?.[method]?.({ probe: name });
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(name, { probe: name });
    }
  });

  it('subscribes events on event: channels and refuses unknown event names', () => {
    const on = api.events?.on as unknown as (event: string, l: (p: unknown) => void) => () => void;
    const listener = vi.fn();
    const off = on('resources.page', listener);
    expect(ipcRenderer.on).toHaveBeenCalledWith('event:resources.page', expect.any(Function));
    const wrapped = ipcRenderer.on.mock.calls[0]?.[1] as (e: unknown, p: unknown) => void;
    wrapped({ sender: 'not passed on' }, { listId: 'l' });
    expect(listener).toHaveBeenCalledWith({ listId: 'l' });
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('event:resources.page', wrapped);
    expect(() => on('app.info', listener)).toThrow(/no event named/);
  });
});

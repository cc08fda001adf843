// The sandboxed preload (bundled to CommonJS, as sandboxed preloads must be). It exposes the typed
// InspectorApi built from the channel map — narrow per-feature methods, no generic invoke — and
// nothing of ipcRenderer itself.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi } from '../shared/api';
import { BRIDGE_KEY, eventChannel, type Result } from '../shared/channels';

const api = createApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>,
  subscribe: (event, listener) => {
    const channel = eventChannel(event);
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld(BRIDGE_KEY, api);

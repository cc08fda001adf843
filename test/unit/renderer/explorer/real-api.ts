// The renderer's InspectorApi over the real core (dispatch + app context) on a real sandbox
// tenant on 127.0.0.1: the same channel map the preload and the HTTP twin expose, minus the wire.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../../../shared/api';
import type { EventName, InspectorApi, SandboxVendor } from '../../../../shared/channels';
import { coreFunctions, createAppContext, dispatch, type AppContext } from '../../../../electron/core/app/index';

export async function realApi(users: number, vendor: SandboxVendor = 'rfc'): Promise<{ api: InspectorApi; ctx: AppContext; close(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'scim-explorer-ui-'));
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const ctx = createAppContext({
    mode: 'browser',
    version: '0.0.0',
    dataDir,
    // Events are delivered asynchronously, as over IPC or SSE.
    emit: (event, payload) => {
      for (const l of listeners.get(event) ?? []) queueMicrotask(() => l(payload));
    },
    saveFile: async () => ({ saved: false, path: null }),
    sandbox: { users, vendor },
  });
  const api = createApi({
    invoke: (channel, request) => dispatch(coreFunctions, ctx, channel, request),
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
  return {
    api,
    ctx,
    close: async () => {
      await ctx.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

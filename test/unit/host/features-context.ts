// A real app context on the sandbox tenant with a temporary data folder, for the feature tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventMap, EventName, SandboxVendor } from '../../../shared/channels';
import { coreFunctions, createAppContext, dispatch } from '../../../electron/core/app/index';
import type { SaveFileRequest } from '../../../electron/core/app/context';

export type Pushed = { event: EventName; payload: EventMap[EventName] };

export interface FeatureContextOptions {
  vendor?: SandboxVendor;
  /** Give the context a choosePath answering files in this folder (else it has saveFile only). */
  streamTo?: string;
  /** Sees every pushed event as it is emitted (e.g. to cancel from a progress event). */
  onEmit?: (pushed: Pushed) => void;
  /** Share another context's data folder (a second app on another tenant); its owner removes it. */
  dataDir?: string;
}

export async function featureContext(users: number, { vendor = 'rfc', streamTo, onEmit, dataDir: shared }: FeatureContextOptions = {}) {
  const dataDir = shared ?? (await mkdtemp(join(tmpdir(), 'scim-features-')));
  const pushed: Pushed[] = [];
  const saved: SaveFileRequest[] = [];
  const ctx = createAppContext({
    mode: 'browser',
    version: '0.0.0',
    dataDir,
    emit: (event, payload) => {
      pushed.push({ event, payload });
      onEmit?.({ event, payload });
    },
    saveFile: async (request) => {
      saved.push(request);
      return { saved: true, path: `/exports/${request.suggestedName}` };
    },
    sandbox: { users, vendor },
    ...(streamTo ? { choosePath: async (request: { suggestedName: string }) => join(streamTo, request.suggestedName) } : {}),
  });
  const call = (channel: string, input: unknown) => dispatch(coreFunctions, ctx, channel, input);
  const close = async (): Promise<void> => {
    await ctx.close();
    if (!shared) await rm(dataDir, { recursive: true, force: true });
  };
  return { ctx, dataDir, pushed, saved, call, close };
}

/** The value of a channel Result, or a test failure naming the error. */
export function value<T>(result: { ok: boolean }): T {
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result)}`);
  return (result as unknown as { value: T }).value;
}

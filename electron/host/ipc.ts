// IPC handlers generated from the channel map through ONE wrapper that checks the sender frame
// (GitHub Desktop's trusted-ipc-sender / Fiddle's ipc wrapper): only the app's own top-level page,
// served from app://renderer, may call main. Everything else gets a forbidden Result.

import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { CHANNEL_NAMES, eventChannel, type EventMap, type EventName, type Result } from '../../shared/channels';
import { dispatch, type AppContext, type CoreFunctions } from '../core/app/index';

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Trusted: a live main frame whose URL is on the app's own origin. */
export function isTrustedFrame(frame: WebFrameMain | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export const defaultSenderCheck: SenderCheck = (event) => isTrustedFrame(event.senderFrame);

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This call came from a page that is not SCIM Inspector\'s own window and was refused.' },
};

/** Registers one handler per channel; returns a function that removes them all. */
export function registerChannelHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  functions: CoreFunctions,
  ctx: AppContext,
  isTrusted: SenderCheck = defaultSenderCheck,
): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrusted(event)) {
        console.warn(`[scim-inspector] refused ${channel} from an untrusted sender`);
        return FORBIDDEN;
      }
      return dispatch(functions, ctx, channel, input);
    });
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(channel);
  };
}

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** An emit() for the core that pushes events to the app window (and nowhere else). */
export function windowEmitter(target: () => EventTarget | null) {
  return <E extends EventName>(event: E, payload: EventMap[E]): void => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(eventChannel(event), payload);
  };
}

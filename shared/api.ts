// Builds the renderer's InspectorApi (narrow methods grouped by feature) from CHANNELS over any
// transport: the preload passes one over ipcRenderer, browser mode one over fetch. Both bridges
// therefore expose exactly the channel map, and neither hands the page a generic invoke().

import {
  CHANNEL_NAMES,
  isEventName,
  splitChannel,
  type ChannelName,
  type EventMap,
  type EventName,
  type InspectorApi,
  type Result,
} from './channels';
import { InspectorError } from './errors';

export interface ApiTransport {
  invoke(channel: ChannelName, request: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function createApi(transport: ApiTransport): InspectorApi {
  const groups: Record<string, Record<string, (request?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of CHANNEL_NAMES) {
    const [feature, method] = splitChannel(name);
    (groups[feature] ??= {})[method] = (request?: unknown) => transport.invoke(name, request);
  }
  const events = {
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      if (!isEventName(event)) throw new InspectorError('invalid-input', `There is no event named "${String(event)}".`);
      return transport.subscribe(event, (payload) => listener(payload as EventMap[E]));
    },
  };
  // The loop above creates exactly one method per channel, which is what InspectorApi spells out.
  return Object.freeze({ ...groups, events }) as unknown as InspectorApi;
}

/** The value of a Result, or the AppError thrown as an InspectorError (for code that prefers throw). */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new InspectorError(result.error.code, result.error.message, result.error.details);
}

// The browser-mode twin of the preload bridge: the same InspectorApi over fetch to the loopback
// web host. The per-launch secret comes once in the URL fragment, is kept in sessionStorage (this
// tab only) and then removed from the address bar.

import { createApi } from '../../../shared/api';
import type { EventName, InspectorApi, Result } from '../../../shared/channels';

const SECRET_KEY = 'scim-inspector.secret';
const SECRET_HEADER = 'X-Inspector-Secret';

/** Reads #secret=… once, stores it for this tab and strips it from the visible URL. */
export function takeSecret(): string | null {
  const match = /(?:^#|&)secret=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(SECRET_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(SECRET_KEY);
}

type Listener = (payload: unknown) => void;

/** One fetch-based SSE reader (EventSource cannot send the secret header) feeding all listeners. */
function eventStream(secret: string): (event: EventName, listener: Listener) => () => void {
  const listeners = new Map<string, Set<Listener>>();
  let started = false;
  const dispatchFrame = (frame: string): void => {
    let name = '';
    let data = '';
    for (const line of frame.split('\n')) {
      if (line.startsWith('event: ')) name = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (!name || !data) return;
    const payload: unknown = JSON.parse(data);
    for (const listener of listeners.get(name) ?? []) listener(payload);
  };
  const start = async (): Promise<void> => {
    const response = await fetch('/api/events', { headers: { [SECRET_HEADER]: secret } });
    if (!response.ok || !response.body) throw new Error(`The event stream answered ${response.status}.`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatchFrame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  };
  return (event, listener) => {
    if (!started) {
      started = true;
      start().catch((error: unknown) => {
        started = false;
        console.error('SCIM Inspector lost its event stream; reload the page.', error);
      });
    }
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
}

export function createHttpApi(secret: string): InspectorApi {
  return createApi({
    invoke: async (channel, request) => {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: secret },
        body: JSON.stringify(request ?? null),
      });
      if (response.status === 403) {
        return { ok: false, error: { code: 'forbidden', message: 'The local server refused this page. Open the URL that `serve` printed (it carries the secret).' } };
      }
      return (await response.json()) as Result<unknown>;
    },
    subscribe: eventStream(secret),
  });
}

// The one place the renderer picks its bridge: the preload's (Electron) when present, else the
// HTTP twin (browser mode). Views import `api` from here and never know which one they got.

import { BRIDGE_KEY, type InspectorApi } from '../../../shared/channels';
import { createHttpApi, takeSecret } from './http';

export { unwrap } from '../../../shared/api';
export type { InspectorApi } from '../../../shared/channels';

export type ApiChoice = { api: InspectorApi; mode: 'electron' | 'browser' } | { api: null; mode: 'browser'; problem: string };

export function chooseApi(): ApiChoice {
  const bridge = (window as unknown as Record<string, unknown>)[BRIDGE_KEY];
  if (typeof bridge === 'object' && bridge !== null) return { api: bridge as InspectorApi, mode: 'electron' };
  const secret = takeSecret();
  if (!secret) return { api: null, mode: 'browser', problem: 'This page was opened without its secret. Open the full URL that `npm start` or `serve` printed.' };
  return { api: createHttpApi(secret), mode: 'browser' };
}

// The remembered window geometry and its validation, apart from settings.ts so it can be tested
// without electron-store (which loads the real electron module).

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

/** A stored window state, or the default when the file holds something else (hand-edited, old). */
export function validWindowState(value: unknown): WindowState {
  if (typeof value !== 'object' || value === null) return DEFAULT_WINDOW_STATE;
  const v = value as Record<string, unknown>;
  const size = (n: unknown, min: number): n is number => typeof n === 'number' && Number.isFinite(n) && n >= min && n <= 20_000;
  const pos = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= 50_000;
  if (!size(v.width, 400) || !size(v.height, 300)) return DEFAULT_WINDOW_STATE;
  return {
    width: Math.round(v.width),
    height: Math.round(v.height),
    ...(pos(v.x) && pos(v.y) ? { x: Math.round(v.x), y: Math.round(v.y) } : {}),
    maximized: v.maximized === true,
  };
}


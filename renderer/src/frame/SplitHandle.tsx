// The detail pane as a resizable split: a handle between the page and the pane, dragged with the
// pointer or moved with the keyboard (a focusable role=separator: ←/→ by 16 px, Shift by 64,
// Home/End to the limits, aria-valuenow the pane's width in px). The width is remembered for the
// app (localStorage), so every tenant and every reload opens the pane as the admin left it.

import { useCallback, useEffect, useState } from 'react';
import { followDragX } from './drag-x';

const KEY = 'scim-inspector.detail-width';
export const DETAIL_WIDTH = { min: 260, initial: 420, step: 16, bigStep: 64 } as const;

/** The widest the pane may be: the page keeps at least 360 px (and the rail its own). */
const maxWidth = (): number => Math.max(DETAIL_WIDTH.min, window.innerWidth - 360 - 200);
const clamp = (w: number): number => Math.round(Math.min(maxWidth(), Math.max(DETAIL_WIDTH.min, w)));

function stored(): number {
  const raw = Number(globalThis.localStorage?.getItem(KEY));
  return Number.isFinite(raw) && raw > 0 ? raw : DETAIL_WIDTH.initial;
}

/** The pane's width (clamped to the window) and a setter that remembers it. */
export function useDetailWidth(): [number, (width: number) => void] {
  const [width, setWidth] = useState(() => clamp(stored()));
  useEffect(() => {
    const onResize = () => setWidth((w) => clamp(w));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const set = useCallback((next: number) => {
    const w = clamp(next);
    setWidth(w);
    globalThis.localStorage?.setItem(KEY, String(w));
  }, []);
  return [width, set];
}

export function SplitHandle({ width, onResize, label }: { width: number; onResize(width: number): void; label: string }) {
  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? DETAIL_WIDTH.bigStep : DETAIL_WIDTH.step;
    // The pane is on the right: moving the handle left widens it.
    const moves: Record<string, number> = { ArrowLeft: width + step, ArrowRight: width - step, Home: DETAIL_WIDTH.min, End: maxWidth() };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onResize(next);
  };
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const startWidth = width;
    // The pane is on the right: moving the handle left widens it.
    followDragX(e, (dx) => onResize(startWidth - dx));
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={DETAIL_WIDTH.min}
      aria-valuemax={maxWidth()}
      aria-valuetext={`${width} pixels wide`}
      tabIndex={0}
      className="split-handle"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    />
  );
}

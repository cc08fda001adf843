// Back and forward through the pages and resources of the open profile: Alt+←/Alt+→ and the
// mouse's side buttons (3: back, 4: forward), as in a browser. The browser's own back is
// prevented, so the keys never leave the app (browser mode has no page to go back to).

import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { UiState } from '../store/ui';

const BACK_BUTTON = 3;
const FORWARD_BUTTON = 4;

/** On macOS, Option+←/→ moves by word in a text field; there the field keeps the keys. */
function fieldOwnsKey(e: KeyboardEvent): boolean {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  const t = e.target;
  return mac && t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA'].includes(t.tagName));
}

export function useHistoryKeys(ui: StoreApi<UiState>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if ((e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') || fieldOwnsKey(e)) return;
      e.preventDefault();
      if (e.key === 'ArrowLeft') ui.getState().back();
      else ui.getState().forward();
    };
    // Chromium navigates on the side buttons' mouseup unless it is cancelled; the mousedown is
    // cancelled too so no text selection or focus change comes with it.
    const onMouse = (e: MouseEvent): void => {
      if (e.button !== BACK_BUTTON && e.button !== FORWARD_BUTTON) return;
      e.preventDefault();
      if (e.type !== 'mouseup') return;
      if (e.button === BACK_BUTTON) ui.getState().back();
      else ui.getState().forward();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onMouse);
    window.addEventListener('mouseup', onMouse);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onMouse);
      window.removeEventListener('mouseup', onMouse);
    };
  }, [ui]);
}

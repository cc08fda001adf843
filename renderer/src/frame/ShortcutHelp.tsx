// The keyboard shortcut help: `?` (outside text fields) opens a modal dialog listing every
// shortcut of the app; Escape or Close shuts it. Focus stays inside while it is open (Tab and
// Shift+Tab wrap) and goes back to where it was when it closes. The list is the one place the
// shortcuts are written down for the admin: a new shortcut belongs here too.

import { useCallback, useEffect, useRef, useState } from 'react';

export const SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: '?', what: 'Show this list of shortcuts' },
  { keys: 'Tab / Shift+Tab', what: 'Move between the navigation, the grid, the detail pane and a preview’s Confirm' },
  { keys: 'Alt+← / Alt+→', what: 'Back / forward through pages and opened resources' },
  { keys: 'Ctrl+F', what: 'Search the loaded rows' },
  { keys: 'Ctrl+R', what: 'Reload the listing' },
  { keys: '↑ / ↓', what: 'Move the cursor in the grid' },
  { keys: 'Enter', what: 'Open the row under the cursor in the detail pane' },
  { keys: 'Space', what: 'Select or unselect the row under the cursor' },
  { keys: 'Shift+click', what: 'Select a range of rows' },
  { keys: 'Ctrl+A', what: 'Select every row of the listing' },
  { keys: '← / → on the split', what: 'Resize the detail pane (Shift: faster; Home/End: narrowest/widest)' },
  { keys: 'Esc', what: 'Close the detail pane, or this list' },
];

function inTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Whether the help is open, and open/close; `?` opens it from anywhere but a text field. */
export function useShortcutHelp(): { open: boolean; show(): void; hide(): void } {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || inTextField(e.target)) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return { open, show: useCallback(() => setOpen(true), []), hide: useCallback(() => setOpen(false), []) };
}

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('button')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      returnTo?.focus();
    };
  }, []);
  const onKeyDown = (e: React.KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      // Handled here: the grid's Escape (close the detail pane) must not fire as well.
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab') {
      const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      const wrapTo = e.shiftKey && document.activeElement === first ? last : !e.shiftKey && document.activeElement === last ? first : null;
      if (wrapTo) {
        e.preventDefault();
        wrapTo.focus();
      }
    }
    // Other keys (the `?` that opened it, arrows) stay inside the dialog.
    e.stopPropagation();
  };
  return (
    <dialog ref={ref} className="shortcut-help" aria-labelledby="shortcut-help-title" onKeyDown={onKeyDown} onCancel={(e) => (e.preventDefault(), onClose())}>
      <header>
        <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
        <button type="button" onClick={onClose}>Close</button>
      </header>
      <div className="shortcut-list" tabIndex={0} role="region" aria-label="Shortcuts">
        <table className="dense">
          <thead>
            <tr><th scope="col">Keys</th><th scope="col">What it does</th></tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <th scope="row"><kbd>{s.keys}</kbd></th>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </dialog>
  );
}

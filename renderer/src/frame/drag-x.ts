// One horizontal pointer drag on a handle (a column's resize grip, the detail split): the handle
// captures the pointer, so the drag keeps following it outside the handle, and lets go on
// pointerup or pointercancel.

/** Calls `onMove` with how far the pointer moved right of where it went down, until it is let go. */
export function followDragX(e: React.PointerEvent<HTMLElement>, onMove: (dx: number) => void): void {
  const handle = e.currentTarget;
  const startX = e.clientX;
  handle.setPointerCapture(e.pointerId);
  const move = (m: PointerEvent): void => onMove(m.clientX - startX);
  const up = (): void => {
    handle.removeEventListener('pointermove', move);
    handle.removeEventListener('pointerup', up);
    handle.removeEventListener('pointercancel', up);
  };
  handle.addEventListener('pointermove', move);
  handle.addEventListener('pointerup', up);
  handle.addEventListener('pointercancel', up);
}

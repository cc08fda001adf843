// "At once" without a clock: whether a promise settles within a few turns of the event loop after
// the event that should settle it. A call that instead waits out a timer (a Retry-After, a slow
// body) cannot settle in that many turns, however fast or loaded the machine is.

/** True when `promise` has settled within `turns` turns of the event loop (default 10). */
export async function settlesAtOnce(promise: Promise<unknown>, turns = 10): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i <= turns && !settled; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
  return settled;
}

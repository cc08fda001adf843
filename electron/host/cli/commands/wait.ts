// Long-running commands (sandbox, serve) keep serving until the run is cancelled (SIGINT/SIGTERM
// abort the run's signal in index.ts) and then close what they started.

export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

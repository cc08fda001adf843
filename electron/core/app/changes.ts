// Every verified write (and the re-read after a 412) is published once here: pushed to the
// renderer as 'resource.changed', whose store updates the grid, the detail pane and group members
// from it, and handed to the core's own listeners (the open audit's findings). Write features call
// publishChange with the resource as read back from the server, never with what they sent.

import type { ResourceChange } from '../../../shared/channels';
import type { AppContext } from './context';

export type ChangeListener = (change: ResourceChange) => void;

const listeners = new WeakMap<AppContext, Set<ChangeListener>>();

export function publishChange(ctx: AppContext, change: ResourceChange): void {
  ctx.emit('resource.changed', change);
  for (const listener of listeners.get(ctx) ?? []) listener(change);
}

/** Listens to the verified changes of this app context; returns the unsubscribe. */
export function onChange(ctx: AppContext, listener: ChangeListener): () => void {
  let set = listeners.get(ctx);
  if (!set) listeners.set(ctx, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

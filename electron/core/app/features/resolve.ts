// The core functions behind shared/channels/resolve.ts (plain Node, no electron): the session's
// resolver, so the app, the CLI and every feature resolve values the same way and share the
// session's verified-complete listing.

import type { RESOLVE_CHANNELS } from '../../../../shared/channels/resolve';
import { listingCacheFor, resolveValues } from '../../resolve/index';
import type { AppContext } from '../context';
import type { FunctionsFor } from '../functions';

/** Runs `work` cancellable under operationId when the renderer gave one. */
function maybeOperation<T>(ctx: AppContext, operationId: string | undefined, work: (signal?: AbortSignal) => Promise<T>): Promise<T> {
  return operationId === undefined ? work() : ctx.sessions.operation(operationId, (signal) => work(signal));
}

export const resolveFunctions: FunctionsFor<typeof RESOLVE_CHANNELS> = {
  'resolve.values': async (ctx, { profileId, kind, values, fields, refresh, serverFilterOnly, operationId }) =>
    maybeOperation(ctx, operationId, async (signal) => {
      const { client } = await ctx.sessions.discoveredSession(profileId, signal);
      return resolveValues(client, kind, values, { ...(fields ? { fields } : {}), refresh, serverFilterOnly, ...(signal ? { signal } : {}) });
    }),
  'resolve.listings': async (ctx, { profileId }) => {
    const cache = listingCacheFor((await ctx.sessions.session(profileId)).client);
    return { Users: cache.held('Users')?.info ?? null, Groups: cache.held('Groups')?.info ?? null };
  },
  'resolve.refresh': async (ctx, { profileId, kind, operationId }) =>
    maybeOperation(ctx, operationId, async (signal) => {
      const { client } = await ctx.sessions.discoveredSession(profileId, signal);
      const cache = listingCacheFor(client);
      cache.drop(kind);
      return (await cache.get(kind, signal)).info;
    }),
};

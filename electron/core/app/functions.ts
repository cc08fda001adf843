// The core functions behind the channels, one per entry of CHANNELS. Hosts never call these
// directly: they go through dispatch() so every call is validated and answers a Result.

import type { AppInfo, ChannelName, DiscoverySummary, ListSummary, RequestOf, ResponseOf } from '../../../shared/channels';
import { InspectorError } from '../../../shared/errors';
import { summaryOf } from '../../../shared/scim';
import type { AppContext } from './context';
import { SANDBOX_PROFILE_ID } from './sessions';
import { profileFunctions } from './features/profiles';
import { profileConnectionFunctions } from './features/profile-connection';
import { explorerFunctions } from './features/explorer';
import { editFunctions } from './features/edit';
import { deactivateFunctions } from './features/deactivate';
import { auditFunctions } from './features/audit';
import { resolveFunctions } from './features/resolve';
import { tableExportFunctions } from './features/table-export';
import { indexListing, tableFunctions } from './features/table';
import { tableSelectionFunctions } from './features/table-selection';
import { gridViewFunctions } from './features/grid-views';
import { limitsFunctions } from './features/limits';
import { RENDERER_HOLDS_MAX } from '../../../shared/channels/table';
import { createFunctions } from './features/create';

export type CoreFunctions = { [K in ChannelName]: (ctx: AppContext, request: RequestOf<K>) => Promise<ResponseOf<K>> };

/** The functions of one feature's channel map (electron/core/app/features/<feature>.ts). */
export type FunctionsFor<M> = { [K in keyof M & ChannelName]: (ctx: AppContext, request: RequestOf<K>) => Promise<ResponseOf<K>> };

async function appInfo(ctx: AppContext): Promise<AppInfo> {
  const saved = ctx.profiles?.list() ?? [];
  return { ...ctx.app, profiles: [{ id: SANDBOX_PROFILE_ID, name: 'Sandbox tenant (demo)', builtIn: true }, ...saved] };
}

async function discover(ctx: AppContext, { profileId }: RequestOf<'connection.discover'>): Promise<DiscoverySummary> {
  const session = await ctx.sessions.session(profileId);
  const result = await session.client.discover();
  session.discovered = true;
  const idOf = (r: Record<string, unknown>, key: string): string => (typeof r[key] === 'string' ? (r[key] as string) : '?');
  return {
    profileId,
    baseUrl: result.baseUrl,
    capabilities: result.capabilities,
    warnings: result.warnings,
    roundTripMs: result.roundTripMs,
    resourceTypes: result.resourceTypes.map((r) => idOf(r, 'name')),
    schemaIds: result.schemas.map((s) => idOf(s, 'id')),
  };
}

async function listResources(ctx: AppContext, request: RequestOf<'resources.list'>): Promise<ListSummary> {
  const { profileId, kind, listId, filter, limit, pages } = request;
  // Main indexes every explorer listing (sort, search and windows of rows run here).
  const index = indexListing(ctx, profileId, kind, listId, filter);
  // Only a listing that returns verified complete marks the index complete (a throw, a cancel: not).
  let complete = false;
  try {
    return await ctx.sessions.operation(listId, async (signal) => {
      const session = await ctx.sessions.discoveredSession(profileId, signal);
      const outcome = await session.client.list(kind, {
        signal,
        ...(filter !== undefined ? { filter } : {}),
        ...(limit !== undefined ? { limit } : {}),
        // Nothing but main's index keeps the resources; each page is verified before it arrives here.
        keep: false,
        // Pages stream to the renderer as they arrive: 100k users never travel as one message.
        onPage: (resources, progress) => {
          const held = index.page(resources);
          const send = pages === 'resources' || (pages === 'auto' && held <= RENDERER_HOLDS_MAX && (progress.reportedTotal ?? 0) <= RENDERER_HOLDS_MAX);
          ctx.emit('resources.page', { listId, resources: send ? resources : [], progress, held, rowsOnly: !send });
          ctx.emit('progress', { operationId: listId, label: `Loading ${kind}`, done: progress.pagesDone, total: progress.pagesTotal });
        },
      });
      const { Resources: _all, ...summary } = outcome;
      complete = outcome.complete;
      return { ...summary, listId, kind };
    });
  } finally {
    index.end(complete);
  }
}

export const coreFunctions: CoreFunctions = {
  'app.info': (ctx) => appInfo(ctx),
  'sandbox.status': async (ctx) => ctx.sessions.sandboxStatus(),
  'sandbox.start': (ctx, { vendor, users }) => ctx.sessions.startSandbox(vendor, users),
  'connection.discover': discover,
  'resources.list': listResources,
  'resources.cancel': async (ctx, { listId }) => ({ cancelled: ctx.sessions.cancelOperation(listId) }),
  // Summaries only: the bodies of a 100k-user listing would be ~64 MB over IPC. One entry's
  // bodies are sent when it is opened.
  'requestLog.entries': async (ctx, { profileId }) => (await ctx.sessions.session(profileId)).client.transport.log.entries().map(summaryOf),
  // Never opens a session: a profile that made no call has none.
  'requestLog.counts': async (ctx, { profileId }) => ctx.sessions.openSession(profileId)?.client.transport.log.counts() ?? { made: 0, held: 0, capacity: 0 },
  'requestLog.body': async (ctx, { profileId, entryId }) => {
    const entry = (await ctx.sessions.session(profileId)).client.transport.log.entries().find((e) => e.id === entryId);
    if (!entry) throw new InspectorError('not-found', `Request #${entryId} is no longer in the request log (it keeps the most recent calls). Export the HAR while a call is still listed to keep its bodies.`, { entryId });
    const dropped = entry.bodiesDropped
      ? `The log no longer keeps the bodies of request #${entry.id}: it keeps the bodies of the most recent calls only (about 24 MB), and later calls took their place. Headers and status are still here; export the HAR soon after a call to keep its bodies.`
      : null;
    return { id: entry.id, requestBody: entry.requestBody, responseBody: entry.responseBody, dropped };
  },
  'requestLog.exportHar': async (ctx, { profileId }) => {
    const log = (await ctx.sessions.session(profileId)).client.transport.log;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return ctx.saveFile({
      suggestedName: `scim-inspector-${profileId.replace(/[^A-Za-z0-9_-]/g, '_')}-${stamp}.har`,
      content: `${JSON.stringify(log.toHar(), null, 2)}\n`,
      extensions: ['har'],
      description: 'HTTP Archive',
    });
  },
  ...profileFunctions,
  ...profileConnectionFunctions,
  ...explorerFunctions,
  ...editFunctions,
  ...deactivateFunctions,
  ...auditFunctions,
  ...resolveFunctions,
  ...tableExportFunctions,
  ...tableFunctions,
  ...tableSelectionFunctions,
  ...gridViewFunctions,
  ...limitsFunctions,
  ...createFunctions,
};


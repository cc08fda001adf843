// Channels of the tenant explorer: single resources, group membership, capabilities. Each entry: 'feature.method': channel<Response>()(parse).
// Spread into CHANNELS in shared/channels.ts; implementations in electron/core/app/features/explorer.ts.

import type { ChannelDef } from '../channel-def';

export const EXPLORER_CHANNELS = {} satisfies Record<string, ChannelDef<unknown, unknown>>;

// Channels of deactivation plans, runs, resume and undo. Each entry: 'feature.method': channel<Response>()(parse).
// Spread into CHANNELS in shared/channels.ts; implementations in electron/core/app/features/deactivate.ts.

import type { ChannelDef } from '../channel-def';

export const DEACTIVATE_CHANNELS = {} satisfies Record<string, ChannelDef<unknown, unknown>>;

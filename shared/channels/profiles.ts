// Channels of saved profiles, tokens (write-only), test connection. Each entry: 'feature.method': channel<Response>()(parse).
// Spread into CHANNELS in shared/channels.ts; implementations in electron/core/app/features/profiles.ts.

import type { ChannelDef } from '../channel-def';

export const PROFILE_CHANNELS = {} satisfies Record<string, ChannelDef<unknown, unknown>>;

// Channels of snapshots, audits, diffs and CSV exports. Each entry: 'feature.method': channel<Response>()(parse).
// Spread into CHANNELS in shared/channels.ts; implementations in electron/core/app/features/audit.ts.

import type { ChannelDef } from '../channel-def';

export const AUDIT_CHANNELS = {} satisfies Record<string, ChannelDef<unknown, unknown>>;

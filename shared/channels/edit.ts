// Channels of edits through PatchOp previews and the change journal. Each entry: 'feature.method': channel<Response>()(parse).
// Spread into CHANNELS in shared/channels.ts; implementations in electron/core/app/features/edit.ts.

import type { ChannelDef } from '../channel-def';

export const EDIT_CHANNELS = {} satisfies Record<string, ChannelDef<unknown, unknown>>;

// The core functions behind shared/channels/explorer.ts, one per channel (plain Node, no electron).

import type { EXPLORER_CHANNELS } from '../../../../shared/channels/explorer';
import type { FunctionsFor } from '../functions';

export const explorerFunctions: FunctionsFor<typeof EXPLORER_CHANNELS> = {};

// The core functions behind shared/channels/deactivate.ts, one per channel (plain Node, no electron).

import type { DEACTIVATE_CHANNELS } from '../../../../shared/channels/deactivate';
import type { FunctionsFor } from '../functions';

export const deactivateFunctions: FunctionsFor<typeof DEACTIVATE_CHANNELS> = {};

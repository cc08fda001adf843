// The core functions behind shared/channels/edit.ts, one per channel (plain Node, no electron).

import type { EDIT_CHANNELS } from '../../../../shared/channels/edit';
import type { FunctionsFor } from '../functions';

export const editFunctions: FunctionsFor<typeof EDIT_CHANNELS> = {};

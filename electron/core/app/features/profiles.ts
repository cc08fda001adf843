// The core functions behind shared/channels/profiles.ts, one per channel (plain Node, no electron).

import type { PROFILE_CHANNELS } from '../../../../shared/channels/profiles';
import type { FunctionsFor } from '../functions';

export const profileFunctions: FunctionsFor<typeof PROFILE_CHANNELS> = {};

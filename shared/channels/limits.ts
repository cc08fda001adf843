// The channel of a tenant's limits: what it can and cannot do, from the profile's vendor hint and
// what discovery saw (shared/limits.ts). Implementation in electron/core/app/features/limits.ts.

import type { ChannelDef } from '../channel-def';
import { channel } from '../channel-def';
import { record, requiredString } from '../channel-guards';
import type { TenantLimits } from '../limits';

export const LIMITS_CHANNELS = {
  'limits.get': channel<TenantLimits>()((input) => ({ profileId: requiredString(record(input, 'limits.get').profileId, 'profileId') })),
} satisfies Record<string, ChannelDef<unknown, unknown>>;

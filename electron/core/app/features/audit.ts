// The core functions behind shared/channels/audit.ts, one per channel (plain Node, no electron).

import type { AUDIT_CHANNELS } from '../../../../shared/channels/audit';
import type { FunctionsFor } from '../functions';

export const auditFunctions: FunctionsFor<typeof AUDIT_CHANNELS> = {};

// The core function behind shared/channels/limits.ts: the vendor's documented limits (the profile's
// vendor hint, see profiles/vendor-limits.ts) joined with what discovery saw on this tenant — no
// /Groups, no PATCH — so the app says up front what cannot be done and why.

import type { LIMITS_CHANNELS } from '../../../../shared/channels/limits';
import { toAppError } from '../../../../shared/errors';
import type { TenantLimits } from '../../../../shared/limits';
import { vendorLimits } from '../../profiles/vendor-limits';
import type { AppContext } from '../context';
import type { Session } from '../sessions';
import type { DiscoveryResult } from '../../../../shared/scim';
import type { FunctionsFor } from '../functions';
import { profileFacts } from './edit';

// One discovery per session for its limits and the grid's attribute columns (every window and page
// asks for them), not one a call.
const discoveries = new WeakMap<Session['client'], Promise<DiscoveryResult>>();

export function discoveryOf(session: Session): Promise<DiscoveryResult> {
  const known = discoveries.get(session.client);
  if (known) return known;
  const running = session.client.discover().then((result) => ((session.discovered = true), result));
  discoveries.set(session.client, running);
  // A failed discovery is asked again next time.
  running.catch(() => discoveries.delete(session.client));
  return running;
}

async function limitsOf(ctx: AppContext, profileId: string): Promise<TenantLimits> {
  const facts = await profileFacts(ctx, profileId);
  const vendor = facts.vendor ?? 'generic';
  const v = vendorLimits(vendor);
  const limits: TenantLimits = {
    profileId,
    vendor,
    vendorLabel: v.label,
    documented: v.documented,
    groups: { available: v.noGroups === null, reason: v.noGroups },
    userPatch: v.userPatch,
    patch: { available: true, reason: v.userPatch === 'active-only' ? `${v.label} applies only active from a PATCH on a user; other changes go as a PUT.` : null },
    put: { available: v.noPut === null, reason: v.noPut },
    fixedUserAttributes: v.fixedUserAttributes,
    requiredOnCreate: v.requiredOnCreate,
    groupMembersMustBeActive: v.groupMembersMustBeActive,
    createActivatesExisting: v.createActivatesExisting,
    notes: v.notes,
    discoveryProblem: null,
  };
  try {
    const session = await ctx.sessions.session(profileId);
    const { capabilities, warnings } = await discoveryOf(session);
    if (limits.groups.available && !capabilities.groups) {
      const seen = warnings.find((w) => /groups/i.test(w));
      limits.groups = { available: false, reason: `Discovery found no groups on this tenant${seen ? `: ${seen}` : '.'}` };
    }
    if (!capabilities.patch) limits.patch = { available: false, reason: 'The ServiceProviderConfig says PATCH is not supported: changes go as a PUT (full replace).' };
  } catch (error) {
    limits.discoveryProblem = `Discovery failed (${toAppError(error).message}); these limits come from the vendor's documentation only.`;
  }
  return limits;
}

export const limitsFunctions: FunctionsFor<typeof LIMITS_CHANNELS> = {
  'limits.get': (ctx, { profileId }) => limitsOf(ctx, profileId),
};

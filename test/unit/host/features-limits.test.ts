// What a tenant can and cannot do, through dispatch() on each sandbox vendor: the vendor's
// documented limits joined with discovery (Mittr: no groups, no PUT; Mindtickle: PATCH only
// active, what a create needs; Lettermint: title, department and manager never change), and the
// profile list names the sandbox's real vendor before the demo tenant has started.
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileList } from '../../../shared/channels/profiles';
import type { TenantLimits } from '../../../shared/limits';
import { featureContext, value } from './features-context';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function limits(vendor: 'rfc' | 'mittr' | 'mindtickle' | 'lettermint') {
  const f = await featureContext(10, { vendor });
  close = f.close;
  // Before anything started the demo tenant, the sidebar's vendor is already the real one.
  expect(value<ProfileList>(await f.call('profiles.list', undefined)).profiles[0]?.vendor).toBe(vendor);
  return value<TenantLimits>(await f.call('limits.get', { profileId: 'sandbox' }));
}

describe('tenant limits', () => {
  it('rfc: everything, from its documentation and discovery', async () => {
    const l = await limits('rfc');
    expect(l).toMatchObject({ vendor: 'rfc', groups: { available: true }, userPatch: 'all', patch: { available: true, reason: null }, put: { available: true }, fixedUserAttributes: [], discoveryProblem: null });
    expect(l.requiredOnCreate).toEqual({ Users: ['userName'], Groups: ['displayName'] });
  });

  it('mittr: no groups and no PUT, with the reasons', async () => {
    const l = await limits('mittr');
    expect(l.groups.available).toBe(false);
    expect(l.groups.reason).toMatch(/^Mittr does not expose \/Groups/);
    expect(l.put).toEqual({ available: false, reason: 'Mittr has no PUT; users change by PATCH only.' });
  });

  it('mindtickle: PATCH only active; a create needs names and an email', async () => {
    const l = await limits('mindtickle');
    expect(l.userPatch).toBe('active-only');
    expect(l.patch.reason).toMatch(/applies only active/);
    expect(l.requiredOnCreate.Users).toEqual(['userName', 'name.givenName', 'name.familyName', 'emails']);
  });

  it('lettermint: title, department and manager never change; members must be active', async () => {
    const l = await limits('lettermint');
    expect(l.fixedUserAttributes.map((a) => a.field)).toEqual(['title', 'department', 'manager']);
    expect(l).toMatchObject({ groupMembersMustBeActive: true, createActivatesExisting: true });
  });
});

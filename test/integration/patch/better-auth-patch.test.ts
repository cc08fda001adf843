// The builder against Better Auth's SCIM plugin (users only): built patches, sent as they are,
// leave the server holding the previewed resource. No random edits here: Better Auth refuses
// many valid resources (repeated email types, no emails, nickName patches), so random runs would
// test its rules, not ours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBetterAuthScim, type PeerHandle } from '../../support/peers';
import { roundTrip } from './roundtrip';

let peer: PeerHandle;

beforeAll(async () => {
  peer = await startBetterAuthScim();
});
afterAll(async () => {
  await peer?.close();
});

describe('built patches applied by Better Auth give the previewed resource', () => {
  it('simple, sub-attribute, multi-valued and active edits', async () => {
    const after = await roundTrip(peer, 'Users', peer.seedUserIds[0]!, (u) => ((u.title = 'Engineer'), ((u.name as Record<string, unknown>).givenName = 'Augusta'), (u.emails = [{ value: 'n@example.test', type: 'home', primary: true }]), (u.active = false), delete u.externalId));
    expect(after).toMatchObject({ title: 'Engineer', active: false });
  });
});

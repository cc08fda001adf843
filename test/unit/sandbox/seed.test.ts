// Seeded tenant data: deterministic per seed, and the planted facts are exactly what the data holds.

import { describe, expect, it } from 'vitest';
import { describePlantedData, VENDORS } from '../../../electron/core/sandbox';
import { buildTenant } from '../../../electron/core/sandbox/seed';
import { SandboxStore } from '../../../electron/core/sandbox/store';

type Rec = Record<string, unknown>;

describe('sandbox seed', () => {
  it('builds the same tenant from the same seed and a different one from another', () => {
    const a = buildTenant(VENDORS.rfc, { users: 300, seed: 42 });
    const b = buildTenant(VENDORS.rfc, { users: 300, seed: 42 });
    const c = buildTenant(VENDORS.rfc, { users: 300, seed: 43 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a.users)).not.toBe(JSON.stringify(c.users));
  });

  it('plants exactly the counted facts', () => {
    const { users, groups, planted } = buildTenant(VENDORS.rfc, { users: 400, seed: 1 });
    expect(planted.users).toBe(400);
    expect(users.filter((u) => u.active === false)).toHaveLength(planted.inactiveUsers);
    expect(planted.inactiveUsers).toBeGreaterThan(15);
    expect(planted.inactiveUsers).toBeLessThan(70);
    expect(users.filter((u) => u.externalId === undefined)).toHaveLength(planted.usersWithoutExternalId);
    expect(planted.usersWithoutExternalId).toBeGreaterThan(0);
    const differs = users.filter((u) => ((u.emails as Rec[])[0] as Rec).value !== u.userName);
    expect(differs).toHaveLength(planted.emailDiffersFromUserName);
    expect(planted.caseCollidingUserNames).toHaveLength(3);
    for (const [x, y] of planted.caseCollidingUserNames) {
      expect(x).not.toBe(y);
      expect(x.toLowerCase()).toBe(y.toLowerCase());
      expect(users.some((u) => u.userName === x) && users.some((u) => u.userName === y)).toBe(true);
    }
    const byId = new Map(users.map((u) => [u.id as string, u]));
    expect(planted.formulaLikeUserIds.map((id) => byId.get(id)?.title).every((t) => /^[=+\-@]/.test(String(t)))).toBe(true);
    expect(planted.multilineUserIds.map((id) => byId.get(id)?.title).every((t) => /\n/.test(String(t)))).toBe(true);
    expect(planted.groups).toBe(20);
    expect(groups.find((g) => g.id === planted.emptyGroupId)?.members).toEqual([]);
    const dangling = groups.find((g) => g.id === planted.danglingMember?.groupId);
    expect((dangling?.members as Rec[]).map((m) => m.value)).toContain(planted.danglingMember?.memberId);
    expect(byId.has(planted.danglingMember?.memberId as string)).toBe(false);
    expect(String(groups.find((g) => g.id === planted.formulaLikeGroupId)?.displayName)).toMatch(/^=/);
    const created = users.map((u) => Date.parse((u.meta as Rec).created as string));
    expect(Math.max(...created) - Math.min(...created)).toBeGreaterThan(300 * 24 * 3600 * 1000);
    expect(users.some((u) => /[^ -~]/.test(String(u.displayName)))).toBe(true);
    expect(users.filter((u) => (u['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'] as Rec | undefined)?.manager).length).toBeGreaterThan(100);
  });

  it('sizes groups from users (min 5) and honours an explicit count', () => {
    expect(describePlantedData({ users: 30 }).groups).toBe(5);
    expect(describePlantedData({ users: 2000 }).groups).toBe(100);
    expect(describePlantedData({ users: 100, groups: 8 }).groups).toBe(8);
    expect(describePlantedData({ vendor: 'mittr', users: 100 }).groups).toBe(0);
  });

  it('describes the same facts the store was built with', () => {
    const store = new SandboxStore(VENDORS.entra, { users: 200, seed: 9 });
    expect(describePlantedData({ vendor: 'entra', users: 200, seed: 9 })).toEqual(store.planted);
    expect(store.planted.usersWithoutExternalId).toBe(0);
  });

  it('refuses unknown vendors and bad sizes with a usage error', () => {
    expect(() => describePlantedData({ vendor: 'okta' as never })).toThrow(/Unknown sandbox vendor/);
    expect(() => describePlantedData({ users: -1 })).toThrow(/whole number/);
  });
});

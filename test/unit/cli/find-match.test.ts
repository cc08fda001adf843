import { describe, expect, it } from 'vitest';
import { parse } from 'scim2-parse-filter';
import { candidatesFor, lookupFilter, nearMisses } from '../../../electron/host/cli/commands/find-match';
import type { ScimResource } from '../../../shared/scim';

const user = (id: string, extra: Record<string, unknown>): ScimResource => ({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id, ...extra });

describe('find matching', () => {
  it('matches userName and primary email case-insensitively, externalId exactly', () => {
    const users = [
      user('1', { userName: 'JDoe', externalId: 'E1' }),
      user('2', { userName: 'other', externalId: 'e1' }),
      user('3', { userName: 'x', emails: [{ value: 'JDOE', primary: true }] }),
    ];
    expect(candidatesFor(users, 'Users', 'jdoe').map((c) => c.candidate)).toEqual([
      { id: '1', userName: 'JDoe', matchedOn: ['userName'] },
      { id: '3', userName: 'x', matchedOn: ['primaryEmail'] },
    ]);
    expect(candidatesFor(users, 'Users', 'E1').map((c) => c.candidate.id)).toEqual(['1']);
  });

  it('ignores a non-primary email when another is primary, and counts a resource once', () => {
    const users = [
      user('1', { userName: 'a', emails: [{ value: 'a@x', primary: true }, { value: 'z@x' }] }),
      user('1', { userName: 'a', emails: [{ value: 'a@x', primary: true }] }),
    ];
    expect(candidatesFor(users, 'Users', 'z@x')).toEqual([]);
    expect(candidatesFor(users, 'Users', 'a@x')).toHaveLength(1);
  });

  it('offers a user whose non-primary email is VALUE as a near miss, not a match', () => {
    const users = [user('1', { userName: 'a', emails: [{ value: 'a@x', primary: true }, { value: 'Home@x' }] })];
    expect(candidatesFor(users, 'Users', 'home@x')).toEqual([]);
    expect(nearMisses(users, 'home@x')).toEqual([{ id: '1', userName: 'a', matchedOn: ['otherEmail'] }]);
  });

  it('matches groups on displayName and externalId', () => {
    const groups = [{ schemas: [], id: 'g', displayName: 'Sales' }];
    expect(candidatesFor(groups, 'Groups', 'sales').map((c) => c.candidate.matchedOn)).toEqual([['displayName']]);
  });

  it('builds a lookup filter that parses even for values with quotes and backslashes', () => {
    const value = 'o"brien\\x';
    expect(() => parse(lookupFilter('Users', value))).not.toThrow();
    expect(lookupFilter('Groups', 'A')).toBe('displayName eq "A" or externalId eq "A"');
  });
});

// Filter evaluation, indexed lookups, sorting and projection inside the sandbox store.

import { describe, expect, it } from 'vitest';
import { VENDORS } from '../../../electron/core/sandbox';
import { parseFilter } from '../../../electron/core/sandbox/filter';
import { runQuery } from '../../../electron/core/sandbox/query';
import { project } from '../../../electron/core/sandbox/render';
import { SandboxStore } from '../../../electron/core/sandbox/store';

const store = new SandboxStore(VENDORS.rfc, { users: 300, seed: 4 });
const ids = (filter: string): readonly string[] => runQuery(store, 'Users', { filter: parseFilter(filter) });
const scan = (pred: (u: Record<string, unknown>) => boolean): string[] =>
  store.ids('Users').filter((id) => pred(store.get('Users', id)?.res ?? {}));

describe('sandbox query', () => {
  it('agrees between the userName index and a full scan, case-insensitively', () => {
    const [upper] = store.planted.caseCollidingUserNames[1] ?? [''];
    expect(ids(`userName eq "${upper}"`)).toHaveLength(2);
    expect(ids(`userName eq "${upper}" or userName eq "nobody"`)).toEqual(ids(`userName eq "${upper}"`));
  });

  it('reads emails eq as emails.value eq and matches any email, not only the primary', () => {
    const withHome = scan((u) => Array.isArray(u.emails) && u.emails.length > 1)[0] as string;
    const home = ((store.get('Users', withHome)?.res.emails as Array<{ value: string }>)[1] as { value: string }).value;
    expect(ids(`emails eq "${home.toUpperCase()}"`)).toEqual([withHome]);
    expect(ids(`emails[type eq "home" and value eq "${home}"]`)).toEqual([withHome]);
  });

  it('evaluates logical filters and enterprise extension paths', () => {
    const dept = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department';
    const expected = scan((u) => u.active === true && (u['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'] as { department?: string } | undefined)?.department === 'Sales');
    expect(ids(`active eq true and ${dept} eq "sales"`)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('filters users by their computed groups membership', () => {
    const groupId = store.ids('Groups')[0] as string;
    const members = (store.get('Groups', groupId)?.res.members as Array<{ value: string }>).map((m) => m.value);
    expect(ids(`groups.value eq "${groupId}"`)).toEqual(store.ids('Users').filter((id) => members.includes(id)));
    expect(ids(`groups eq "${groupId}"`)).toHaveLength(members.length);
  });

  it('sorts missing values last ascending and first descending', () => {
    const asc = runQuery(store, 'Users', { filter: null, sortBy: 'externalId' });
    const last = store.get('Users', asc[asc.length - 1] as string)?.res;
    expect(last?.externalId).toBeUndefined();
    const desc = runQuery(store, 'Users', { filter: null, sortBy: 'externalId', sortOrder: 'descending' });
    expect(store.get('Users', desc[0] as string)?.res.externalId).toBeUndefined();
  });

  it('drops cached results when the data changes', () => {
    const before = ids('title eq "Cached Title"');
    const id = store.ids('Users')[0] as string;
    store.update('Users', id, { ...(store.get('Users', id)?.res ?? {}), title: 'Cached Title' });
    expect(ids('title eq "Cached Title"')).toEqual([...before, id]);
  });

  it('projects attributes (id and schemas always) and excludes others', () => {
    const res = { schemas: ['s'], id: '1', userName: 'u', emails: [{ value: 'a', type: 'work' }], name: { givenName: 'g', familyName: 'f' } };
    expect(project(structuredClone(res), ['emails.value'])).toEqual({ schemas: ['s'], id: '1', emails: [{ value: 'a' }] });
    expect(project(structuredClone(res), undefined, ['name.familyName', 'id'])).toEqual({ ...res, name: { givenName: 'g' } });
  });
});

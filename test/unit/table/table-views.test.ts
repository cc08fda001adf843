// Main's index of a listing (issue 15, the explorer at 1M): its windows of rows must be exactly
// what the renderer's old in-memory table showed — the same rows, in the same order, for every
// quick search and sort — through pages, writes (read-backs) and deletes. Compared here with a
// plain model built the renderer's way (strings per row, Array filter and sort).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, SEARCHED, type Column } from '../../../shared/columns';
import type { ScimResource } from '../../../shared/scim';
import { ProfileTables } from '../../../electron/core/table/profile-tables';
import type { Sort } from '../../../electron/core/table/views';

type User = ScimResource;

function user(id: string, userName: string, extra: Partial<User> = {}): User {
  return { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id, userName, ...extra };
}

/** The renderer's old view: search over the searched columns joined, then its comparator. */
const DEPARTMENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department';

/** A cell the model's way: a fixed column's text, or the enterprise department read off the resource. */
function modelCell(u: User, column: string): string {
  if (column !== DEPARTMENT) return cellText(u, column as Column);
  const ext = u['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'] as { department?: string } | undefined;
  return ext?.department ?? '';
}

function modelView(users: readonly User[], search: string, sort: Sort | null): string[] {
  const q = search.trim().toLowerCase();
  // eslint-disable-next-line no-control-regex
  const query = q.replace(/[\u0000-\u001f]/g, '');
  let rows = users.map((u, i) => ({ u, i, key: sort ? Buffer.from(modelCell(u, sort.column).toLowerCase()) : Buffer.alloc(0) }));
  if (query !== '') rows = rows.filter(({ u }) => SEARCHED.Users.map((c) => cellText(u, c).replace(/\n/g, ' ').toLowerCase()).some((t) => t.includes(query)));
  if (sort) {
    const sign = sort.dir === 'asc' ? 1 : -1;
    rows.sort((a, b) => sign * Buffer.compare(a.key, b.key) || a.i - b.i);
  }
  return rows.map(({ u }) => u.id);
}

function viewIds(tables: ProfileTables, search: string, sort: Sort | null): string[] {
  const held = tables.table('Users');
  if (!held) throw new Error('no users table');
  return Array.from(held.views.all({ search, sort }), (row) => held.index.idOf(row));
}

const word = fc.stringMatching(/^[a-cA-C .é@-]{0,6}$/);
const arbUser = (id: string) =>
  fc.record({ userName: word, displayName: fc.option(word, { nil: undefined }), title: fc.option(word, { nil: undefined }), email: fc.option(word, { nil: undefined }), active: fc.option(fc.boolean(), { nil: undefined }), department: fc.option(word, { nil: undefined }) }).map((r) =>
    user(id, r.userName, {
      ...(r.department !== undefined ? { 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: r.department } } : {}),
      ...(r.displayName !== undefined ? { displayName: r.displayName } : {}),
      ...(r.title !== undefined ? { title: r.title } : {}),
      ...(r.email !== undefined ? { emails: [{ value: r.email }] } : {}),
      ...(r.active !== undefined ? { active: r.active } : {}),
    }),
  );
const arbSort: fc.Arbitrary<Sort | null> = fc.option(fc.record({ column: fc.constantFrom<string>('userName', 'displayName', 'active', 'title', 'emails', DEPARTMENT), dir: fc.constantFrom<'asc' | 'desc'>('asc', 'desc') }), { nil: null });
const arbQuery = fc.stringMatching(/^[a-cA-C .é@-]{0,3}$/);

describe('main’s listing index: views against the renderer’s model', () => {
  it('search and sort give the same rows in the same order, through pages, writes and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(40), { minLength: 1, maxLength: 60 }).chain((ids) =>
          fc.tuple(
            fc.tuple(...ids.map((n) => arbUser(`u${n}`))),
            fc.array(fc.oneof(fc.nat(40).chain((n) => arbUser(`u${n}`).map((u) => ({ put: u }))), fc.nat(40).map((n) => ({ remove: `u${n}` }))), { maxLength: 12 }),
            fc.array(fc.tuple(arbQuery, arbSort), { minLength: 1, maxLength: 6 }),
          ),
        ),
        ([listed, writes, views]) => {
          const tables = new ProfileTables();
          tables.begin('Users', 'l1', undefined);
          // The model: a listing replaces a resource it sees twice in place (the renderer's rule).
          const model: User[] = [];
          const put = (u: User) => {
            const at = model.findIndex((m) => m.id === u.id);
            if (at === -1) model.push(u);
            else model[at] = u;
          };
          for (let i = 0; i < listed.length; i += 7) {
            const page = listed.slice(i, i + 7);
            tables.page('l1', page);
            page.forEach(put);
          }
          tables.end('l1');
          // Views asked before the writes are brought up to date by them (cached orders patched).
          for (const [q, s] of views) expect(viewIds(tables, q, s)).toEqual(modelView(model, q, s));
          for (const w of writes) {
            if ('put' in w) {
              tables.apply({ kind: 'Users', id: w.put.id, resource: w.put });
              put(w.put);
            } else {
              tables.apply({ kind: 'Users', id: w.remove, resource: null });
              const at = model.findIndex((m) => m.id === w.remove);
              if (at !== -1) model.splice(at, 1);
            }
            for (const [q, s] of views) expect(viewIds(tables, q, s)).toEqual(modelView(model, q, s));
          }
          expect(tables.table('Users')?.index.size).toBe(model.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('windows of rows', () => {
  function loaded(n: number): ProfileTables {
    const tables = new ProfileTables();
    tables.begin('Users', 'l1', undefined);
    const page: User[] = [];
    for (let i = 0; i < n; i++) page.push(user(`id-${i}`, `user${String(i).padStart(5, '0')}@example.com`, { displayName: i % 3 === 0 ? `Ana ${i}` : `Bob ${i}`, title: i % 10 === 0 ? 'Engineer' : 'Sales' }));
    for (let i = 0; i < n; i += 100) tables.page('l1', page.slice(i, i + 100));
    tables.end('l1');
    return tables;
  }

  it('gives rows by position with the view’s total, and an empty window past the end', () => {
    const tables = loaded(1000);
    const views = tables.table('Users')?.views;
    const idOf = (row: number) => tables.table('Users')?.index.idOf(row);
    const w = views?.window({ search: '', sort: null }, 10, 5, 1000);
    expect(w && Array.from(w.rows, idOf)).toEqual(['id-10', 'id-11', 'id-12', 'id-13', 'id-14']);
    expect(w).toMatchObject({ total: 1000, exact: true });
    expect(views?.window({ search: '', sort: null }, 2000, 5, 1000).rows.length).toBe(0);
    const desc = views?.window({ search: '', sort: { column: 'userName', dir: 'desc' } }, 0, 2, 1000);
    expect(desc && Array.from(desc.rows, idOf)).toEqual(['id-999', 'id-998']);
    const ana = views?.window({ search: 'ana', sort: null }, 1, 2, 1000, 1000);
    expect(ana && Array.from(ana.rows, idOf)).toEqual(['id-3', 'id-6']);
    expect(ana).toMatchObject({ total: 334, exact: true });
  });

  it('a window asked with no time to spare says it is not exact, and asking again completes it', () => {
    const tables = loaded(20_000);
    const views = tables.table('Users')?.views;
    if (!views) throw new Error('no views');
    // Engineers are one in ten: with a zero budget the walk stops early.
    let w = views.window({ search: 'engineer', sort: { column: 'displayName', dir: 'asc' } }, 0, 10, 0);
    let polls = 0;
    while (!w.exact && polls < 10_000) {
      w = views.window({ search: 'engineer', sort: { column: 'displayName', dir: 'asc' } }, 0, 10, 0, 5);
      polls++;
    }
    expect(w.exact).toBe(true);
    expect(w.total).toBe(2000);
    expect(Array.from(views.all({ search: 'engineer', sort: { column: 'displayName', dir: 'asc' } })).length).toBe(2000);
  });

  it('rows keep their ids through writes: a changed user keeps its row, a deleted one leaves every view', () => {
    const tables = loaded(50);
    const held = tables.table('Users');
    if (!held) throw new Error('no table');
    const row = held.index.rowOf('id-7');
    tables.apply({ kind: 'Users', id: 'id-7', resource: user('id-7', 'zed@example.com', { displayName: 'Zed' }) });
    expect(held.index.rowOf('id-7')).toBe(row);
    expect(held.index.cell(row, 'userName')).toBe('zed@example.com');
    expect(viewIds(tables, 'zed', null)).toEqual(['id-7']);
    expect(viewIds(tables, '', { column: 'userName', dir: 'desc' })[0]).toBe('id-7');
    tables.apply({ kind: 'Users', id: 'id-7', resource: null });
    expect(held.index.rowOf('id-7')).toBe(-1);
    expect(viewIds(tables, '', null)).not.toContain('id-7');
    expect(held.index.size).toBe(49);
  });

  it('a created user joins an unfiltered listing, not a filtered one (which shows only what it matched)', () => {
    const tables = loaded(5);
    tables.apply({ kind: 'Users', id: 'new', resource: user('new', 'new@example.com') });
    expect(viewIds(tables, '', null)).toContain('new');
    const filtered = new ProfileTables();
    filtered.begin('Users', 'l2', 'userName sw "a"');
    filtered.page('l2', [user('a1', 'ann')]);
    filtered.end('l2');
    filtered.apply({ kind: 'Users', id: 'new', resource: user('new', 'new@example.com') });
    filtered.apply({ kind: 'Users', id: 'a1', resource: user('a1', 'anne') });
    expect(viewIds(filtered, '', null)).toEqual(['a1']);
    expect(filtered.cell('Users', 0, 'userName')).toBe('anne');
  });

  it('pages of a listing another one replaced are ignored', () => {
    const tables = new ProfileTables();
    tables.begin('Users', 'old', undefined);
    tables.begin('Users', 'new', undefined);
    expect(tables.page('old', [user('x', 'x')])).toBeNull();
    expect(tables.page('new', [user('y', 'y')])).toBe(1);
    expect(viewIds(tables, '', null)).toEqual(['y']);
  });

  it('keeps long, non-ASCII and newline-holding cells intact', () => {
    const tables = new ProfileTables();
    tables.begin('Users', 'l', undefined);
    const long = 'x'.repeat(70_000);
    tables.page('l', [user('a', 'Ünïcode@Example.com', { title: 'line one\nline two' }), user('b', 'b', { title: long })]);
    const index = tables.table('Users')?.index;
    expect(index?.cell(0, 'userName')).toBe('Ünïcode@Example.com');
    expect(index?.cell(1, 'title')).toBe(long);
    expect(viewIds(tables, 'ünïcode', null)).toEqual(['a']);
    // A query cannot span two lines of a value nor two columns.
    expect(viewIds(tables, 'one line', null)).toEqual(['a']);
    expect(viewIds(tables, 'com\u0001line', null)).toEqual([]);
    expect(viewIds(tables, '', { column: 'title', dir: 'asc' })).toEqual(['a', 'b']);
  });
});

describe('users’ Groups column from the groups listing', () => {
  const group = (id: string, displayName: string, members: string[]): ScimResource => ({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], id, displayName, members: members.map((value) => ({ value })) });

  it('fills it for users without their own groups, and follows a group write', () => {
    const tables = new ProfileTables();
    tables.begin('Users', 'u', undefined);
    tables.page('u', [user('a', 'a'), user('b', 'b', { groups: [{ value: 'g9', display: 'Own' }] })]);
    tables.end('u');
    tables.begin('Groups', 'g', undefined);
    tables.page('g', [group('g1', 'Eng', ['a', 'b']), group('g2', 'Ops', ['a', 'a'])]);
    tables.end('g');
    expect(tables.cell('Users', 0, 'groups')).toBe('Eng, Ops');
    expect(tables.cell('Users', 1, 'groups')).toBe('Own');
    expect(tables.groupsOf('a')).toEqual([{ id: 'g1', name: 'Eng' }, { id: 'g2', name: 'Ops' }]);
    // A group write is newer than the user's own attribute: it now follows the members.
    tables.apply({ kind: 'Groups', id: 'g1', resource: group('g1', 'Eng', ['a']) });
    expect(tables.cell('Users', 1, 'groups')).toBe('');
    expect(tables.cell('Users', 0, 'groups')).toBe('Eng, Ops');
    tables.apply({ kind: 'Groups', id: 'g2', resource: null });
    expect(tables.cell('Users', 0, 'groups')).toBe('Eng');
  });
});

describe('at a size where the radix sort and the native scan take over', () => {
  it('matches the model for 12,000 users sharing long prefixes, typed query by query', () => {
    // A fixed LCG: the same users on every run.
    let seed = 12345;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const pick = (alphabet: string, len: number) => Array.from({ length: len }, () => alphabet[next(alphabet.length)]).join('');
    const users: User[] = [];
    for (let i = 0; i < 12_000; i++) {
      // userNames tie on their first 8 and 16 bytes often (deeper radix levels and runs).
      users.push(user(`id-${i}`, `prefix-${pick('ab', 2)}-samesame-${pick('abcQ', 3)}@x.org`, { displayName: pick('xyzé', 4), title: next(50) === 0 ? 'Rare Title' : '', active: next(2) === 0 }));
    }
    const tables = new ProfileTables();
    tables.begin('Users', 'big', undefined);
    for (let i = 0; i < users.length; i += 500) tables.page('big', users.slice(i, i + 500));
    tables.end('big');
    const sorts: (Sort | null)[] = [null, { column: 'userName', dir: 'asc' }, { column: 'userName', dir: 'desc' }, { column: 'displayName', dir: 'asc' }, { column: 'active', dir: 'desc' }];
    for (const sort of sorts) {
      // Typing, then Backspace: each query may narrow a shorter one's result.
      for (const q of ['r', 'ra', 'rar', 'rare', 'rar', 'a', 'ab', 'abq', 'ab', 'é', 'zé', 'nothing']) {
        const held = tables.table('Users');
        if (!held) throw new Error('no table');
        // Asked the way the grid asks: a first window with a small budget, then polled to the end.
        let w = held.views.window({ search: q, sort }, 0, 40, 1);
        while (!w.exact) w = held.views.window({ search: q, sort }, 0, 40, 1, 2);
        const expected = modelView(users, q, sort);
        expect(w.total).toBe(expected.length);
        expect(Array.from(w.rows, (r) => held.index.idOf(r))).toEqual(expected.slice(0, 40));
        expect(viewIds(tables, q, sort)).toEqual(expected);
      }
    }
    // A write after all that: cached orders and results follow it.
    tables.apply({ kind: 'Users', id: 'id-5', resource: user('id-5', 'aaa-first@x.org', { title: 'Rare Title' }) });
    users[5] = user('id-5', 'aaa-first@x.org', { title: 'Rare Title' });
    for (const sort of sorts) expect(viewIds(tables, 'rare', sort)).toEqual(modelView(users, 'rare', sort));
    expect(viewIds(tables, '', { column: 'userName', dir: 'asc' })[0]).toBe('id-5');
  });
});

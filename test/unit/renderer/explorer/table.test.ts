// The columnar table and its search views: pages append by id (a repeated id replaces its row),
// quick search narrows through the lower-cased index, Backspace and longer queries give the same
// rows as a fresh scan, and a sort order is stable and applied before the search.
import { describe, expect, it } from 'vitest';
import type { ScimResource } from '../../../../shared/scim';
import { ResourceTable, SearchCursor } from '../../../../renderer/src/store/table';

const user = (id: string, userName: string, extra: Record<string, unknown> = {}): ScimResource => ({ schemas: [], id, userName, ...extra });

function fresh(table: ResourceTable, q: string, order: Int32Array | null = null): number[] {
  return [...new SearchCursor().view(table, q, order)];
}

describe('ResourceTable', () => {
  it('stores cells per column and replaces a resource that arrives again', () => {
    const t = new ResourceTable('Users');
    t.append([user('1', 'ana@x', { emails: [{ value: 'ana@x' }, { value: 'a@home' }], active: true })]);
    t.append([user('2', 'bob@x'), user('1', 'ANA@x', { active: false })]);
    expect(t.size).toBe(2);
    expect(t.cell(0, 'userName')).toBe('ANA@x');
    expect(t.cell(0, 'active')).toBe('no');
    expect(t.get('2')?.userName).toBe('bob@x');
    t.append([user('3', 'c', { emails: [{ value: 'x@y' }, { value: 'z@w' }] })]);
    expect(t.cell(2, 'emails')).toBe('x@y, z@w');
  });

  it('searches the lower-cased index, narrowing and widening like a fresh scan', () => {
    const t = new ResourceTable('Users');
    t.append(Array.from({ length: 500 }, (_, i) => user(String(i), `User${i}@Acme.example`, { title: i % 7 === 0 ? 'Engineer' : 'Sales' })));
    const cursor = new SearchCursor();
    for (const q of ['u', 'us', 'user1', 'user12', 'user1', 'user', '', 'ENG', 'engi', 'eng']) {
      expect([...cursor.view(t, q, null)]).toEqual(fresh(t, q));
    }
    expect(fresh(t, 'user12').map((r) => t.cell(r, 'userName'))).toEqual(['User12@Acme.example', ...Array.from({ length: 10 }, (_, i) => `User12${i}@Acme.example`)]);
    // New rows make cached results stale.
    t.append([user('x', 'user12-late')]);
    expect(cursor.view(t, 'user12', null)).toHaveLength(12);
  });

  it('sorts by a column once, ascending or descending, and searches in that order', () => {
    const t = new ResourceTable('Users');
    t.append([user('1', 'carol'), user('2', 'Alice'), user('3', 'bob'), user('4', 'alan')]);
    const asc = t.sortOrder('userName', 'asc');
    expect([...asc].map((r) => t.cell(r, 'userName'))).toEqual(['alan', 'Alice', 'bob', 'carol']);
    const desc = t.sortOrder('userName', 'desc');
    expect(fresh(t, 'al', desc).map((r) => t.cell(r, 'userName'))).toEqual(['Alice', 'alan']);
    // Rows that arrive after a sort (while a listing streams) follow the sorted ones until re-sort.
    t.append([user('5', 'aaron')]);
    expect(fresh(t, '', asc).map((r) => t.cell(r, 'userName'))).toEqual(['alan', 'Alice', 'bob', 'carol', 'aaron']);
  });
});

// The renderer's table of a small listing: pages append by id (a repeated id replaces its row).
// Search and sort run in main's index now (test/unit/table).
import { describe, expect, it } from 'vitest';
import type { ScimResource } from '../../../../shared/scim';
import { ResourceTable } from '../../../../renderer/src/store/table';

const user = (id: string, userName: string, extra: Record<string, unknown> = {}): ScimResource => ({ schemas: [], id, userName, ...extra });

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
});

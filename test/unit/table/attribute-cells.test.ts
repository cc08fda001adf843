// The extra attribute columns' values in main's index (issue 17): which values a resource gives,
// kept per row compactly, replaced on a write, bounded in distinct paths; and which attributes a
// tenant's /Schemas offer, custom schemas included.
import { describe, expect, it } from 'vitest';
import { attributeLabel, attributeValues, isAttributePath, MAX_ATTRIBUTE_PATHS, schemaAttributePaths } from '../../../shared/attribute-columns';
import { AttributeCells } from '../../../electron/core/table/attribute-cells';
import { SCHEMAS, type ScimResource } from '../../../shared/scim';

const CUSTOM = 'urn:acme:params:scim:schemas:extension:hr:2.0:User';
const user = (id: string, extra: Record<string, unknown>): ScimResource => ({ schemas: [SCHEMAS.user], id, userName: id, ...extra });

describe('attribute values of a resource', () => {
  it('takes single-valued attributes, complex ones’ sub-attributes and extensions; not arrays or fixed columns', () => {
    const r = user('u1', {
      displayName: 'D', nickName: 'Nick', name: { givenName: 'Inés', familyName: 'Π' }, emails: [{ value: 'a@b' }], active: true, meta: { created: 'x' },
      [SCHEMAS.enterpriseUser]: { department: 'R&D', manager: { value: 'm1', displayName: 'Boss', $ref: 'https://x' }, employeeNumber: 7 },
      [CUSTOM]: { badge: 'B-1', clearances: ['a'] },
    });
    expect(attributeValues(r)).toEqual([
      ['nickName', 'Nick'], ['name.givenName', 'Inés'], ['name.familyName', 'Π'],
      [`${SCHEMAS.enterpriseUser}:department`, 'R&D'], [`${SCHEMAS.enterpriseUser}:manager.value`, 'm1'], [`${SCHEMAS.enterpriseUser}:manager.displayName`, 'Boss'], [`${SCHEMAS.enterpriseUser}:employeeNumber`, '7'],
      [`${CUSTOM}:badge`, 'B-1'],
    ]);
  });

  it('labels paths for headers and accepts only attribute paths', () => {
    expect(attributeLabel(`${SCHEMAS.enterpriseUser}:department`)).toBe('department (enterprise)');
    expect(attributeLabel(`${CUSTOM}:badge`)).toBe('badge (hr:User)');
    expect(attributeLabel('name.givenName')).toBe('name.givenName');
    expect(isAttributePath('Users', 'userName')).toBe(false);
    expect(isAttributePath('Users', 'members')).toBe(false);
    expect(isAttributePath('Users', 'meta.created')).toBe(false);
    expect(isAttributePath('Users', 'a b')).toBe(false);
    expect(isAttributePath('Users', `${CUSTOM}:badge`)).toBe(true);
  });
});

describe('AttributeCells', () => {
  it('keeps a row’s values, replaces them on a write, and clears those the write dropped', () => {
    const cells = new AttributeCells();
    cells.put(0, user('u0', { nickName: 'a', [CUSTOM]: { badge: 'B' } }));
    cells.put(1, user('u1', { nickName: 'b' }));
    expect([cells.get(0, 'nickName'), cells.get(0, `${CUSTOM}:badge`), cells.get(1, `${CUSTOM}:badge`)]).toEqual(['a', 'B', '']);
    cells.put(0, user('u0', { nickName: 'z' }));
    expect([cells.get(0, 'nickName'), cells.get(0, `${CUSTOM}:badge`), cells.get(1, 'nickName')]).toEqual(['z', '', 'b']);
    expect(cells.reader('nickName')(1)).toBe('b');
    expect(cells.get(0, 'never.seen')).toBe('');
    expect(cells.seen()).toEqual(['nickName', `${CUSTOM}:badge`]);
  });

  it('holds at most MAX_ATTRIBUTE_PATHS distinct paths and counts what it left out', () => {
    const cells = new AttributeCells();
    const many: Record<string, string> = {};
    for (let i = 0; i < MAX_ATTRIBUTE_PATHS + 10; i++) many[`x${i}`] = String(i);
    cells.put(0, user('u0', many));
    expect(cells.seen()).toHaveLength(MAX_ATTRIBUTE_PATHS);
    expect(cells.overflow).toBe(10);
    expect(cells.get(0, `x${MAX_ATTRIBUTE_PATHS - 1}`)).toBe(String(MAX_ATTRIBUTE_PATHS - 1));
  });
});

describe('schema attributes offered', () => {
  it('reads the resource type’s core schema and extensions, custom ones included', () => {
    const schemas = [
      { id: SCHEMAS.user, attributes: [{ name: 'userName', type: 'string' }, { name: 'nickName', type: 'string' }, { name: 'emails', type: 'complex', multiValued: true }, { name: 'name', type: 'complex', subAttributes: [{ name: 'givenName', type: 'string' }] }] },
      { id: CUSTOM, attributes: [{ name: 'badge', type: 'string' }, { name: 'clearances', type: 'string', multiValued: true }] },
      { id: 'urn:other:Device', attributes: [{ name: 'serial', type: 'string' }] },
    ];
    const types = [{ name: 'User', endpoint: '/Users', schema: SCHEMAS.user, schemaExtensions: [{ schema: CUSTOM, required: false }] }];
    expect(schemaAttributePaths('Users', schemas, types)).toEqual(['nickName', 'name.givenName', `${CUSTOM}:badge`]);
  });

  it('keeps each path as a column of small codes: 20k users with 3 shared paths and a unique one in < 32 bytes a row', () => {
    const cells = new AttributeCells();
    const ENT = SCHEMAS.enterpriseUser;
    const N = 20_000;
    const of = (i: number) => ({ name: { givenName: `Given${i % 32}` }, [ENT]: { department: `Dept ${i % 12}`, manager: { value: `manager-${i % 50}` }, employeeNumber: `E${100000 + i}` } });
    for (let i = 0; i < N; i++) cells.put(i, user(`u${i}`, of(i)));
    // Byte counts, not times: 8 bytes a (path, value) pair and 8 a row before (74 bytes a row here).
    expect(cells.footprint / N).toBeLessThan(32);
    for (const i of [0, 1023, 1024, 5000, N - 1]) {
      expect([cells.get(i, 'name.givenName'), cells.get(i, `${ENT}:department`), cells.get(i, `${ENT}:manager.value`), cells.get(i, `${ENT}:employeeNumber`)]).toEqual([`Given${i % 32}`, `Dept ${i % 12}`, `manager-${i % 50}`, `E${100000 + i}`]);
    }
    // A row with an unshared value written again with a shared one, and with none.
    cells.put(5000, user('u5000', { [ENT]: { employeeNumber: 'E100000' } }));
    expect([cells.get(5000, `${ENT}:employeeNumber`), cells.get(5000, `${ENT}:department`)]).toEqual(['E100000', '']);
    cells.put(N - 1, user(`u${N - 1}`, {}));
    expect(cells.reader(`${ENT}:employeeNumber`)(N - 1)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { applyEtag, canonicalAttributePath, normalizeAttributes, normalizeResource } from '../../../electron/core/scim/normalize';
import { SCHEMAS } from '../../../shared/scim';

const ENT = SCHEMAS.enterpriseUser;

describe('normalizeResource', () => {
  it('maps case-variant core names to schema case, including sub-attributes and meta', () => {
    const u = normalizeResource({
      Schemas: ['urn:ietf:params:scim:schemas:core:2.0:user'],
      ID: 'u1',
      UserName: 'ada@example.com',
      Active: true,
      Name: { GivenName: 'Ada', FAMILYNAME: 'Lovelace' },
      Emails: [{ Value: 'ada@example.com', Primary: 'True', Type: 'work' }],
      META: { ResourceType: 'User', LastModified: '2026-01-01T00:00:00Z' },
    });
    expect(u).toEqual({
      schemas: [SCHEMAS.user],
      id: 'u1',
      userName: 'ada@example.com',
      active: true,
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [{ value: 'ada@example.com', primary: true, type: 'work' }],
      meta: { resourceType: 'User', lastModified: '2026-01-01T00:00:00Z' },
    });
  });
  it('turns "True"/"False" strings into booleans for boolean attributes only', () => {
    const u = normalizeResource({ id: '1', userName: 'x', active: 'False', title: 'True', emails: [{ value: 'a', primary: 'true' }] }, 'Users');
    expect(u.active).toBe(false);
    expect(u.title).toBe('True');
    expect(u.emails).toEqual([{ value: 'a', primary: true }]);
  });
  it('turns members: null into [] and normalises member keys', () => {
    const g = normalizeResource({ id: 'g', DisplayName: 'Eng', members: null }, 'Groups');
    expect(g).toMatchObject({ displayName: 'Eng', members: [] });
    const g2 = normalizeResource({ id: 'g', schemas: [SCHEMAS.group], Members: [{ Value: 'u1', Display: 'Ada' }] });
    expect(g2.members).toEqual([{ value: 'u1', display: 'Ada' }]);
  });
  it('keeps the enterprise extension under its URN, matching the URN case-insensitively', () => {
    const u = normalizeResource({ id: '1', userName: 'x', [ENT.toUpperCase()]: { Department: 'R&D', Manager: { Value: 'm1' } } }, 'Users');
    expect(u[ENT]).toEqual({ department: 'R&D', manager: { value: 'm1' } });
    expect(Object.keys(u).filter((k) => k.toLowerCase() === ENT.toLowerCase())).toEqual([ENT]);
  });
  it('folds flattened enterprise paths into the extension object', () => {
    const u = normalizeResource({ id: '1', userName: 'x', [`${ENT}:department`]: 'Ops' }, 'Users');
    expect(u[ENT]).toEqual({ department: 'Ops' });
  });
  it('keeps unknown attributes and vendor extensions as they are, with the URN spelled as in schemas', () => {
    const vendor = 'urn:vendor:Ext:2.0:User';
    const u = normalizeResource({ id: '1', userName: 'x', schemas: [SCHEMAS.user, vendor], [vendor.toLowerCase()]: { Foo: 1 }, customThing: 'y' }, 'Users');
    expect(u[vendor]).toEqual({ Foo: 1 });
    expect(u.customThing).toBe('y');
  });
  it('lets the exact spelling win when a server sends both', () => {
    expect(normalizeResource({ id: '1', UserName: 'wrong', userName: 'right' }, 'Users').userName).toBe('right');
    expect(normalizeResource({ id: '1', userName: 'right', USERNAME: 'wrong' }, 'Users').userName).toBe('right');
  });
  it('turns numeric ids into strings and rejects things that are not resources', () => {
    expect(normalizeResource({ id: 7, userName: 'x' }, 'Users').id).toBe('7');
    expect(() => normalizeResource({ userName: 'x' }, 'Users')).toThrow(/without an id/);
    expect(() => normalizeResource('<html>', 'Users')).toThrow(expect.objectContaining({ code: 'bad-response' }));
  });
  it('puts the ETag header into meta.version, over a stale body value', () => {
    const u = normalizeResource({ id: '1', userName: 'x', meta: { version: 'W/"1"' } }, 'Users', 'W/"2"');
    expect(u.meta?.version).toBe('W/"2"');
    expect(applyEtag({ schemas: [], id: '1' }, undefined)).toEqual({ schemas: [], id: '1' });
  });
  it('normalises request bodies without an id', () => {
    expect(normalizeAttributes({ UserName: 'x', ACTIVE: 'TRUE' }, 'Users')).toEqual({ userName: 'x', active: true });
  });
});

describe('canonicalAttributePath', () => {
  it('maps paths to schema case', () => {
    expect(canonicalAttributePath('USERNAME', 'Users')).toBe('userName');
    expect(canonicalAttributePath('name.givenname', 'Users')).toBe('name.givenName');
    expect(canonicalAttributePath('emails.VALUE', 'Users')).toBe('emails.value');
    expect(canonicalAttributePath(`${ENT.toLowerCase()}:Department`, 'Users')).toBe(`${ENT}:department`);
    expect(canonicalAttributePath('DISPLAYNAME', 'Groups')).toBe('displayName');
    expect(canonicalAttributePath('madeUp.Thing', 'Users')).toBe('madeUp.Thing');
  });
});

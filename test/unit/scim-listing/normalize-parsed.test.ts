// normalizeParsedResource: the listing's fast path. A resource already in normal form is kept as
// parsed (no copy); anything normalisation would change takes the full path, with exactly the
// result normalizeResource gives.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeParsedResource, normalizeResource } from '../../../electron/core/scim/normalize';
import { SCHEMAS } from '../../../shared/scim';

const ENT = SCHEMAS.enterpriseUser;
const VENDOR = 'urn:vendor:Ext:2.0:User';

function canonicalUser(): Record<string, unknown> {
  return {
    schemas: [SCHEMAS.user, ENT, VENDOR],
    id: 'u1',
    userName: 'ines@acme.example',
    name: { givenName: 'Inés', familyName: 'Παπαδόπουλος' },
    active: true,
    emails: [{ value: 'ines@acme.example', type: 'work', primary: true }],
    groups: [{ value: 'g1', display: 'All Staff', $ref: 'http://x/Groups/g1', type: 'direct' }],
    meta: { resourceType: 'User', version: 'W/"1"' },
    [ENT]: { department: 'People', manager: { value: 'm1' } },
    [VENDOR]: { Foo: 1 },
    customThing: 'kept',
  };
}

// Each of these makes normalisation change something, so the fast path must not be taken.
const VARIANTS: Record<string, (u: Record<string, unknown>) => void> = {
  'odd-case core name': (u) => ((u.UserName = u.userName), delete u.userName),
  'both spellings': (u) => (u.USERNAME = 'wrong'),
  'odd-case sub-attribute': (u) => (u.name = { GivenName: 'Inés' }),
  'odd-case multi-value key': (u) => (u.emails = [{ Value: 'a', primary: true }]),
  'string boolean': (u) => (u.active = 'False'),
  'string boolean in a multi-value': (u) => (u.emails = [{ value: 'a', primary: 'true' }]),
  'null multi-value': (u) => (u.emails = null),
  'single multi-value object': (u) => (u.emails = { value: 'a' }),
  'odd-case enterprise URN': (u) => ((u[ENT.toUpperCase()] = u[ENT]), delete u[ENT]),
  'odd-case enterprise attribute': (u) => (u[ENT] = { Department: 'R&D' }),
  'flattened enterprise path': (u) => (u[`${ENT}:department`] = 'Ops'),
  'vendor URN spelled unlike schemas': (u) => ((u[VENDOR.toLowerCase()] = u[VENDOR]), delete u[VENDOR]),
  'schemas in odd case': (u) => (u.schemas = [SCHEMAS.user.toUpperCase()]),
  'numeric id': (u) => (u.id = 7),
  'no schemas': (u) => delete u.schemas,
  'a key Object.prototype has': (u) => (u[String('toString')] = 'x'),
  'odd-case meta': (u) => (u.META = u.meta),
};

describe('normalizeParsedResource', () => {
  it('keeps a resource already in normal form as parsed instead of copying it', () => {
    const raw = canonicalUser();
    const out = normalizeParsedResource(raw, 'Users');
    expect(out).toBe(raw);
    expect(out).toEqual(normalizeResource(canonicalUser(), 'Users'));
    const group = { schemas: [SCHEMAS.group], id: 'g', displayName: 'Eng', members: [{ value: 'u1', display: 'Ada' }] };
    expect(normalizeParsedResource(group, 'Groups')).toBe(group);
  });

  it.each(Object.entries(VARIANTS))('normalises fully when there is a %s', (_name, change) => {
    const raw = canonicalUser();
    change(raw);
    const expected = normalizeResource(structuredClone(raw), 'Users');
    const out = normalizeParsedResource(raw, 'Users');
    expect(out).not.toBe(raw);
    expect(out).toEqual(expected);
  });

  it('gives the same result as normalizeResource for any mix of quirks', () => {
    const names = Object.keys(VARIANTS);
    fc.assert(
      fc.property(fc.subarray(names), (picked) => {
        const raw = canonicalUser();
        for (const name of picked) VARIANTS[name]?.(raw);
        let expected: unknown;
        try {
          expected = normalizeResource(structuredClone(raw), 'Users');
        } catch (error) {
          expect(() => normalizeParsedResource(raw, 'Users')).toThrow((error as Error).message);
          return;
        }
        expect(normalizeParsedResource(raw, 'Users')).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects what is not a resource just as normalizeResource does', () => {
    expect(() => normalizeParsedResource({ userName: 'x' }, 'Users')).toThrow(/without an id/);
    expect(() => normalizeParsedResource('<html>', 'Users')).toThrow(expect.objectContaining({ code: 'bad-response' }));
  });
});

// fast-check generators for the patch property tests: random users and groups and random edits of
// them, shaped like what the edit forms produce (new members carry only value, maybe type).
import fc from 'fast-check';
import { SCHEMAS, type ScimResource } from '../../../shared/scim';

export const ENT = SCHEMAS.enterpriseUser;

const text = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 5 }));
/** Unassigned in all its spellings, or a value. */
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> => fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: arb });

/** Ids: anything for the preview; the `plain` ones avoid what scim-patch cannot parse in a path. */
export const anyId = fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom('a:b', 'x"y', 'back\\slash', 'dot.ted', 'urn:x:y'));
export const plainId = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);

const email = fc.record({ value: text, type: fc.constantFrom('work', 'home', undefined), primary: fc.constantFrom(true, false, undefined) }, { requiredKeys: ['value'] });

const userFields = fc.record(
  {
    userName: text,
    displayName: maybe(text),
    title: maybe(text),
    nickName: maybe(text),
    externalId: maybe(text),
    active: maybe(fc.boolean()),
    name: maybe(fc.record({ givenName: maybe(text), familyName: maybe(text), middleName: maybe(text) }, { requiredKeys: [] })),
    emails: maybe(fc.uniqueArray(email, { selector: (e) => e.value, maxLength: 3 })),
    phoneNumbers: maybe(fc.array(fc.record({ value: text, type: fc.constantFrom('work', 'mobile') }), { maxLength: 2 })),
    [ENT]: maybe(fc.record({ department: maybe(text), costCenter: maybe(text), manager: maybe(fc.record({ value: text, displayName: text }, { requiredKeys: ['value'] })) }, { requiredKeys: [] })),
  },
  { requiredKeys: ['userName'] },
);

function asUser(fields: Record<string, unknown>): ScimResource {
  return { schemas: [SCHEMAS.user, ENT], id: 'u-1', meta: { resourceType: 'User', version: 'W/"1"' }, ...fields };
}

/** A user and an edit of it: each attribute kept, or taken from an independent random user. */
export const userEdit: fc.Arbitrary<{ before: ScimResource; after: ScimResource }> = fc
  .tuple(userFields, userFields, fc.func(fc.boolean()))
  .map(([a, b, keep]) => {
    const edited: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const value = keep(key) ? (a as Record<string, unknown>)[key] : (b as Record<string, unknown>)[key];
      if (value !== undefined) edited[key] = value;
    }
    if (edited.userName === undefined) edited.userName = a.userName;
    return { before: asUser(a), after: asUser(edited) };
  });

export function groupEdit(id: fc.Arbitrary<string>): fc.Arbitrary<{ before: ScimResource; after: ScimResource }> {
  const member = fc.record({ value: id, display: text, type: fc.constant('User') }, { requiredKeys: ['value'] });
  return fc
    .record({ displayName: text, externalId: maybe(text), members: fc.uniqueArray(member, { selector: (m) => m.value, maxLength: 6 }), newIds: fc.uniqueArray(id, { maxLength: 4 }), newName: maybe(text), withType: fc.boolean() })
    .chain((g) =>
      fc.shuffledSubarray(g.members).map((kept) => {
        const known = new Set(g.members.map((m) => m.value));
        const added = g.newIds.filter((value) => !known.has(value)).map((value) => (g.withType ? { value, type: 'User' } : { value }));
        const base = { schemas: [SCHEMAS.group], id: 'g-1', meta: { resourceType: 'Group' }, displayName: g.displayName, externalId: g.externalId };
        return { before: { ...base, members: g.members } as ScimResource, after: { ...base, displayName: g.newName ?? g.displayName, members: [...kept, ...added] } as ScimResource };
      }),
    );
}

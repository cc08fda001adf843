// Which comparisons of a filter have a probe form (and so a saved verdict), and which are "other"
// comparisons the listing must spot-check itself: the split decides whether a server's silence
// on `title eq` is taken as proof.

import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../electron/core/scim/filter';
import { formsInFilter, otherComparisons } from '../../../electron/core/scim/filter-trust';

const users = (text: string) => ({ forms: formsInFilter(parseFilter(text), 'Users'), others: otherComparisons(parseFilter(text), 'Users').map((o) => [o.key, o.label]) });

describe('filter forms and other comparisons', () => {
  it('a filter of probe forms only has no other comparison', () => {
    expect(users('userName eq "a" and active eq false')).toEqual({ forms: ['Users.userName', 'Users.active'], others: [] });
    expect(users('emails[value eq "a@x"] or externalId eq "7"')).toEqual({ forms: ['Users.emails[value]', 'Users.externalId'], others: [] });
  });

  it('other operators and attributes are named by shape, through and/or/not, keyed without case or core URN', () => {
    const got = users('not (title eq "CEO") and (userName sw "a" or urn:ietf:params:scim:schemas:core:2.0:User:name.familyName co "x") and active eq true');
    expect(got.forms).toEqual([]);
    expect(got.others).toEqual([
      ['Users:title eq', 'title eq'],
      ['Users:username sw', 'userName sw'],
      ['Users:name.familyname co', 'name.familyName co'],
      ['Users:active eq', 'active eq'],
    ]);
  });

  it('a value path other than emails[value eq] is one comparison; the same shape twice is asked once', () => {
    expect(users('emails[type eq "work"] and emails[type eq "home"] and title pr').others).toEqual([
      ['Users:emails[type eq …]', 'emails[type eq …]'],
      ['Users:title pr', 'title pr'],
    ]);
  });

  it('kinds are kept apart: a group’s displayName eq is a form, its displayName sw is not', () => {
    expect(formsInFilter(parseFilter('displayName eq "x"'), 'Groups')).toEqual(['Groups.displayName']);
    expect(otherComparisons(parseFilter('displayName sw "x"'), 'Groups').map((o) => o.key)).toEqual(['Groups:displayname sw']);
  });
});

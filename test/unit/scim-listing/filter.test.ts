import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import { buildFilter, matchesFilter, parseFilter, stringifyFilter, validateFilter } from '../../../electron/core/scim/filter';

const jane = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  id: 'AbC-1',
  externalId: 'Okta-77',
  userName: 'Jane.Doe@Example.com',
  active: true,
  name: { givenName: 'Jane', familyName: 'Doe' },
  emails: [
    { value: 'jane@work.example', type: 'work', primary: true },
    { value: 'jd@home.example', type: 'home' },
  ],
  meta: { lastModified: '2026-03-01T10:00:00Z' },
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Sales' },
};

function positionOf(text: string): number {
  try {
    parseFilter(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InspectorError);
    expect((error as InspectorError).code).toBe('invalid-filter');
    return (error as InspectorError).details?.position as number;
  }
  throw new Error(`expected ${text} to be rejected`);
}

describe('parseFilter reports the position of a syntax error', () => {
  it('points at a missing value, an unknown operator, an unclosed string and a stray token', () => {
    expect(positionOf('userName eq')).toBe(11);
    expect(positionOf('userName equals "x"')).toBe(9);
    expect(positionOf('userName eq "x')).toBe(12);
    expect(positionOf('userName eq "x" )')).toBe(16);
    expect(positionOf("userName eq 'x'")).toBe(12);
    expect(positionOf('(userName eq "x"')).toBe(16);
    expect(positionOf('')).toBe(0);
    expect(positionOf('emails[type eq "work"')).toBe(21);
  });

  it('names the position in the human message', () => {
    expect(() => parseFilter('active eq yes')).toThrow(/position 10/);
  });

  it('parses precedence, not, value paths with a sub-attribute and URN paths', () => {
    expect(parseFilter('a eq 1 or b eq 2 and c pr')).toEqual({
      op: 'or',
      filters: [
        { op: 'eq', attrPath: 'a', compValue: 1 },
        { op: 'and', filters: [{ op: 'eq', attrPath: 'b', compValue: 2 }, { op: 'pr', attrPath: 'c' }] },
      ],
    });
    expect(stringifyFilter(parseFilter('emails[type eq "work"].value co "@x"'))).toBe('emails[type eq "work" and value co "@x"]');
    expect(parseFilter('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "Sales"')).toMatchObject({ op: 'eq' });
    expect(parseFilter('not (active eq false)')).toEqual({ op: 'not', filter: { op: 'eq', attrPath: 'active', compValue: false } });
  });
});

describe('validateFilter', () => {
  it('returns position and message instead of throwing', () => {
    expect(validateFilter('userName eq')).toMatchObject({ valid: false, position: 11 });
    expect(validateFilter('UserName EQ "x"')).toMatchObject({ valid: true, normalized: 'UserName eq "x"' });
  });
});

describe('buildFilter', () => {
  it('quotes values safely so quotes and backslashes cannot break out of the string', () => {
    const text = buildFilter([{ attribute: 'userName', operator: 'eq', value: 'a" or id pr or x eq "\\' }]);
    expect(text).toBe('userName eq "a\\" or id pr or x eq \\"\\\\"');
    expect(parseFilter(text)).toEqual({ op: 'eq', attrPath: 'userName', compValue: 'a" or id pr or x eq "\\' });
  });

  it('joins with and/or, and binding tighter than or', () => {
    const text = buildFilter([
      { attribute: 'active', operator: 'eq', value: true },
      { attribute: 'title', operator: 'pr', join: 'or' },
      { attribute: 'emails.value', operator: 'ew', value: '@x.com', join: 'and', not: true },
    ]);
    expect(text).toBe('active eq true or title pr and not (emails.value ew "@x.com")');
  });

  it('rejects bad attributes, missing values and unknown operators', () => {
    expect(() => buildFilter([{ attribute: 'user name', operator: 'eq', value: 'x' }])).toThrow(InspectorError);
    expect(() => buildFilter([{ attribute: 'userName', operator: 'eq' }])).toThrow(/needs a value/);
    expect(() => buildFilter([{ attribute: 'userName', operator: 'like' as 'eq', value: 'x' }])).toThrow(/unknown operator/);
    expect(() => buildFilter([])).toThrow(InspectorError);
  });
});

describe('matchesFilter', () => {
  it('compares caseExact:false attributes case-insensitively and attribute names in any case', () => {
    expect(matchesFilter(jane, 'USERNAME eq "jane.doe@example.COM"')).toBe(true);
    expect(matchesFilter(jane, 'emails.value eq "JANE@work.example"')).toBe(true);
    expect(matchesFilter(jane, 'name.familyName sw "do"')).toBe(true);
  });

  it('compares caseExact:true attributes (id, externalId) exactly', () => {
    expect(matchesFilter(jane, 'id eq "AbC-1"')).toBe(true);
    expect(matchesFilter(jane, 'id eq "abc-1"')).toBe(false);
    expect(matchesFilter(jane, 'externalId eq "okta-77"')).toBe(false);
  });

  it('evaluates value paths per element, emails eq against value, pr, ne, not, dates and booleans', () => {
    expect(matchesFilter(jane, 'emails[type eq "work" and value co "work"]')).toBe(true);
    expect(matchesFilter(jane, 'emails[type eq "home"].value co "work"')).toBe(false);
    expect(matchesFilter(jane, 'emails eq "jd@home.example"')).toBe(true);
    expect(matchesFilter(jane, 'title pr')).toBe(false);
    expect(matchesFilter(jane, 'title ne "x"')).toBe(true);
    expect(matchesFilter(jane, 'not (active eq true)')).toBe(false);
    expect(matchesFilter({ ...jane, active: 'False' }, 'active eq false')).toBe(true);
    expect(matchesFilter(jane, 'meta.lastModified gt "2026-02-28T23:00:00+00:00"')).toBe(true);
    expect(matchesFilter(jane, 'meta.lastModified lt "2026-03-01"')).toBe(false);
    expect(matchesFilter(jane, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "sales"')).toBe(true);
    expect(matchesFilter(jane, 'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "jane.doe@example.com"')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { validateOperations } from '../../../electron/core/patch';
import { InspectorError } from '../../../shared/errors';
import { SCHEMAS } from '../../../shared/scim';

function problemsOf(input: unknown, kind?: 'Users' | 'Groups'): string[] {
  try {
    validateOperations(input, kind ? { kind } : {});
  } catch (error) {
    expect(error).toBeInstanceOf(InspectorError);
    const e = error as InspectorError;
    expect(e.code).toBe('invalid-input');
    return e.details?.problems as string[];
  }
  throw new Error('expected validateOperations to reject the input');
}

describe('validateOperations accepts RFC 7644 §3.5.2 operations', () => {
  it('normalises op names in any case and adds the schema to a bare array', () => {
    const request = validateOperations([{ op: 'Replace', path: 'title', value: 'x' }, { op: 'REMOVE', path: 'nickName' }]);
    expect(request).toEqual({ schemas: [SCHEMAS.patchOp], Operations: [{ op: 'replace', path: 'title', value: 'x' }, { op: 'remove', path: 'nickName' }] });
  });

  it('accepts every path form the builder writes and value filters', () => {
    const request = validateOperations({
      schemas: [SCHEMAS.patchOp],
      Operations: [
        { op: 'replace', path: 'name.givenName', value: 'A' },
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'a@b.c' },
        { op: 'replace', path: `${SCHEMAS.enterpriseUser}:manager.value`, value: 'm' },
        { op: 'remove', path: 'members[value eq "a:b"]' },
        { op: 'remove', path: 'members', value: [{ value: 'x' }] },
        { op: 'add', path: 'members', value: [{ value: 'y' }] },
        { op: 'replace', value: { active: false } },
        { op: 'add', path: 'emails', value: { value: 'z@b.c', type: 'home' } },
      ],
    });
    expect(request.Operations).toHaveLength(8);
  });
});

describe('validateOperations rejects with the operation index and what to fix', () => {
  it('a remove without a path', () => {
    expect(problemsOf([{ op: 'replace', path: 'title', value: 'x' }, { op: 'remove' }])).toEqual([expect.stringMatching(/^operation 1 \(Operations\[1\]\): "remove" needs a "path"/)]);
  });

  it('add and replace without a value, or with null', () => {
    expect(problemsOf([{ op: 'add', path: 'title' }])[0]).toMatch(/operation 0.*"add" needs a "value"/);
    expect(problemsOf([{ op: 'replace', path: 'title', value: null }])[0]).toMatch(/use \{"op": "remove"/);
  });

  it('an unknown op name and unknown members', () => {
    expect(problemsOf([{ op: 'delete', path: 'title' }])[0]).toMatch(/"op" must be "add", "remove" or "replace"/);
    expect(problemsOf([{ op: 'add', path: 'title', value: 'x', Path: 'y' }])[0]).toMatch(/unknown member "Path"/);
    expect(problemsOf({ Operations: [], extra: 1 })).toEqual([expect.stringMatching(/unknown member "extra"/), expect.stringMatching(/"Operations" is empty/)]);
  });

  it('bad path syntax, with the filter parser\'s complaint', () => {
    expect(problemsOf([{ op: 'remove', path: 'members[value eq ]' }])[0]).toMatch(/operation 0.*not valid SCIM filter syntax/);
    expect(problemsOf([{ op: 'remove', path: 'members[value eq "x"' }])[0]).toMatch(/never closed/);
    expect(problemsOf([{ op: 'remove', path: '1title' }])[0]).toMatch(/not an attribute name/);
    expect(problemsOf([{ op: 'remove', path: 'a.b.c' }])[0]).toMatch(/deeper than attribute.subAttribute/);
    expect(problemsOf([{ op: 'remove', path: 'emails[type eq "work"]x' }])[0]).toMatch(/after "\]"/);
  });

  it('value types the core schema fixes', () => {
    expect(problemsOf([{ op: 'replace', path: 'active', value: 'False' }])[0]).toMatch(/"active" must be true or false/);
    expect(problemsOf([{ op: 'replace', value: { active: 'false' } }])[0]).toMatch(/"active" must be true or false/);
    expect(problemsOf([{ op: 'add', path: 'members', value: ['id'] }])[0]).toMatch(/"members" must be an array of objects with a string "value"/);
    expect(problemsOf([{ op: 'replace', path: 'displayName', value: 3 }])[0]).toMatch(/"displayName" must be a string/);
    expect(problemsOf([{ op: 'replace', value: 'x' }])[0]).toMatch(/without a "path" needs an object "value"/);
  });

  it('read-only targets', () => {
    expect(problemsOf([{ op: 'replace', path: 'id', value: 'x' }])[0]).toMatch(/set by the server/);
    expect(problemsOf([{ op: 'add', path: 'groups', value: [{ value: 'g' }] }], 'Users')[0]).toMatch(/"groups" is read-only/);
    expect(validateOperations([{ op: 'add', path: 'groups', value: [{ value: 'g' }] }]).Operations).toHaveLength(1);
  });

  it('a wrong schemas member and input that is not JSON operations at all', () => {
    expect(problemsOf({ schemas: ['urn:x'], Operations: [{ op: 'remove', path: 'title' }] })[0]).toMatch(/"schemas" must be/);
    expect(problemsOf('remove title')[0]).toMatch(/expected a JSON object/);
    expect(problemsOf({ Operations: {} })[0]).toMatch(/must be an array/);
  });

  it('lists every problem in details and the first few in the message', () => {
    try {
      validateOperations(Array.from({ length: 7 }, () => ({ op: 'remove' })));
      throw new Error('not rejected');
    } catch (error) {
      const e = error as InspectorError;
      expect(e.details?.problems).toHaveLength(7);
      expect(e.message).toMatch(/operation 0 .*operation 4 .*\(and 2 more\)/);
    }
  });
});

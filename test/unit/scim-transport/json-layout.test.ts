// The one scan of a body's bytes (issue 15): the same depth verdict as the text scan it replaces on
// the transport's path, and the exact bytes of each object of a top-level array member — or no
// answer when which member JSON.parse kept is not certain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../../electron/core/io/json-depth';
import { arrayObjects, scanJsonLayout } from '../../../electron/core/io/json-layout';

const b = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('scanJsonLayout', () => {
  it('gives the depth verdict of nestsDeeperThan (strings, escapes and unterminated text included)', () => {
    const cases = ['{"a":{"b":[1]}}', '{"a":{"b":[[1]]}}', '{"a":"[[[[{{{{","b":1}', '{"a":"x\\"[[[[","b":1}', '{"a":"x\\\\","b":[[1]]}', '{"a":"[[[[', '{"é":"ü[","b":[[{}]]}'];
    for (const text of cases) for (const max of [1, 2, 3]) expect(scanJsonLayout(b(text), max) === null, `${text} at ${max}`).toBe(nestsDeeperThan(text, max));
    expect(scanJsonLayout(b(`${'['.repeat(101)}${']'.repeat(101)}`))).toBeNull();
    expect(scanJsonLayout(b(`${'['.repeat(100)}${']'.repeat(100)}`))).not.toBeNull();
  });

  it('finds the bytes of every Resources object, multi-byte text and escapes included (property)', () => {
    const resource = fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 })), { maxKeys: 5 });
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 8 }), fc.boolean(), (resources, spaced) => {
        const doc = { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: resources.length, Resources: resources };
        const text = spaced ? JSON.stringify(doc).replace(/,"Resources":\[/, ' , "Resources" : [ ') : JSON.stringify(doc);
        const bytes = b(text);
        const layout = scanJsonLayout(bytes);
        expect(layout).not.toBeNull();
        const spans = arrayObjects(layout!, 'Resources');
        expect(spans).not.toBeNull();
        const parsed = (spans ?? []).flatMap((at, i, all) => (i % 2 === 0 ? [JSON.parse(bytes.subarray(at, all[i + 1]).toString('utf8')) as unknown] : []));
        expect(parsed).toEqual((JSON.parse(text) as { Resources: unknown[] }).Resources);
      }),
      { seed: 1515, numRuns: 200 },
    );
  });

  it('answers nothing when the member JSON.parse kept is not certain or an element is not one line', () => {
    const spans = (text: string): number[] | null => arrayObjects(scanJsonLayout(b(text))!, 'Resources');
    expect(spans('{"Resources":[{"id":"a"},{"id":"b"}]}')).toEqual([14, 24, 25, 35]);
    expect(spans('{"resources":[{"id":"a"}]}')).toHaveLength(2); // keys are case-insensitive in SCIM
    expect(spans('{"Resources":[{"id":"a"}],"Resources":[{"id":"b"}]}')).toBeNull();
    expect(spans('{"resources":[],"Resources":[{"id":"b"}]}')).toBeNull();
    expect(spans('{"Resources":[{"id":"a"}],"Re\\u0073ources":[{"id":"b"}]}')).toBeNull();
    expect(spans('{"Resources":[{"id":"a"},"b"]}')).toBeNull();
    expect(spans('{"Resources":[{"id":"a"},2]}')).toBeNull();
    expect(spans('{"Resources":[{"id":"a"},[]]}')).toBeNull();
    expect(spans('{"Resources":[\n{"id":"a"}]}')).toBeNull();
    expect(spans('{"Resources":[{"id":\r"a"}]}')).toBeNull();
    expect(spans('{"Resources":{"id":"a"}}')).toBeNull();
    expect(arrayObjects(scanJsonLayout(b('[{"Resources":[{"id":"a"}]}]'))!, 'Resources')).toBeNull();
    // A key whose value is not an array does not count as a second Resources.
    expect(spans('{"resources":null,"Resources":[{"id":"a"}]}')).toEqual([14 + 17, 24 + 17]);
  });
});

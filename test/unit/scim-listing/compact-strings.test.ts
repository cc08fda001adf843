import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactStringList, CompactStringSet } from '../../../electron/core/scim/compact-strings';

describe('CompactStringSet', () => {
  it('agrees with Set<string> on add/has/size for any strings (unicode, empty, repeats)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.uuid()), { maxLength: 400 }), (values) => {
        const compact = new CompactStringSet();
        const plain = new Set<string>();
        for (const v of values) {
          expect(compact.add(v)).toBe(!plain.has(v));
          plain.add(v);
        }
        expect(compact.size).toBe(plain.size);
        for (const v of values) expect(compact.has(v)).toBe(true);
        expect(compact.has('\u0000never-added')).toBe(plain.has('\u0000never-added'));
        // Entries are numbered in insertion order and read back exactly.
        expect([...plain].map((v) => compact.indexOf(v))).toEqual([...plain].map((_, i) => i));
        expect([...plain].map((_, i) => compact.at(i))).toEqual([...plain]);
      }),
      { seed: 15, numRuns: 200 },
    );
  });

  it('keeps growing past its initial buffers (100k ids) without losing or doubling any', () => {
    const compact = new CompactStringSet();
    let added = 0;
    let again = 0;
    for (let i = 0; i < 100_000; i += 1) if (compact.add(`user-${i}-${'x'.repeat(i % 7)}`)) added += 1;
    for (let i = 0; i < 100_000; i += 1) if (compact.add(`user-${i}-${'x'.repeat(i % 7)}`)) again += 1;
    expect([added, again]).toEqual([100_000, 0]);
    expect(compact.size).toBe(100_000);
    expect(compact.at(99_999)).toBe(`user-99999-${'x'.repeat(99_999 % 7)}`);
    expect(compact.has('user-100000-')).toBe(false);
    expect(() => compact.at(100_000)).toThrow(RangeError);
  });
});

describe('CompactStringList', () => {
  it('reads back every pushed string in order, duplicates and non-ASCII included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 300 }), (values) => {
        const list = new CompactStringList();
        values.forEach((v, i) => expect(list.push(v)).toBe(i));
        expect(list.size).toBe(values.length);
        expect(values.map((_, i) => list.at(i))).toEqual(values);
      }),
      { seed: 15, numRuns: 100 },
    );
  });
});

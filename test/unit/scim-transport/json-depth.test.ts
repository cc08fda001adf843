// The nesting scan that guards every server answer before it is parsed and walked.
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../../electron/core/io/json-depth';

describe('nestsDeeperThan', () => {
  it('counts arrays and objects, not brackets inside strings (escaped quotes and backslashes too)', () => {
    expect(nestsDeeperThan('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":{"b":[[1]]}}', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":"[[[[{{{{","b":1}', 1)).toBe(false);
    expect(nestsDeeperThan('{"a":"x\\"[[[[","b":1}', 1)).toBe(false);
    expect(nestsDeeperThan('{"a":"x\\\\","b":[[1]]}', 2)).toBe(true);
    expect(nestsDeeperThan(`${'['.repeat(101)}${']'.repeat(101)}`)).toBe(true);
    expect(nestsDeeperThan(`${'['.repeat(100)}${']'.repeat(100)}`)).toBe(false);
  });

  it('ends on an unterminated string without a verdict of deep', () => {
    expect(nestsDeeperThan('{"a":"[[[[', 1)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import { commaList, parseArgs, TOKEN_FLAG_REFUSAL, type OptionSpec } from '../../../electron/host/cli/args';

const specs = new Map<string, OptionSpec>([
  ['json', { kind: 'boolean', help: '' }],
  ['url', { kind: 'string', help: '' }],
  ['header', { kind: 'repeatable', help: '' }],
  ['limit', { kind: 'integer', min: 1, help: '' }],
  ['sandbox', { kind: 'string', optionalChoices: ['rfc', 'mittr'], defaultValue: 'rfc', help: '' }],
  ['attributes', { kind: 'string', help: '' }],
]);

function usageErrorOf(argv: string[]): InspectorError {
  try {
    parseArgs(argv, specs);
  } catch (error) {
    if (error instanceof InspectorError) return error;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('parseArgs', () => {
  it('reads options before, between and after the command words, in both --a b and --a=b forms', () => {
    const parsed = parseArgs(['--json', 'users', '--url=https://x/scim', 'list', '--limit', '5'], specs);
    expect(parsed.positionals).toEqual(['users', 'list']);
    expect(parsed.options.get('json')).toBe(true);
    expect(parsed.options.get('url')).toBe('https://x/scim');
    expect(parsed.options.get('limit')).toBe(5);
  });

  it('collects a repeatable option in order', () => {
    const parsed = parseArgs(['--header', 'A: 1', '--header=B: 2'], specs);
    expect(parsed.options.get('header')).toEqual(['A: 1', 'B: 2']);
  });

  it('takes an optional value only when it is a known choice, so a command word after it stays a command', () => {
    expect(parseArgs(['--sandbox', 'users', 'list'], specs).options.get('sandbox')).toBe('rfc');
    expect(parseArgs(['--sandbox', 'users', 'list'], specs).positionals).toEqual(['users', 'list']);
    expect(parseArgs(['--sandbox', 'mittr', 'users'], specs).options.get('sandbox')).toBe('mittr');
  });

  it('refuses unknown options, short options and missing values as usage errors', () => {
    expect(usageErrorOf(['--nope']).code).toBe('usage');
    expect(usageErrorOf(['-j']).code).toBe('usage');
    expect(usageErrorOf(['--url']).message).toMatch(/needs a value/);
    expect(usageErrorOf(['--url', '--json']).message).toMatch(/needs a value/);
    expect(usageErrorOf(['--json=1']).message).toMatch(/takes no value/);
    expect(usageErrorOf(['--url', 'a', '--url', 'b']).message).toMatch(/twice/);
  });

  it('checks integers and their bounds', () => {
    expect(usageErrorOf(['--limit', 'ten']).message).toMatch(/whole number/);
    expect(usageErrorOf(['--limit', '0']).message).toMatch(/at least 1/);
  });

  it('refuses --token in every spelling, explaining why and what to use instead', () => {
    for (const argv of [['--token', 's3cret'], ['--token=s3cret']]) {
      const error = usageErrorOf(argv);
      expect(error.code).toBe('usage');
      expect(error.message).toBe(TOKEN_FLAG_REFUSAL);
      expect(error.message).toMatch(/shell history/);
      expect(error.message).toMatch(/--token-env/);
      expect(JSON.stringify(error.toJSON())).not.toContain('s3cret');
    }
  });

  it('treats everything after -- as operands', () => {
    expect(parseArgs(['find', 'user', '--', '--odd-name'], specs).positionals).toEqual(['find', 'user', '--odd-name']);
  });

  it('splits comma lists and refuses empty items', () => {
    expect(commaList(parseArgs(['--attributes', 'userName, emails'], specs), 'attributes')).toEqual(['userName', 'emails']);
    expect(() => commaList(parseArgs(['--attributes', 'userName,,emails'], specs), 'attributes')).toThrow(/comma-separated/);
  });
});

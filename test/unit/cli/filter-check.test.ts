import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import { checkFilterSyntax } from '../../../electron/host/cli/filter-check';

function positionOf(filter: string): number {
  try {
    checkFilterSyntax(filter);
  } catch (error) {
    if (error instanceof InspectorError && error.code === 'invalid-filter') return Number(error.details?.position);
    throw error;
  }
  throw new Error(`expected ${filter} to be refused`);
}

describe('checkFilterSyntax', () => {
  it('accepts the RFC 7644 forms scripts use', () => {
    for (const f of [
      'userName eq "bjensen"',
      'emails[type eq "work" and primary eq true].value eq "x@example.com"',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "Sales"',
      'active eq true and not (title pr)',
      'userName eq "a\\"b"',
    ]) expect(() => checkFilterSyntax(f), f).not.toThrow();
  });

  it('points at the offending token', () => {
    expect(positionOf('userName eqq "a"')).toBe(9);
    expect(positionOf('userName eq "a" zz')).toBe(16);
  });

  it('points at the end when the filter stops early', () => {
    expect(positionOf('userName eq "a" and (')).toBe('userName eq "a" and ('.length);
    expect(positionOf('(userName eq "a"')).toBe('(userName eq "a"'.length);
  });

  it('refuses an empty filter', () => {
    expect(positionOf('  ')).toBe(0);
  });
});

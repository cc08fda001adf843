import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_BYTES, normalizeToken, tokenMetadata } from '../../../electron/core/vault';

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a throw');
}

describe('normalizeToken', () => {
  it('trims surrounding whitespace', () => {
    expect(normalizeToken('  abc.def-ghi\n')).toEqual({ token: 'abc.def-ghi', notices: [] });
  });

  it('strips a leading "Bearer " with a notice, in any case', () => {
    const out = normalizeToken('bearer   eyJhbGciOi.payload.sig');
    expect(out.token).toBe('eyJhbGciOi.payload.sig');
    expect(out.notices).toHaveLength(1);
    expect(out.notices[0]).toMatch(/Bearer/);
  });

  it('refuses empty tokens, also after stripping the prefix', () => {
    expect(errorOf(() => normalizeToken('   '))).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/empty/) });
    expect(errorOf(() => normalizeToken('Bearer   '))).toMatchObject({ code: 'invalid-input' });
  });

  it('refuses whitespace inside the token without quoting it', () => {
    const e = errorOf(() => normalizeToken('secretpart1 secretpart2'));
    expect(e.code).toBe('invalid-input');
    expect(e.message).toMatch(/whitespace/);
    expect(e.message).not.toContain('secretpart');
    expect(errorOf(() => normalizeToken('abc\ndef')).message).toMatch(/line break/);
  });

  it('refuses characters an HTTP header cannot carry', () => {
    const e = errorOf(() => normalizeToken('abc€def'));
    expect(e.code).toBe('invalid-input');
    expect(e.message).toMatch(/position 4/);
  });

  it('accepts 16 KB and refuses one byte more', () => {
    expect(normalizeToken('a'.repeat(MAX_TOKEN_BYTES)).token).toHaveLength(MAX_TOKEN_BYTES);
    const e = errorOf(() => normalizeToken('a'.repeat(MAX_TOKEN_BYTES + 1)));
    expect(e.code).toBe('invalid-input');
    expect(e.message).toMatch(/16 KB/);
  });

  it('refuses non-text input', () => {
    expect(errorOf(() => normalizeToken(42))).toMatchObject({ code: 'invalid-input' });
  });
});

describe('tokenMetadata', () => {
  it('describes a token by length, last 4 and set time only', () => {
    const meta = tokenMetadata('0123456789abcdefWXYZ', '2026-01-02T03:04:05.000Z');
    expect(meta).toEqual({ hasToken: true, length: 20, last4: 'WXYZ', setAt: '2026-01-02T03:04:05.000Z' });
    expect(JSON.stringify(meta)).not.toContain('0123456789abcdef');
  });

  it('shows no characters of a short token', () => {
    expect(tokenMetadata('short-tok', null)).toEqual({ hasToken: true, length: 9, last4: null, setAt: null });
  });

  it('says when there is no token', () => {
    expect(tokenMetadata(null, '2026-01-02T03:04:05.000Z')).toEqual({ hasToken: false, length: null, last4: null, setAt: null });
  });
});

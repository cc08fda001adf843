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

  it('strips only a leading "Bearer" word, and says why', () => {
    expect(normalizeToken('Bearer abc')).toEqual({
      token: 'abc',
      notices: ['Removed a leading "Bearer " from the token; store only the token itself, the app adds the prefix.'],
    });
    // "bearer" as part of the token itself is kept whole.
    expect(normalizeToken('bearerabc')).toEqual({ token: 'bearerabc', notices: [] });
    expect(normalizeToken('mybearer')).toEqual({ token: 'mybearer', notices: [] });
    expect(normalizeToken('x-Bearer')).toEqual({ token: 'x-Bearer', notices: [] });
    expect(errorOf(() => normalizeToken('Bearer'))).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/The token is empty/) });
  });

  it('counts the size limit in bytes, and names the size without the token', () => {
    // 16 K characters, one of them 3 bytes long in UTF-8.
    const e = errorOf(() => normalizeToken(`${'a'.repeat(MAX_TOKEN_BYTES - 1)}\u20ac`));
    expect(e).toMatchObject({
      code: 'invalid-input',
      message: `The token is ${MAX_TOKEN_BYTES + 2} bytes; tokens over 16 KB are refused. Check that you pasted the token and not a whole file or page.`,
      details: { bytes: MAX_TOKEN_BYTES + 2, maxBytes: MAX_TOKEN_BYTES },
    });
  });

  it('accepts every visible ASCII character and names the position of the first other one', () => {
    let visible = '';
    for (let c = 0x21; c <= 0x7e; c += 1) visible += String.fromCharCode(c);
    expect(normalizeToken(visible).token).toBe(visible);
    expect(errorOf(() => normalizeToken('\u20acabc'))).toMatchObject({ details: { position: 1 }, message: expect.stringMatching(/position 1 that cannot be sent in an HTTP header/) });
    expect(errorOf(() => normalizeToken('ab\x7f'))).toMatchObject({ code: 'invalid-input', details: { position: 3 } });
    expect(errorOf(() => normalizeToken('ab\x01cd'))).toMatchObject({ code: 'invalid-input', details: { position: 3 } });
  });

  it('refuses non-text input', () => {
    for (const value of [42, null, undefined, { token: 'abc' }]) {
      expect(errorOf(() => normalizeToken(value))).toEqual(
        expect.objectContaining({ code: 'invalid-input', message: 'The token must be text; paste the bearer token your SCIM provider issued.' }),
      );
    }
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

  it('shows the last 4 characters from 16 characters on', () => {
    expect(tokenMetadata('0123456789abcdef', undefined)).toEqual({ hasToken: true, length: 16, last4: 'cdef', setAt: null });
    expect(tokenMetadata('0123456789abcde', undefined).last4).toBeNull();
  });

  it('says when there is no token', () => {
    expect(tokenMetadata('', '2026-01-02T03:04:05.000Z')).toEqual({ hasToken: false, length: null, last4: null, setAt: null });
    expect(tokenMetadata(null, '2026-01-02T03:04:05.000Z')).toEqual({ hasToken: false, length: null, last4: null, setAt: null });
  });
});

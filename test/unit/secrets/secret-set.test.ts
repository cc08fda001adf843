// The forms a secret is found in (raw, JSON-, URL- and HTML-escaped, base64 alone or inside a
// longer base64 text) and what redaction does to strings, values and errors.
import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import { REDACTED, RedactorGroup, redactorFor, SecretSet } from '../../../electron/core/secrets/index';

const TOKEN = 'Qk/7x+Tok_aé9"z\\w';

function jsonEscapeAll(text: string): string {
  return [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

describe('the forms of a secret', () => {
  const r = redactorFor(TOKEN);
  const cases: [string, string][] = [
    ['raw', TOKEN],
    ['JSON as JSON.stringify writes it', JSON.stringify(TOKEN).slice(1, -1)],
    ['JSON with / and + escaped (PHP, .NET)', JSON.stringify(TOKEN).slice(1, -1).replace(/\//g, '\\/').replace(/\+/g, '\\u002B')],
    ['JSON with every character a \\u escape', jsonEscapeAll(TOKEN)],
    ['JSON with lower-case hex escapes', JSON.stringify(TOKEN).slice(1, -1).replace(/\+/g, '\\u002b')],
    ['URL-encoded', encodeURIComponent(TOKEN)],
    ['URL-encoded with lower-case hex', encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ['HTML numeric entities', [...TOKEN].map((c) => `&#${c.codePointAt(0)};`).join('')],
    ['HTML hex entities', [...TOKEN].map((c) => `&#x${(c.codePointAt(0) as number).toString(16)};`).join('')],
    ['HTML named entities', TOKEN.replace(/"/g, '&quot;')],
    ['base64', Buffer.from(TOKEN).toString('base64')],
    ['base64url', Buffer.from(TOKEN).toString('base64url')],
    ['base64 JSON-escaped', Buffer.from(TOKEN).toString('base64').replace(/\//g, '\\/')],
  ];
  for (const [name, form] of cases) {
    it(`finds and replaces the ${name} form inside other text`, () => {
      const text = `{"detail":"before ${form} after"}`;
      expect(r.test(text)).toBe(true);
      const out = r.text(text);
      expect(out).toBe(`{"detail":"before ${REDACTED} after"}`);
    });
  }

  it('finds the secret inside a longer base64 text at each of the three alignments', () => {
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const blob = Buffer.from(`${prefix}{"token":"${TOKEN}","x":1}`).toString('base64');
      expect(r.test(blob), `prefix ${JSON.stringify(prefix)}`).toBe(true);
      expect(r.text(blob)).toContain(REDACTED);
    }
  });

  it('finds an encoded secret whose first characters the text before it swallows into an escape', () => {
    const secret = 'A0~.-~.~~AA0a_~+';
    const set = redactorFor(secret);
    for (const before of ['%', '%0', '\\u00', '&#']) {
      const text = `x${before}${encodeURIComponent(secret)}y`;
      const out = set.text(text);
      expect(out, before).toContain(REDACTED);
      expect(out).not.toContain(encodeURIComponent(secret).slice(4));
    }
  });

  it('covers a Basic credential through the user:password secret', () => {
    const basic = redactorFor('ana:s3cret pass+word');
    expect(basic.text(`Authorization: Basic ${Buffer.from('ana:s3cret pass+word').toString('base64')}`)).toBe(`Authorization: Basic ${REDACTED}`);
    // A form body writes the space as "+".
    expect(basic.text('u=ana%3As3cret+pass%2Bword&x=1')).toBe(`u=${REDACTED}&x=1`);
  });

  it('leaves text without the secret untouched, and the same string', () => {
    const text = 'https://x.example\\/scim%20v2 &amp; \\u00e9';
    expect(r.test(text)).toBe(false);
    expect(r.text(text)).toBe(text);
  });

  it('ignores secrets too short to search for, and an empty set redacts nothing', () => {
    expect(redactorFor('abc').text('abc abc')).toBe('abc abc');
    expect(new SecretSet().text(TOKEN)).toBe(TOKEN);
  });

  it('merges overlapping matches into one placeholder', () => {
    const set = redactorFor('abcdefgh', 'efghijkl');
    expect(set.text('xxabcdefghijklxx')).toBe(`xx${REDACTED}xx`);
  });
});

describe('redacting values and errors', () => {
  const r = redactorFor(TOKEN);

  it('returns a clean value itself, and a copy with every string and key redacted otherwise', () => {
    const clean = { a: [1, 'two', { b: null }] };
    expect(r.value(clean)).toBe(clean);
    const shared = { note: `Bearer ${TOKEN}` };
    const dirty = { [TOKEN]: 1, list: [shared, shared], keep: { x: 'y' } };
    const out = r.value(dirty);
    expect(out).toEqual({ [REDACTED]: 1, list: [{ note: `Bearer ${REDACTED}` }, { note: `Bearer ${REDACTED}` }], keep: { x: 'y' } });
    expect(out.keep).toBe(dirty.keep);
    expect(dirty.list[0]?.note).toBe(`Bearer ${TOKEN}`); // the original is never changed
  });

  it('redacts an InspectorError message, details and stack, keeping its code', () => {
    const error = new InspectorError('unauthorized', `Rejected ${TOKEN}`, { detail: encodeURIComponent(TOKEN), status: 401 });
    const clean = r.error(error);
    expect(clean).toBeInstanceOf(InspectorError);
    expect(clean.code).toBe('unauthorized');
    expect(`${clean.message} ${JSON.stringify(clean.details)} ${clean.stack ?? ''}`).not.toContain('Qk');
    expect(clean.details?.status).toBe(401);
    const fine = new InspectorError('network', 'no secret here');
    expect(r.error(fine)).toBe(fine);
  });

  it('handles values that cannot be serialised (cycles)', () => {
    const cyclic: Record<string, unknown> = { token: TOKEN };
    cyclic.self = cyclic;
    const out = r.value(cyclic);
    expect(out.token).toBe(REDACTED);
    expect(out.self).toBe(out);
  });

  it('a group redacts the secrets of every member, including ones added later', () => {
    const group = new RedactorGroup();
    const a = new SecretSet();
    group.add(a);
    expect(group.text('late-secret-1')).toBe('late-secret-1');
    a.add('late-secret-1');
    const remove = group.add(redactorFor('other-secret'));
    expect(group.text('late-secret-1 other-secret')).toBe(`${REDACTED} ${REDACTED}`);
    remove();
    expect(group.text('other-secret')).toBe('other-secret');
  });
});

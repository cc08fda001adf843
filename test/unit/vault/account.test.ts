// The keychain account grammar (vault.ts): `<profile id>` or `<profile id>.<secret>@<origin>`.
// Every account the profiles code forms must be accepted (or the admin's secret cannot be stored or
// read), and anything else refused before the keychain is touched (a path, a stray character or an
// over-long name is a bug upstream, never a key to write under).
import { describe, expect, it } from 'vitest';
import { assertProfileId } from '../../../electron/core/vault';
import { secretAccount } from '../../../electron/core/profiles';

function accepted(account: unknown): boolean {
  try {
    assertProfileId(account);
    return true;
  } catch (error) {
    expect(error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/profile id must be 1-64 letters/) });
    return false;
  }
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
// The secret part is a lower-case header name (RFC 9110 tchar) or a secret kind.
const SECRET_CHARS = "!#$%&'*+.^_`|~0123456789abcdefghijklmnopqrstuvwxyz-";
const ORIGIN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.:[]-';

describe('keychain account names', () => {
  it('accepts a bare profile id of 1 to 64 id characters, and every id character', () => {
    for (const ch of ID_CHARS) expect(accepted(`p${ch}`), ch).toBe(true);
    expect(accepted('p')).toBe(true);
    expect(accepted('p'.repeat(64))).toBe(true);
    expect(accepted('p'.repeat(65))).toBe(false);
    expect(accepted('')).toBe(false);
  });

  it('accepts the accounts the profiles code forms for each secret and origin', () => {
    for (const account of [
      secretAccount('p1', 'token', 'https://tenant.example.com'),
      secretAccount('p1', 'password', 'http://127.0.0.1:8080'),
      secretAccount('p1', 'client-secret', 'https://login.example.com:8443'),
      secretAccount('p1', 'header:x-api-key', 'http://[::1]:3000'),
      secretAccount('p1', 'proxy-password', 'http://proxy.corp:3128'),
      secretAccount('p1', 'key-passphrase', 'local'),
    ]) {
      expect(accepted(account), account).toBe(true);
    }
  });

  it('accepts every character of a header name and of an origin', () => {
    for (const ch of SECRET_CHARS) expect(accepted(`p1.x${ch}@local`), ch).toBe(true);
    for (const ch of ORIGIN_CHARS) expect(accepted(`p1.token@https://h${ch}`), ch).toBe(true);
    expect(accepted(`p1.${'a'.repeat(100)}@local`)).toBe(true);
    expect(accepted(`p1.token@https://${'h'.repeat(300)}`)).toBe(true);
  });

  it('refuses anything else', () => {
    for (const account of [
      '../etc',
      'p1/token',
      'p 1',
      'p1\n',
      '\np1',
      'p1.token',
      'p1.token@',
      'p1.@local',
      'p1.Token@local',
      'p1.to ken@local',
      'p1.token@localhost',
      'p1.token@xlocal',
      'p1.token@ftp://tenant.example.com',
      'p1.token@https:/tenant.example.com',
      'p1.token@https://',
      'p1.token@https://tenant.example.com/path',
      'p1.token@https://user@tenant.example.com',
      'p1.token@https://tenant example',
      `p1.${'a'.repeat(101)}@local`,
      `p1.token@https://${'h'.repeat(301)}`,
      `${'p'.repeat(65)}.token@local`,
      '.token@local',
      'p1.token@local@local',
      'p1.token@local.x',
      'p1.(token)@local',
      'p1.tok"en@local',
    ]) {
      expect(accepted(account), account).toBe(false);
    }
    for (const value of [undefined, null, 42, ['p1'], { id: 'p1' }]) expect(accepted(value)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { candidateBaseUrls, encodeQuery, joinUrl, normalizeBaseUrl } from '../../../electron/core/scim/base-url';

describe('normalizeBaseUrl', () => {
  it('trims whitespace and trailing slashes, lower-cases the host', () => {
    expect(normalizeBaseUrl('  https://Tenant.Example.com/scim/v2/  ')).toBe('https://tenant.example.com/scim/v2');
    expect(normalizeBaseUrl('https://t.example//scim//v2')).toBe('https://t.example/scim/v2');
    expect(normalizeBaseUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });
  it('drops a pasted endpoint suffix', () => {
    expect(normalizeBaseUrl('https://t.example/scim/v2/Users')).toBe('https://t.example/scim/v2');
    expect(normalizeBaseUrl('https://t.example/scim/v2/ServiceProviderConfig')).toBe('https://t.example/scim/v2');
    expect(normalizeBaseUrl('https://t.example/v2/Groups/abc')).toBe('https://t.example/v2');
  });
  it('rejects other schemes, missing schemes, credentials, queries and garbage with invalid-url', () => {
    expect(() => normalizeBaseUrl('ftp://t.example/scim')).toThrow(expect.objectContaining({ code: 'invalid-url' }));
    expect(() => normalizeBaseUrl('t.example/scim/v2')).toThrow(/https:\/\/t\.example\/scim\/v2/);
    expect(() => normalizeBaseUrl('')).toThrow(expect.objectContaining({ code: 'invalid-url' }));
    expect(() => normalizeBaseUrl('https://t.example/scim?x=1')).toThrow(expect.objectContaining({ code: 'invalid-url' }));
    expect(() => normalizeBaseUrl('https://exa mple.com')).toThrow(expect.objectContaining({ code: 'invalid-url' }));
  });
  it('rejects credentials without echoing them', () => {
    let message = '';
    try {
      normalizeBaseUrl('https://admin:s3cret-token@t.example/scim/v2');
    } catch (e) {
      message = JSON.stringify(e) + String((e as Error).message);
    }
    expect(message).toMatch(/user name or password/);
    expect(message).not.toContain('s3cret-token');
  });
});

describe('candidateBaseUrls', () => {
  it('adds /scim/v2, /v2 and /scim to a bare host', () => {
    expect(candidateBaseUrls('https://t.example/')).toEqual(['https://t.example', 'https://t.example/scim/v2', 'https://t.example/v2', 'https://t.example/scim']);
  });
  it('adds /v2 to /scim and tries the parent of /v2', () => {
    expect(candidateBaseUrls('https://t.example/scim')).toEqual(['https://t.example/scim', 'https://t.example/scim/v2']);
    expect(candidateBaseUrls('https://t.example/scim/v2/')).toEqual(['https://t.example/scim/v2', 'https://t.example/scim']);
    expect(candidateBaseUrls('https://t.example/v2')).toEqual(['https://t.example/v2', 'https://t.example']);
  });
});

describe('joinUrl', () => {
  it('encodes spaces in filters as %20, not +', () => {
    expect(joinUrl('https://t.example/scim/v2', '/Users', { filter: 'userName eq "a b"', count: 10, skip: undefined })).toBe(
      'https://t.example/scim/v2/Users?filter=userName%20eq%20%22a%20b%22&count=10',
    );
    expect(encodeQuery({})).toBe('');
  });
  it('refuses paths that would escape the base', () => {
    expect(() => joinUrl('https://t.example', 'Users')).toThrow();
    expect(() => joinUrl('https://t.example', '//evil.example/x')).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { describeNonScimBody, httpError, parseScimError, transportError } from '../../../electron/core/scim/errors';

const base = { method: 'GET', url: 'https://t.example/scim/v2/Users/42', text: '', contentType: 'application/scim+json' };

describe('RFC 7644 §3.12 error bodies', () => {
  it('reads status as a string or a number, scimType and detail', () => {
    expect(parseScimError({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '409', scimType: 'uniqueness', detail: 'userName taken' })).toEqual({
      status: 409,
      scimType: 'uniqueness',
      detail: 'userName taken',
    });
    expect(parseScimError({ status: 404, detail: 'no such user' })).toEqual({ status: 404, detail: 'no such user' });
  });
  it('matches keys case-insensitively and ignores non-error bodies', () => {
    expect(parseScimError({ Status: '400', ScimType: 'invalidFilter', Detail: 'bad' })).toEqual({ status: 400, scimType: 'invalidFilter', detail: 'bad' });
    expect(parseScimError({ id: 'x' })).toBeNull();
    expect(parseScimError('text')).toBeNull();
  });
});

describe('non-SCIM bodies', () => {
  it('names an HTML page by its title', () => {
    expect(describeNonScimBody('<!DOCTYPE html><html><head><title>Sign in \n - Portal</title></head><body>x</body></html>', 'text/html')).toBe('Sign in - Portal');
  });
  it('keeps the first part of plain text', () => {
    expect(describeNonScimBody('Unauthorized\n', 'text/plain')).toBe('Unauthorized');
    expect(describeNonScimBody('x'.repeat(1000), 'text/plain')?.length).toBeLessThan(310);
  });
});

describe('HTTP status mapping', () => {
  it('401 says the token was rejected and to update it, also for an HTML page', () => {
    const e = httpError({ ...base, status: 401, body: null, text: '<html><title>Login required</title></html>', contentType: 'text/html' });
    expect(e.code).toBe('unauthorized');
    expect(e.message).toMatch(/token/i);
    expect(e.message).toMatch(/update/i);
    expect(e.details).toMatchObject({ status: 401, method: 'GET', url: base.url, detail: 'Login required' });
  });
  it('409 names the scimType', () => {
    const e = httpError({ ...base, method: 'POST', status: 409, body: { status: '409', scimType: 'uniqueness', detail: 'dup' } });
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('uniqueness');
    expect(e.details).toMatchObject({ scimType: 'uniqueness', detail: 'dup' });
  });
  it('treats a 400 uniqueness answer as the conflict it is', () => {
    const e = httpError({ ...base, method: 'POST', status: 400, body: { status: 400, scimType: 'uniqueness', detail: 'exists' } });
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/already has that unique value/);
  });
  it('412 says the resource changed since it was loaded', () => {
    const e = httpError({ ...base, method: 'PATCH', status: 412, body: null });
    expect(e.code).toBe('precondition-failed');
    expect(e.message).toMatch(/changed since you loaded it/);
  });
  it('404 on a collection points at the base URL, on a resource at a deleted resource', () => {
    expect(httpError({ ...base, url: 'https://t.example/Users', status: 404, body: null }).message).toMatch(/base URL/);
    expect(httpError({ ...base, status: 404, body: null }).message).toMatch(/gone|deleted/);
  });
  it('maps 403, 429, 5xx and 400 invalidFilter', () => {
    expect(httpError({ ...base, status: 403, body: null }).code).toBe('forbidden');
    const limited = httpError({ ...base, status: 429, body: null, retryAfterMs: 30_000 });
    expect(limited.code).toBe('rate-limited');
    expect(limited.message).toContain('30 s');
    expect(httpError({ ...base, status: 502, body: null }).code).toBe('server-error');
    expect(httpError({ ...base, status: 400, body: { scimType: 'invalidFilter' } }).code).toBe('invalid-filter');
  });
});

describe('transport failures', () => {
  const ctx = { method: 'GET', url: 'https://t.example/scim/v2/Users' };
  it('maps undici timeouts and resets to retryable errors', () => {
    const t = transportError(Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' }), ctx);
    expect(t.code).toBe('timeout');
    expect(t.details?.retryable).toBe(true);
    const reset = transportError(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }), ctx);
    expect(reset.code).toBe('network');
    expect(reset.details?.retryable).toBe(true);
  });
  it('does not retry a refused connection or an unknown host', () => {
    const refused = transportError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), ctx);
    expect(refused.details?.retryable).toBeUndefined();
    expect(refused.message).toMatch(/base URL/);
  });
  it('maps aborts to cancelled', () => {
    const abort = new Error('This operation was aborted');
    abort.name = 'AbortError';
    expect(transportError(abort, ctx).code).toBe('cancelled');
  });
});

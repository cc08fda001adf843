import { describe, expect, it } from 'vitest';
import { buildPatch, buildReplaceBody, describeRequest } from '../../../electron/core/patch';
import { InspectorError } from '../../../shared/errors';
import { SCHEMAS } from '../../../shared/scim';
import { ENT, edit, user } from './fixtures';

describe('describeRequest', () => {
  it('shows a PATCH exactly as sent, token redacted, If-Match from the version', () => {
    const { request } = buildPatch(user(), edit(user(), (u) => (u.title = 'CTO')));
    const described = describeRequest({ baseUrl: 'https://t.example/scim/v2/', kind: 'Users', id: 'a b/c', body: request, version: 'W/"1"', headers: { 'X-Tenant': 't1', 'X-Api-Key': 'k-secret', authorization: 'Bearer leaked' } });
    expect(described).toEqual({
      method: 'PATCH',
      url: 'https://t.example/scim/v2/Users/a%20b%2Fc',
      headers: { Accept: 'application/scim+json, application/json;q=0.9, text/json;q=0.8', 'User-Agent': 'scim-inspector/0.1.0', 'Content-Type': 'application/scim+json; charset=utf-8', 'X-Tenant': 't1', 'X-Api-Key': '[redacted]', Authorization: 'Bearer [redacted]', 'If-Match': 'W/"1"' },
      body: request,
    });
    expect(JSON.stringify(described)).not.toMatch(/secret|leaked/);
  });

  it('uses PUT for a full body and sends no If-Match without a version', () => {
    const described = describeRequest({ baseUrl: 'http://127.0.0.1:1/scim', kind: 'Groups', id: 'g', body: { schemas: [SCHEMAS.group], displayName: 'x' } });
    expect(described.method).toBe('PUT');
    expect(described.headers['If-Match']).toBeUndefined();
  });

  it('describes a DELETE without body or Content-Type', () => {
    const described = describeRequest({ baseUrl: 'http://127.0.0.1:1/scim', kind: 'Users', id: 'u', version: 'W/"3"' });
    expect(described).toEqual({ method: 'DELETE', url: 'http://127.0.0.1:1/scim/Users/u', headers: { Accept: expect.any(String), 'User-Agent': expect.any(String), Authorization: 'Bearer [redacted]', 'If-Match': 'W/"3"' }, body: null });
  });

  it('lets a profile override Content-Type, as the transport does', () => {
    const described = describeRequest({ baseUrl: 'http://127.0.0.1:1', kind: 'Users', id: 'u', body: { schemas: [SCHEMAS.user] }, headers: { 'content-type': 'application/json' } });
    expect(described.headers['Content-Type']).toBe('application/json');
  });
});

describe('buildReplaceBody', () => {
  it('takes the edited resource whole, without meta or read-only groups', () => {
    const edited = edit(user(), (u) => ((u.title = 'CTO'), (u.groups = [{ value: 'g1' }])));
    const body = buildReplaceBody(user(), edited);
    expect(body.title).toBe('CTO');
    expect(body).not.toHaveProperty('meta');
    expect(body).not.toHaveProperty('groups');
    expect(body.schemas).toEqual([SCHEMAS.user, ENT]);
  });

  it('applies only the admin\'s changes on the fresh resource when the loaded one is given', () => {
    const loaded = user();
    const fresh = edit(user(), (u) => ((u.displayName = 'Changed meanwhile'), (u.meta = { version: 'W/"2"' })));
    const edited = edit(loaded, (u) => ((u.title = 'CTO'), delete u[ENT]));
    const body = buildReplaceBody(fresh, edited, loaded);
    expect(body.displayName).toBe('Changed meanwhile');
    expect(body.title).toBe('CTO');
    expect(body).not.toHaveProperty(ENT);
    expect(body.schemas).toEqual([SCHEMAS.user]);
  });

  it('adds the extension schema when the body gains extension attributes', () => {
    const bare = edit(user(), (u) => ((u.schemas = [SCHEMAS.user]), delete u[ENT]));
    const edited = edit(bare, (u) => (u[ENT] = { department: 'Looms' }));
    expect(buildReplaceBody(bare, edited).schemas).toEqual([SCHEMAS.user, ENT]);
  });

  it('refuses a body for a different resource', () => {
    expect(() => buildReplaceBody(user(), edit(user(), (u) => (u.id = 'u2')))).toThrow(InspectorError);
  });
});

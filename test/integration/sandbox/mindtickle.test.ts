// mindtickle profile (seeds 000, 002): base /scim, PATCH honoured only for `active`, a non-SCIM
// 409 body on duplicate userName, pages capped at 100 with no documented page size.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../../shared/scim';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { call, patchBody, resources } from './http';

let sb: SandboxHandle;

beforeAll(async () => {
  sb = await startSandbox({ vendor: 'mindtickle', users: 260, seed: 3 });
});
afterAll(async () => {
  await sb.close();
});

describe('mindtickle sandbox', () => {
  it('serves SCIM under /scim, not /scim/v2', async () => {
    expect(sb.url).toBe(`${sb.origin}/scim`);
    expect((await call(sb, 'GET', `${sb.origin}/scim/Users?count=1`)).status).toBe(200);
    expect((await call(sb, 'GET', `${sb.origin}/scim/v2/Users?count=1`)).status).toBe(404);
  });

  it('caps pages at 100 whatever count says and documents no maxResults', async () => {
    const page = await call(sb, 'GET', '/Users?count=500');
    expect(resources(page)).toHaveLength(100);
    expect(page.json?.totalResults).toBe(260);
    expect(resources(await call(sb, 'GET', '/Users'))).toHaveLength(100);
    const spc = await call(sb, 'GET', '/ServiceProviderConfig');
    expect((spc.json?.filter as Record<string, unknown>).maxResults).toBeUndefined();
  });

  it('applies PATCH of active and silently ignores every other operation (still 200)', async () => {
    const id = sb.store.ids('Users').find((i) => sb.store.get('Users', i)?.res.active === true) as string;
    const title = sb.store.get('Users', id)?.res.title;
    const res = await call(sb, 'PATCH', `/Users/${id}`, patchBody({ op: 'replace', path: 'title', value: 'Changed' }, { op: 'replace', path: 'active', value: false }));
    expect(res.status).toBe(200);
    expect(res.json?.active).toBe(false);
    expect(res.json?.title).toBe(title);
    const ignored = await call(sb, 'PATCH', `/Users/${id}`, patchBody({ op: 'replace', value: { displayName: 'Nope' } }));
    expect(ignored.status).toBe(200);
    expect(sb.store.get('Users', id)?.res.displayName).not.toBe('Nope');
  });

  it('accepts Entra\'s capitalised op names', async () => {
    const id = sb.store.ids('Users')[30] as string;
    const res = await call(sb, 'PATCH', `/Users/${id}`, patchBody({ op: 'Replace', path: 'active', value: true }));
    expect(res.status).toBe(200);
    expect(sb.store.get('Users', id)?.res.active).toBe(true);
  });

  it('answers a duplicate userName with 409 and a non-SCIM body', async () => {
    const existing = sb.store.get('Users', sb.store.ids('Users')[40] as string)?.res.userName as string;
    const res = await call(sb, 'POST', '/Users', { schemas: [SCHEMAS.user], userName: existing.toUpperCase(), name: { givenName: 'A', familyName: 'B' } });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.json).not.toHaveProperty('schemas');
    expect(res.json?.error).toBe('USER_ALREADY_EXISTS');
  });

  it('needs the token for discovery and sends no ETags', async () => {
    expect((await fetch(`${sb.url}/ServiceProviderConfig`)).status).toBe(401);
    const one = await call(sb, 'GET', `/Users/${sb.store.ids('Users')[0] as string}`);
    expect(one.headers.get('etag')).toBeNull();
    expect(one.json?.meta).not.toHaveProperty('version');
  });
});

// entra profile (seed 002): an Entra-provisioned tenant — enterprise extension on every user,
// externalId = object id GUIDs, capitalised op names accepted, string booleans in some records.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../../shared/scim';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox';
import { call, patchBody, resources } from './http';

let sb: SandboxHandle;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

beforeAll(async () => {
  sb = await startSandbox({ vendor: 'entra', users: 140, seed: 2 });
});
afterAll(async () => {
  await sb.close();
});

describe('entra sandbox', () => {
  it('gives every user the enterprise extension and a GUID externalId', async () => {
    const users = resources(await call(sb, 'GET', '/Users?count=1000'));
    expect(users).toHaveLength(140);
    for (const u of users) {
      expect(u.externalId).toMatch(GUID);
      const ext = u[SCHEMAS.enterpriseUser] as Record<string, unknown>;
      expect(typeof ext.department).toBe('string');
    }
  });

  it('renders active as "True"/"False" strings in the planted records only', async () => {
    const planted = new Set(sb.store.planted.stringBooleanUserIds);
    expect(planted.size).toBe(20);
    const users = resources(await call(sb, 'GET', '/Users?count=1000'));
    for (const u of users) {
      if (planted.has(u.id as string)) expect(['True', 'False']).toContain(u.active);
      else expect(typeof u.active).toBe('boolean');
    }
  });

  it('accepts capitalised op names and "False" strings, storing a boolean', async () => {
    const id = sb.store.ids('Users').find((i) => sb.store.get('Users', i)?.res.active === true) as string;
    const res = await call(sb, 'PATCH', `/Users/${id}`, patchBody({ op: 'Replace', path: 'active', value: 'False' }, { op: 'Add', path: 'title', value: 'Contractor' }));
    expect(res.status).toBe(200);
    expect(sb.store.get('Users', id)?.res.active).toBe(false);
    expect(sb.store.get('Users', id)?.res.title).toBe('Contractor');
  });
});

// HTTP Basic and API-key headers against the sandbox serving those schemes (sandbox --auth): the
// credential goes only into its header, a refused one is explained, and neither the password, the
// user:password pair, its base64 (the Basic header) nor the key reaches the log, HAR or errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, withHeaderSecrets } from '../../../electron/core/auth/static';
import { DEMO_BASIC, startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { createScimClient } from '../../../electron/core/scim/client';
import { leakedForms } from '../../support/leak-forms';

const PASSWORD = 'pässwörd with spaces/+=';
const API_KEY = 'ak_live_5f0e2b9c7d1a4e3f';
let basic: SandboxHandle;
let keyed: SandboxHandle;

beforeAll(async () => {
  basic = await startSandbox({ port: 0, users: 12, auth: { scheme: 'basic', username: DEMO_BASIC.username, password: PASSWORD } });
  keyed = await startSandbox({ port: 0, users: 12, auth: { scheme: 'api-key', header: 'X-API-Key', value: API_KEY } });
});
afterAll(async () => {
  await basic?.close();
  await keyed?.close();
});

function expectNoSecrets(text: string, secrets: string[]): void {
  for (const secret of secrets) {
    for (const [form, spelled] of Object.entries(leakedForms(secret))) expect(text.includes(spelled), `a ${form} secret leaked`).toBe(false);
  }
}

describe('HTTP Basic', () => {
  it('lists every user with the Basic credential, shown as "Basic [redacted]"', async () => {
    const client = createScimClient({ baseUrl: basic.url, auth: basicAuth(DEMO_BASIC.username, () => PASSWORD) });
    try {
      const outcome = await client.list('Users');
      expect(outcome).toMatchObject({ complete: true, count: 12 });
      const entry = client.transport.log.entries().at(-1);
      expect(entry?.requestHeaders.authorization).toBe('Basic [redacted]');
      expect(client.transport.describe().auth).toEqual({ scheme: 'basic', username: DEMO_BASIC.username });
      expectNoSecrets(JSON.stringify(client.transport.log.toHar()), [PASSWORD, `${DEMO_BASIC.username}:${PASSWORD}`]);
    } finally {
      await client.close();
    }
  });

  it('a wrong password is refused with 401, explained, and shown nowhere', async () => {
    const wrong = 'wrong password 1234';
    const client = createScimClient({ baseUrl: basic.url, auth: basicAuth(DEMO_BASIC.username, () => wrong) });
    try {
      const error = await client.list('Users').catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'unauthorized' });
      expectNoSecrets(JSON.stringify(error) + String(error) + JSON.stringify(client.transport.log.toHar()), [wrong, `${DEMO_BASIC.username}:${wrong}`]);
    } finally {
      await client.close();
    }
  });

  it('refuses a user name with a colon before anything is sent', () => {
    expect(() => basicAuth('a:b', () => 'x')).toThrow(/cannot contain ":"/);
  });
});

describe('API-key headers', () => {
  it('sends the key in its own header (no Authorization) and redacts it everywhere', async () => {
    const client = createScimClient({ baseUrl: keyed.url, auth: withHeaderSecrets([{ name: 'X-API-Key', value: () => API_KEY }], null) });
    try {
      expect(await client.list('Users')).toMatchObject({ complete: true, count: 12 });
      const entry = client.transport.log.entries().at(-1);
      expect(entry?.requestHeaders['x-api-key']).toBe('[redacted]');
      expect(entry?.requestHeaders.authorization).toBeUndefined();
      expect(client.transport.describe().auth).toEqual({ scheme: 'api-key', headerNames: ['X-API-Key'] });
      expectNoSecrets(JSON.stringify(client.transport.log.toHar()), [API_KEY]);
    } finally {
      await client.close();
    }
  });

  it('a missing key is refused (401) and the profile header rules keep Authorization out of plain headers', async () => {
    const client = createScimClient({ baseUrl: keyed.url, auth: withHeaderSecrets([{ name: 'X-API-Key', value: () => 'not-the-key' }], null), headers: { authorization: 'Bearer smuggled' } });
    try {
      expect(await client.list('Users').catch((e: unknown) => e)).toMatchObject({ code: 'unauthorized' });
      expect(client.transport.log.entries()[0]?.requestHeaders.authorization).toBeUndefined();
    } finally {
      await client.close();
    }
  });
});

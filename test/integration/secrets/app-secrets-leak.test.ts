// The token-leak test for every secret issue 18 added, driven through the app API exactly as the
// renderer drives it (dispatch with coreFunctions, browser mode, memory vault): Basic password,
// OAuth client secret and the access tokens the token endpoint issued, API-key header value, proxy
// password, client key passphrase and the uploaded private key itself. Tenants are echo servers
// that copy each credential they receive back into answers (error details JSON-escaped, user
// attributes, a URL, a base64 header), so the Basic base64 and the access tokens come back too.
// None of them may appear in a Result, an event, a saved file (HAR, CSV), a console line, an error
// or profiles.json — and each profile must really have connected (positive controls).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { ChannelName } from '../../../shared/channels';
import { coreFunctions, createAppContext, dispatch, savedProfiles } from '../../../electron/core/app/index';
import { createProfileStore } from '../../../electron/core/profiles/index';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { createMemoryVault } from '../../../electron/core/vault/index';
import { startEchoTenant, type EchoTenant } from '../../support/echo-tenant';
import { leakedForms } from '../../support/leak-forms';
import { startTestProxy, type TestProxy } from '../../support/proxy-server';
import { makeTestPki, type TestPki } from '../../support/tls-certs';
import { fileDir } from '../../support/temp-dir';

const rand = (label: string): string => `${label}-${randomBytes(18).toString('base64url')}`;
const PASSWORD = rand('basic/pass+word');
const WRONG_PASSWORD = rand('wrong/pass');
const CLIENT_SECRET = rand('client/secret+');
const API_KEY = rand('api-key');
const PROXY_PASSWORD = rand('proxy/pass');
const PROXY_USER = 'corp-user';
const dir = fileDir('scim-inspector-app-secrets-leak-');
let basic: EchoTenant;
let oauth: EchoTenant;
let keyed: EchoTenant;
let mutual: SandboxHandle;
let pki: TestPki;
let proxy: TestProxy;

beforeAll(async () => {
  pki = makeTestPki();
  basic = await startEchoTenant({ users: 12, token: rand('unused'), auth: { scheme: 'basic', username: 'ops', password: PASSWORD } });
  oauth = await startEchoTenant({ users: 12, token: rand('unused'), auth: { scheme: 'oauth2', clientId: 'leak-client', clientSecret: CLIENT_SECRET, tokenTtlSeconds: 600, scopes: ['scim'] } });
  keyed = await startEchoTenant({ users: 12, token: rand('unused'), auth: { scheme: 'api-key', header: 'X-API-Key', value: API_KEY } });
  mutual = await startSandbox({ port: 0, users: 12, tls: { key: pki.read(pki.serverKey), cert: pki.read(pki.serverCert), ca: pki.read(pki.clientCaCert), requestCert: true, rejectUnauthorized: true } });
  proxy = await startTestProxy({ user: PROXY_USER, password: PROXY_PASSWORD });
}, 60_000);

afterAll(async () => {
  await proxy.close();
  for (const t of [basic, oauth, keyed, mutual]) await t.close();
  pki.remove();
});

it('keeps every new secret and its derived forms out of what the app shows, logs, exports or stores', { timeout: 120_000 }, async () => {
  const outputs: string[] = [];
  const record = (what: unknown): void => void outputs.push(typeof what === 'string' ? what : (JSON.stringify(what) ?? String(what)));
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation((...args: unknown[]) => args.forEach((a) => record(a instanceof Error ? `${a.message}\n${a.stack ?? ''}` : a))));
  const dataDir = mkdtempSync(join(dir, 'data-'));
  const ctx = createAppContext({
    mode: 'browser',
    version: '1',
    emit: (event, payload) => record({ event, payload }),
    saveFile: async (request) => {
      record(request);
      return { saved: true, path: join(dataDir, request.suggestedName) };
    },
    profiles: savedProfiles(createProfileStore({ dir: dataDir }), createMemoryVault()),
    dataDir,
    sandbox: { users: 3 },
  });
  let op = 0;
  const call = async (channel: ChannelName, input?: unknown) => {
    const result = await dispatch(coreFunctions, ctx, channel, input, (_c, error) => record(error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : error));
    record(result);
    return result;
  };
  const add = async (fields: Record<string, unknown>): Promise<string> => {
    const added = await call('profiles.add', fields);
    if (!added.ok) throw new Error(added.error.message);
    return (added.value as { id: string }).id;
  };
  const setSecret = async (profileId: string, kind: string, value: string) => expect(await call('profiles.setSecret', { profileId, kind, value })).toMatchObject({ ok: true });
  /** Everything the renderer does with a working profile: test, list, get, a 404, the log, HAR, an audit's CSV. */
  const exercise = async (profileId: string, firstUser: string) => {
    expect(await call('profiles.test', { profileId })).toMatchObject({ ok: true, value: { ok: true } });
    expect(await call('resources.list', { profileId, kind: 'Users', listId: `l${++op}` })).toMatchObject({ ok: true, value: { count: 12 } });
    expect(await call('explorer.get', { profileId, kind: 'Users', id: firstUser })).toMatchObject({ ok: true });
    expect(await call('explorer.get', { profileId, kind: 'Users', id: 'no-such-user' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const entries = await call('requestLog.entries', { profileId });
    for (const entry of entries.ok ? (entries.value as Array<{ id: number }>) : []) await call('requestLog.body', { profileId, entryId: entry.id });
    expect(await call('requestLog.exportHar', { profileId })).toMatchObject({ ok: true });
    const audit = await call('audit.run', { profileId, operationId: `a${++op}` });
    expect(await call('audit.export', { auditId: audit.ok ? (audit.value as { auditId: string }).auditId : '', kind: 'users' })).toMatchObject({ ok: true });
  };
  try {
    const first = (t: EchoTenant | SandboxHandle) => ('sandbox' in t ? t.sandbox : t).store.ids('Users')[0] as string;

    const basicId = await add({ name: 'leak-basic', baseUrl: basic.url, auth: { scheme: 'basic', username: 'ops' }, proxy: { mode: 'none' } });
    await setSecret(basicId, 'password', WRONG_PASSWORD);
    expect(await call('profiles.test', { profileId: basicId })).toMatchObject({ ok: true, value: { ok: false, status: 'unauthorized' } });
    expect(await call('resources.list', { profileId: basicId, kind: 'Users', listId: 'wrong' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await setSecret(basicId, 'password', PASSWORD);
    await exercise(basicId, first(basic));

    const oauthId = await add({ name: 'leak-oauth', baseUrl: oauth.url, auth: { scheme: 'oauth2', tokenUrl: `${oauth.origin}/oauth/token`, clientId: 'leak-client', clientAuth: 'basic', scope: 'scim' }, proxy: { mode: 'none' } });
    await setSecret(oauthId, 'client-secret', CLIENT_SECRET);
    await exercise(oauthId, first(oauth));
    oauth.sandbox.revokeTokens(); // a refresh mid-session issues a second token, which must not show either
    expect(await call('resources.list', { profileId: oauthId, kind: 'Users', listId: 'after-revoke' })).toMatchObject({ ok: true, value: { count: 12 } });
    expect(await call('requestLog.exportHar', { profileId: oauthId })).toMatchObject({ ok: true });

    const keyId = await add({ name: 'leak-key', baseUrl: keyed.url, auth: { scheme: 'api-key' }, secretHeaders: ['X-API-Key'], proxy: { mode: 'url', url: proxy.url, username: PROXY_USER } });
    await setSecret(keyId, 'header:X-API-Key', API_KEY);
    expect(await call('profiles.test', { profileId: keyId })).toMatchObject({ ok: true, value: { ok: false } }); // no proxy password yet: 407
    await setSecret(keyId, 'proxy-password', PROXY_PASSWORD);
    await exercise(keyId, first(keyed));

    // Mutual TLS with the PEM files uploaded as browser mode does, the key encrypted.
    const tlsId = await add({ name: 'leak-mtls', baseUrl: mutual.url, proxy: { mode: 'none' } });
    await call('profiles.setToken', { profileId: tlsId, token: mutual.token });
    for (const [role, path] of [['ca', pki.caCert], ['clientCert', pki.clientCert], ['clientKey', pki.clientKeyEncrypted]] as const) {
      const chosen = await call('profiles.chooseTlsFile', { profileId: tlsId, role, pem: pki.read(path), fileName: path.split('/').pop() });
      expect(chosen, chosen.ok ? role : chosen.error.message).toMatchObject({ ok: true, value: { chosen: true } });
    }
    const listed = await call('profiles.list');
    expect(JSON.stringify(listed)).toMatch(/"kind":"key-passphrase","label":"client key passphrase","stored":false/);
    await setSecret(tlsId, 'key-passphrase', `${pki.clientKeyPassphrase}-wrong`);
    expect(await call('profiles.test', { profileId: tlsId })).toMatchObject({ ok: true, value: { ok: false } });
    await setSecret(tlsId, 'key-passphrase', pki.clientKeyPassphrase);
    await exercise(tlsId, first(mutual));
    const tlsCopies = join(dataDir, 'tls');
    for (const f of readdirSync(tlsCopies)) expect(statSync(join(tlsCopies, f)).mode & 0o077, `${f} is owner-only`).toBe(0);
    expect(await call('profiles.remove', { profileId: tlsId })).toMatchObject({ ok: true });
    expect(readdirSync(tlsCopies)).toEqual([]);
    record(await call('profiles.list'));
  } finally {
    await ctx.close();
    spies.forEach((s) => s.mockRestore());
  }
  for (const f of readdirSync(dataDir)) if (f.endsWith('.json')) outputs.push(readFileSync(join(dataDir, f), 'utf8'));
  const all = outputs.join('\n');
  // Positive controls: the echoes came back (redacted), the OAuth tokens were issued and sent.
  expect(all).toContain('(seen Basic [redacted])');
  expect(all).toContain('(seen Bearer [redacted])');
  const accessTokens = oauth.sandbox.issuedTokens();
  expect(accessTokens.length).toBeGreaterThanOrEqual(2);
  const sent = [...basic.credentials, ...oauth.credentials, ...keyed.credentials].map((c) => c.replace(/^(Basic|Bearer)\s+/i, ''));
  const keyBody = pki.read(pki.clientKeyEncrypted).split('\n').filter((l) => l.length > 40);
  const secrets = [PASSWORD, WRONG_PASSWORD, CLIENT_SECRET, API_KEY, PROXY_PASSWORD, pki.clientKeyPassphrase, `${pki.clientKeyPassphrase}-wrong`, ...accessTokens, ...new Set(sent)];
  for (const secret of secrets) {
    for (const [form, spelled] of Object.entries(leakedForms(secret))) {
      // Half of the fixed passphrase "key pass/+phrase" is "key pass", which the label "client key passphrase" holds.
      if (form.endsWith('half') && spelled.length < 10) continue;
      expect(all.includes(spelled), `${form} of ${secret.slice(0, 12)}… leaked`).toBe(false);
    }
  }
  for (const line of keyBody) expect(all.includes(line), 'a line of the private key leaked').toBe(false);
});

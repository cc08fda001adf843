// The CLI's auth, proxy and TLS flags (docs/cli.md) against real loopback servers: the sandbox
// serving OAuth 2.0, Basic and API keys, the `proxy` package, and HTTPS with a CA made for the
// run. Secrets come only from environment variables; a secret given as an argument is refused
// (exit 2); nothing the CLI prints or writes (--har) holds a secret.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { runCli } from '../../../electron/host/cli/run';
import { leakedForms } from '../../support/leak-forms';
import { startTestProxy, type TestProxy } from '../../support/proxy-server';
import { makeTestPki, type TestPki } from '../../support/tls-certs';
import { fileDir } from '../../support/temp-dir';

const CLIENT_SECRET = 'Zx9-oauth/secret+1';
const PASSWORD = 'cli basic pass/word';
const API_KEY = 'cli-api-key-0f9e8d7c';
const PASSPHRASE_ENV = 'KEY_PASSPHRASE';
let oauth: SandboxHandle;
let basic: SandboxHandle;
let keyed: SandboxHandle;
let mutual: SandboxHandle;
let pki: TestPki;
let proxy: TestProxy;
let proxyUrl = '';
let tunnels: string[] = [];
const dir = fileDir('scim-inspector-cli-auth-');

beforeAll(async () => {
  pki = makeTestPki();
  oauth = await startSandbox({ port: 0, users: 15, auth: { scheme: 'oauth2', clientId: 'cli-client', clientSecret: CLIENT_SECRET, tokenTtlSeconds: 600, scopes: ['scim'] } });
  basic = await startSandbox({ port: 0, users: 15, auth: { scheme: 'basic', username: 'admin', password: PASSWORD } });
  keyed = await startSandbox({ port: 0, users: 15, auth: { scheme: 'api-key', header: 'X-API-Key', value: API_KEY } });
  mutual = await startSandbox({ port: 0, users: 15, tls: { key: pki.read(pki.serverKey), cert: pki.read(pki.serverCert), ca: pki.read(pki.clientCaCert), requestCert: true, rejectUnauthorized: true } });
  proxy = await startTestProxy();
  proxyUrl = proxy.url;
  tunnels = proxy.tunnels;
}, 60_000);
afterAll(async () => {
  await proxy.close();
  for (const s of [oauth, basic, keyed, mutual]) await s.close();
  pki.remove();
});

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env, signal: new AbortController().signal });
  return { code, stdout, stderr };
}

function expectClean(text: string, secrets: string[]): void {
  for (const secret of secrets) for (const [form, spelled] of Object.entries(leakedForms(secret))) expect(text.includes(spelled), `${form} leaked`).toBe(false);
}

describe('auth flags', { timeout: 60_000 }, () => {
  it('--auth oauth2 lists users with a client-credentials token; --har holds neither secret nor token', async () => {
    const har = join(dir, 'oauth.har');
    const r = await cli(['users', 'list', '--url', oauth.url, '--auth', 'oauth2', '--token-url', oauth.tokenUrl, '--client-id', 'cli-client', '--client-secret-env', 'CS', '--scope', 'scim', '--client-auth', 'post', '--har', har, '--json'], { CS: CLIENT_SECRET });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ complete: true, count: 15 });
    expect(oauth.tokenRequests()).toBe(1);
    const written = readFileSync(har, 'utf8');
    expect(written).toMatch(/oauth\/token/);
    expectClean(r.stdout + r.stderr + written, [CLIENT_SECRET]);
    expect(written).not.toMatch(/"access_token":"(?!\[redacted\])/);
  });

  it('--auth basic and --header-env (API key) connect; wrong secrets are refused and not shown', async () => {
    const ok = await cli(['users', 'list', '--url', basic.url, '--auth', 'basic', '--username', 'admin', '--password-env', 'PW', '--json'], { PW: PASSWORD });
    expect(ok.code, ok.stderr).toBe(0);
    const key = await cli(['users', 'list', '--url', keyed.url, '--header-env', 'X-API-Key=KEY', '--json'], { KEY: API_KEY });
    expect(key.code, key.stderr).toBe(0);
    expect(JSON.parse(key.stdout)).toMatchObject({ count: 15 });
    const wrong = await cli(['users', 'list', '--url', basic.url, '--auth', 'basic', '--username', 'admin', '--password-env', 'PW', '--json'], { PW: 'nope nope' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/unauthorized/);
    expectClean(ok.stdout + ok.stderr + key.stdout + key.stderr + wrong.stderr, [PASSWORD, API_KEY, 'nope nope']);
  });

  it.each([
    ['a password as an argument', ['--password', 'hunter2'], /never accepted as a command-line argument.*--password-env/],
    ['a client secret as an argument', ['--client-secret=abc'], /--client-secret-env/],
    ['basic without --username', ['--auth', 'basic', '--password-env', 'PW'], /--auth basic needs --username/],
    ['oauth2 without --token-url', ['--auth', 'oauth2', '--client-id', 'c', '--client-secret-env', 'CS'], /needs --token-url/],
    ['--token-env with another scheme', ['--auth', 'basic', '--username', 'u', '--password-env', 'PW', '--token-env', 'T'], /--token-env is for --auth bearer/],
    ['a value where an environment variable name belongs', ['--auth', 'basic', '--username', 'u', '--password-env', 'hunter2!'], /NAME of an environment variable/],
    ['a proxy URL with a password in it', ['--token-env', 'T', '--proxy', 'http://u:p@proxy.example:3128'], /contains a user name or password/],
  ])('refuses %s with exit 2, before connecting', async (_what, flags, message) => {
    const r = await cli(['users', 'list', '--url', 'https://scim.example.com/scim/v2', ...flags], { PW: 'x', CS: 'y', T: 'z' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('hunter2');
  });

  it('names an environment variable that is not set (token-missing)', async () => {
    const r = await cli(['users', 'list', '--url', oauth.url, '--auth', 'oauth2', '--token-url', oauth.tokenUrl, '--client-id', 'cli-client', '--client-secret-env', 'UNSET_SECRET', '--json'], {});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/UNSET_SECRET \(--client-secret-env\) is not set/);
  });
});

describe('proxy and TLS flags', { timeout: 60_000 }, () => {
  it('--proxy sends every call through the proxy and --har says so', async () => {
    const har = join(dir, 'proxy.har');
    const before = tunnels.length;
    const r = await cli(['users', 'list', '--url', basic.url, '--auth', 'basic', '--username', 'admin', '--password-env', 'PW', '--proxy', proxyUrl, '--har', har, '--json'], { PW: PASSWORD });
    expect(r.code, r.stderr).toBe(0);
    expect(tunnels.length).toBeGreaterThan(before);
    const doc = JSON.parse(readFileSync(har, 'utf8')) as { log: { entries: Array<{ _proxy?: string }> } };
    expect(doc.log.entries.every((e) => e._proxy === proxyUrl)).toBe(true);
  });

  it('the environment proxy applies unless NO_PROXY or --proxy none says otherwise', async () => {
    const base = ['users', 'list', '--url', keyed.url, '--header-env', 'X-API-Key=KEY', '--json'];
    let before = tunnels.length;
    expect((await cli(base, { KEY: API_KEY, http_proxy: proxyUrl })).code).toBe(0);
    expect(tunnels.length).toBeGreaterThan(before);
    before = tunnels.length;
    expect((await cli(base, { KEY: API_KEY, http_proxy: proxyUrl, NO_PROXY: '127.0.0.1' })).code).toBe(0);
    expect((await cli([...base, '--proxy', 'none'], { KEY: API_KEY, http_proxy: proxyUrl })).code).toBe(0);
    expect(tunnels.length).toBe(before);
  });

  it('--ca-file with --client-cert/--client-key (encrypted, passphrase from the environment) passes mutual TLS', async () => {
    const r = await cli(['users', 'list', '--url', mutual.url, '--token-env', 'T', '--ca-file', pki.caCert, '--client-cert', pki.clientCert, '--client-key', pki.clientKeyEncrypted, '--client-key-passphrase-env', PASSPHRASE_ENV, '--json'], { T: mutual.token, [PASSPHRASE_ENV]: pki.clientKeyPassphrase });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ count: 15 });
    const noCa = await cli(['users', 'list', '--url', mutual.url, '--token-env', 'T', '--json'], { T: mutual.token });
    expect(noCa.code).toBe(1);
    expect(noCa.stderr).toMatch(/Inspector Test Private CA.*--ca-file/);
    expectClean(r.stdout + r.stderr, [pki.clientKeyPassphrase]);
  });
});

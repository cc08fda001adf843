// Saved profiles with other schemes, end to end: the real CLI in child processes, the real
// keychain (run under test/support/with-keyring.sh) and the sandbox serving OAuth 2.0 and Basic.
// `profiles add` keeps the scheme's non-secret fields, `profiles set-secret` puts the secret in the
// keychain from stdin, `profiles test` says how it connected (OAuth: the token's lifetime and
// scopes), and no file or output holds a secret.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../electron/core/sandbox/index';
import { runCli, type CliResult } from '../cli/spawn-cli';
import { fileDir } from '../../support/temp-dir';

const CLIENT_SECRET = 'kc-0auth/secret+value';
const PASSWORD = 'kc basic password';
const home = fileDir('scim-inspector-cli-profiles-auth-');
let oauth: SandboxHandle;
let basic: SandboxHandle;

function cli(args: string[], stdin = ''): Promise<CliResult> {
  const env: Record<string, string> = { SCIM_INSPECTOR_HOME: home };
  for (const key of ['DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'XDG_DATA_HOME']) if (process.env[key]) env[key] = process.env[key] as string;
  return runCli(args, { env, stdin, timeoutMs: 40_000 });
}

beforeAll(async () => {
  oauth = await startSandbox({ port: 0, users: 6, auth: { scheme: 'oauth2', clientId: 'kc-client', clientSecret: CLIENT_SECRET, tokenTtlSeconds: 900, scopes: ['scim', 'scim.read'] } });
  basic = await startSandbox({ port: 0, users: 6, auth: { scheme: 'basic', username: 'ops', password: PASSWORD } });
});
afterAll(async () => {
  for (const name of ['kc-oauth', 'kc-basic']) await cli(['profiles', 'remove', name]).catch(() => undefined);
  await oauth.close();
  await basic.close();
});

describe('profiles with OAuth 2.0 and Basic', { timeout: 180_000 }, () => {
  it('adds an OAuth profile, stores its client secret, tests it (token lifetime and scopes) and lists users', async () => {
    const added = await cli(['profiles', 'add', 'kc-oauth', '--url', oauth.url, '--auth', 'oauth2', '--token-url', oauth.tokenUrl, '--client-id', 'kc-client', '--scope', 'scim scim.read', '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ profile: { auth: { scheme: 'oauth2', clientId: 'kc-client', clientAuth: 'basic' } }, secretsToStore: ['scim-inspector profiles set-secret kc-oauth client-secret'] });
    const refusedArg = await cli(['profiles', 'add', 'kc-x', '--url', oauth.url, '--auth', 'oauth2', '--token-url', oauth.tokenUrl, '--client-id', 'c', '--client-secret-env', 'X']);
    expect(refusedArg.code).toBe(2);

    const set = await cli(['profiles', 'set-secret', 'kc-oauth', 'client-secret', '--json'], `${CLIENT_SECRET}\n`);
    expect(set.code, set.stderr).toBe(0);
    const tested = await cli(['profiles', 'test', 'kc-oauth']);
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toMatch(/Auth\s+oauth2/);
    expect(tested.stdout).toMatch(/Token\s+lives 900 s, scopes scim scim\.read/);
    expect(tested.stdout).toMatch(/Proxy\s+none/);
    const listed = await cli(['users', 'list', '--profile', 'kc-oauth', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ complete: true, count: 6 });
    const everything = [added, set, tested, listed].map((r) => r.stdout + r.stderr).join('\n') + readdirSync(home).map((f) => (f.endsWith('.json') ? readFileSync(join(home, f), 'utf8') : '')).join('\n');
    expect(everything).not.toContain(CLIENT_SECRET);
  });

  it('adds a Basic profile whose password goes to the keychain; a wrong one fails the test, explained', async () => {
    expect((await cli(['profiles', 'add', 'kc-basic', '--url', basic.url, '--auth', 'basic', '--username', 'ops'])).code).toBe(0);
    expect((await cli(['profiles', 'set-secret', 'kc-basic', 'password'], 'wrong one\n')).code).toBe(0);
    const refused = await cli(['profiles', 'test', 'kc-basic', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'unauthorized' }, connection: { auth: { scheme: 'basic', username: 'ops' } } });
    expect((await cli(['profiles', 'set-secret', 'kc-basic', 'password'], `${PASSWORD}\n`)).code).toBe(0);
    const ok = await cli(['profiles', 'test', 'kc-basic']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Auth\s+basic \(user ops\)/);
    expect(ok.stdout + ok.stderr + refused.stdout + refused.stderr).not.toMatch(/kc basic password|wrong one/);
    const bearerOnly = await cli(['profiles', 'set-secret', 'kc-basic', 'client-secret'], 'x\n');
    expect(bearerOnly.code).toBe(2);
    expect(bearerOnly.stderr).toMatch(/does not use the OAuth client secret/);
  });
});

// `sandbox --auth basic|oauth2` (issue 18): the real CLI, spawned, serves the sandbox with that
// scheme and prints the demo credentials that open it; a second CLI connects with them through
// --auth flags (secrets from the environment), and the static bearer token is refused there.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCli, type LongRunning } from '../cli/spawn-cli';

const running: LongRunning<unknown>[] = [];
afterAll(() => {
  for (const r of running) r.kill();
});

interface BasicDoc { url: string; auth: 'basic'; username: string; password: string }
interface OAuthDoc { url: string; auth: 'oauth2'; tokenUrl: string; clientId: string; clientSecret: string; scope: string }

describe('sandbox --auth', { timeout: 90_000 }, () => {
  it('refuses --token-ttl without --auth oauth2 (exit 2)', async () => {
    const r = await runCli(['sandbox', '--auth', 'basic', '--token-ttl', '60', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--token-ttl goes with --auth oauth2/);
  });

  it('--auth basic prints the Basic credentials, which open it; a bearer token does not', async () => {
    const sandbox = await startCli<BasicDoc>(['sandbox', '--users', '9', '--auth', 'basic', '--json'], { timeoutMs: 60_000 });
    running.push(sandbox);
    const doc = sandbox.doc;
    expect(Object.keys(doc).sort()).toEqual(['auth', 'password', 'url', 'username']);
    const ok = await runCli(['users', 'list', '--url', doc.url, '--auth', 'basic', '--username', doc.username, '--password-env', 'PW', '--json'], { env: { PW: doc.password } });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ complete: true, count: 9 });
    const bearer = await runCli(['users', 'list', '--url', doc.url, '--token-env', 'T', '--json'], { env: { T: 'sandbox-demo-token' } });
    expect(bearer.code).toBe(1);
    expect(bearer.stderr).toMatch(/unauthorized/);
    expect(await sandbox.stop()).toBe(0);
  });

  it('--auth oauth2 --token-ttl prints its token endpoint and client; the CLI gets tokens there and lists', async () => {
    const sandbox = await startCli<OAuthDoc>(['sandbox', '--users', '9', '--auth', 'oauth2', '--token-ttl', '120', '--json'], { timeoutMs: 60_000 });
    running.push(sandbox);
    const doc = sandbox.doc;
    expect(doc).toMatchObject({ auth: 'oauth2', scope: 'scim', tokenUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/token$/) as unknown });
    const flags = ['--url', doc.url, '--auth', 'oauth2', '--token-url', doc.tokenUrl, '--client-id', doc.clientId, '--client-secret-env', 'CS', '--scope', doc.scope];
    const ok = await runCli(['users', 'list', ...flags, '--json'], { env: { CS: doc.clientSecret } });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ complete: true, count: 9 });
    const refused = await runCli(['users', 'list', ...flags, '--json'], { env: { CS: 'not-the-secret' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/invalid_client/);
    expect(refused.stderr).not.toContain('not-the-secret');
    expect(await sandbox.stop()).toBe(0);
  });
});

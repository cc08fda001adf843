// The profiles CLI commands in-process (no keychain needed): argument and input validation and
// their exit codes. The keychain paths run in test/integration/vault/cli-profiles.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/host/cli/run';
import { freshDir } from './helpers';

async function run(argv: string[], home: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { SCIM_INSPECTOR_HOME: home },
    signal: new AbortController().signal,
  });
  return { code, stdout, stderr };
}

describe('profiles CLI validation', () => {
  it('adds a profile to SCIM_INSPECTOR_HOME/profiles.json', async () => {
    const home = freshDir();
    const added = await run(['profiles', 'add', 'prod', '--url', 'https://prod.example.com/scim/v2', '--vendor', 'entra', '--protect', 'breakglass', '--page-size', '200', '--json'], home);
    expect(added.code, added.stderr).toBe(0);
    const file = JSON.parse(readFileSync(join(home, 'profiles.json'), 'utf8')) as { profiles: Array<Record<string, unknown>> };
    expect(file.profiles[0]).toMatchObject({ name: 'prod', vendor: 'entra', protectedUsers: ['breakglass'], pageSize: 200, readOnly: false });
  });

  it('exits 2 for a bad URL, an Authorization header or a missing --url', async () => {
    const home = freshDir();
    const bad = await run(['profiles', 'add', 'x', '--url', 'not a url'], home);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/has no scheme/);
    const auth = await run(['profiles', 'add', 'y', '--url', 'https://y.example.com', '--header', 'Authorization: Bearer zzz-secret'], home);
    expect(auth.code).toBe(2);
    expect(auth.stderr).not.toContain('zzz-secret');
    expect((await run(['profiles', 'add', 'z'], home)).code).toBe(2);
  });

  it('accepts every vendor hint, including generic (which the sandbox does not have)', async () => {
    const home = freshDir();
    const added = await run(['profiles', 'add', 'g', '--url', 'https://g.example.com', '--vendor', 'generic'], home);
    expect(added.code, added.stderr).toBe(0);
    expect((await run(['profiles', 'add', 'h', '--url', 'https://h.example.com', '--vendor', 'okta'], home)).code).toBe(2);
  });

  it('exits 2 for a duplicate name and 3 for an unknown one', async () => {
    const home = freshDir();
    expect((await run(['profiles', 'add', 'a', '--url', 'https://a.example.com'], home)).code).toBe(0);
    expect((await run(['profiles', 'add', 'A', '--url', 'https://b.example.com'], home)).code).toBe(2);
    const missing = await run(['profiles', 'test', 'nope'], home);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/Saved profiles: a\./);
  });
});

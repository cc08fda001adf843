import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../../shared/errors';
import type { Command } from '../../../electron/host/cli/command';
import { COMMANDS } from '../../../electron/host/cli/commands/index';
import { allOptionSpecs, runCli } from '../../../electron/host/cli/run';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}, commands: readonly Command[] = COMMANDS) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env,
    signal: new AbortController().signal,
  }, commands);
  return { code, stdout, stderr };
}

function errorDoc(stderr: string): { code: string; message: string; details?: Record<string, unknown> } {
  const line = stderr.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`no JSON error on stderr: ${stderr}`);
  return (JSON.parse(line) as { error: { code: string; message: string } }).error;
}

describe('runCli usage handling (no server needed: all of these fail before connecting)', () => {
  it('an unknown flag exits 2 with a usage line for the command and nothing on stdout', async () => {
    const r = await run(['users', 'list', '--sandbox', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Unknown option "--frobnicate"/);
    expect(r.stderr).toMatch(/usage: scim-inspector users list/);
  });

  it('an option of another command is refused for this one', async () => {
    const r = await run(['get', 'users', 'x', '--sandbox', '--members', '--json']);
    expect(r.code).toBe(2);
    expect(errorDoc(r.stderr)).toMatchObject({ code: 'usage', details: { option: 'members' } });
  });

  it('with --json the error is the AppError document on stderr', async () => {
    const r = await run(['users', 'list', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(errorDoc(r.stderr).message).toMatch(/--profile NAME, --url URL --token-env VAR, or --sandbox/);
  });

  it('--token is refused with the reason, and the value is not echoed', async () => {
    const r = await run(['users', 'list', '--url', 'https://x.example/scim', '--token', 'hunter2-secret', '--json']);
    expect(r.code).toBe(2);
    expect(errorDoc(r.stderr).message).toMatch(/never accepted as a command-line argument/);
    expect(r.stderr).not.toContain('hunter2-secret');
  });

  it('--url needs --token-env, a URL, and a set variable', async () => {
    expect((await run(['discover', '--url', 'https://x.example/scim'])).code).toBe(2);
    expect(errorDoc((await run(['discover', '--url', 'not a url', '--token-env', 'T', '--json'])).stderr).code).toBe('invalid-url');
    expect((await run(['discover', '--url', 'ftp://x.example/', '--token-env', 'T'])).code).toBe(2);
    const missing = await run(['discover', '--url', 'https://x.example/scim', '--token-env', 'SCIM_T', '--json'], {});
    expect(missing.code).toBe(1);
    expect(errorDoc(missing.stderr)).toMatchObject({ code: 'token-missing', details: { tokenEnv: 'SCIM_T' } });
  });

  it('refuses credentials in --header and in the URL', async () => {
    const h = await run(['discover', '--url', 'https://x.example/', '--token-env', 'T', '--header', 'Authorization: Bearer abc', '--json'], { T: 't' });
    expect(h.code).toBe(2);
    expect(errorDoc(h.stderr).message).toMatch(/credentials are never accepted/);
    const u = await run(['discover', '--url', 'https://me:pw@x.example/', '--token-env', 'T', '--json'], { T: 't' });
    expect(errorDoc(u.stderr).code).toBe('invalid-url');
    expect(u.stderr).not.toContain('pw@');
  });

  it('checks the filter before connecting: bad syntax exits 2 with its position', async () => {
    const r = await run(['users', 'list', '--url', 'http://127.0.0.1:9/', '--token-env', 'T', '--filter', 'userName eqq "a"', '--json'], { T: 't' });
    expect(r.code).toBe(2);
    expect(errorDoc(r.stderr)).toMatchObject({ code: 'invalid-filter', details: { position: 9 } });
  });

  it('--profile reads the profile store under SCIM_INSPECTOR_HOME: an unknown name exits 3', async () => {
    const home = await mkdtemp(join(tmpdir(), 'cli-home-'));
    try {
      const r = await run(['users', 'list', '--profile', 'prod', '--json'], { SCIM_INSPECTOR_HOME: home });
      expect(r.code).toBe(3);
      expect(errorDoc(r.stderr)).toMatchObject({ code: 'profile-not-found', details: { name: 'prod' } });
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it('--members is only for groups', async () => {
    expect((await run(['users', 'list', '--sandbox', '--members'])).code).toBe(2);
  });

  it('unknown commands and wrong operand counts are usage errors; --help is not', async () => {
    expect((await run(['userz', 'list'])).code).toBe(2);
    expect((await run(['get', 'users'])).code).toBe(2);
    expect((await run(['find', 'person', 'x', '--sandbox'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    const help = await run(['users', 'list', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--filter F/);
  });
});

describe('runCli exit codes', () => {
  const failing = (error: unknown): Command => ({
    words: ['boom'], operands: '', minOperands: 0, maxOperands: 0, summary: '', options: {}, connects: false,
    run: () => Promise.reject(error),
  });

  it.each([
    ['not-found', 3], ['ambiguous', 3], ['invalid-csv', 2], ['refused-read-only', 4], ['server-error', 1], ['incomplete-listing', 1],
  ] as const)('%s → %i', async (code, exit) => {
    const r = await run(['boom', '--json'], {}, [failing(new InspectorError(code, 'm', { x: 1 }))]);
    expect(r.code).toBe(exit);
    expect(errorDoc(r.stderr)).toEqual({ code, message: 'm', details: { x: 1 } });
  });

  it('an unexpected exception is exit 1 with code internal and a human line without --json', async () => {
    const r = await run(['boom'], {}, [failing(new TypeError('oops'))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('scim-inspector: Unexpected error: oops\n');
  });

  it('checks an option\'s allowed values against the command it is given to', async () => {
    const withVendor = (word: string, choices: string[]): Command => ({
      words: [word], operands: '', minOperands: 0, maxOperands: 0, summary: '', connects: false,
      options: { vendor: { kind: 'string', choices, help: '' } },
      run: () => Promise.resolve(0),
    });
    const commands = [withVendor('one', ['a', 'generic']), withVendor('two', ['a', 'b'])];
    expect((await run(['one', '--vendor', 'generic'], {}, commands)).code).toBe(0);
    expect((await run(['two', '--vendor', 'b'], {}, commands)).code).toBe(0);
    const refused = await run(['two', '--vendor', 'generic', '--json'], {}, commands);
    expect(refused.code).toBe(2);
    expect(errorDoc(refused.stderr)).toMatchObject({ code: 'usage', details: { option: 'vendor', allowed: ['a', 'b'] } });
  });

  it('every registered option name has one meaning', () => {
    expect(() => allOptionSpecs(COMMANDS)).not.toThrow();
  });
});

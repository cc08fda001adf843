// A profile can be marked as a production tenant (the app then shows a colour band and a
// "Production" badge in its header): the flag is validated, persisted in profiles.json, survives
// a reload of the store, can be turned off, reaches the app's profile summary, and the CLI sets it
// with `profiles add --production`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProfileFields } from '../../../shared/channels/profiles';
import { createProfileStore } from '../../../electron/core/profiles';
import { runCli } from '../../../electron/host/cli/run';
import { freshDir } from './helpers';

describe('the production flag of a profile', () => {
  it('is stored, survives a reload, and can be turned off', () => {
    const dir = freshDir();
    const store = createProfileStore({ dir });
    const prod = store.add({ name: 'prod', baseUrl: 'https://prod.example.com/scim/v2', production: true });
    const test = store.add({ name: 'test', baseUrl: 'https://test.example.com/scim/v2' });
    expect(prod.production).toBe(true);
    expect(test.production).toBeUndefined();
    const reloaded = createProfileStore({ dir });
    expect(reloaded.get(prod.id).production).toBe(true);
    expect(reloaded.get(test.id).production ?? false).toBe(false);
    reloaded.update(prod.id, { production: false });
    expect(createProfileStore({ dir }).get(prod.id).production ?? false).toBe(false);
  });

  it('must be true or false, from the editor as from a file', () => {
    const store = createProfileStore({ dir: freshDir() });
    expect(() => store.add({ name: 'p', baseUrl: 'https://p.example.com', production: 'yes' } as never)).toThrow(/production/);
    expect(parseProfileFields({ production: true })).toEqual({ production: true });
    expect(() => parseProfileFields({ production: 'yes' })).toThrow(/production/);
  });

  it('is set by `profiles add --production` and shown by `profiles list`', async () => {
    const home = freshDir();
    const io = { stdout: '', stderr: '' };
    const run = (argv: string[]) =>
      runCli(argv, { stdout: { write: (t: string) => (io.stdout += t) }, stderr: { write: (t: string) => (io.stderr += t) }, env: { SCIM_INSPECTOR_HOME: home }, signal: new AbortController().signal });
    expect(await run(['profiles', 'add', 'prod', '--url', 'https://prod.example.com/scim/v2', '--production', '--json']), io.stderr).toBe(0);
    expect(await run(['profiles', 'add', 'test', '--url', 'https://test.example.com/scim/v2', '--json']), io.stderr).toBe(0);
    const file = JSON.parse(readFileSync(join(home, 'profiles.json'), 'utf8')) as { profiles: Record<string, unknown>[] };
    expect(file.profiles.map((p) => [p.name, p.production ?? false])).toEqual([['prod', true], ['test', false]]);
    io.stdout = '';
    expect(await run(['profiles', 'list'])).toBe(0);
    expect(io.stdout).toMatch(/^prod .*PRODUCTION/m);
    expect(io.stdout).not.toMatch(/^test .*PRODUCTION/m);
  });
});

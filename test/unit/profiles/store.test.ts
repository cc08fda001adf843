import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProfileStore, userDataDir } from '../../../electron/core/profiles';
import { freshDir } from './helpers';

const input = { name: 'prod-mindtickle', baseUrl: 'https://tenant.example.com/scim/v2/', vendor: 'mindtickle', readOnly: true };

describe('profile store', () => {
  it('adds, lists, finds, updates and removes profiles in <dir>/profiles.json', () => {
    const dir = freshDir();
    const store = createProfileStore({ dir });
    const added = store.add({ ...input, headers: { 'X-Tenant': 'acme' }, protectedUsers: ['breakglass@acme.test', 'breakglass@acme.test'] });
    expect(added).toMatchObject({ name: 'prod-mindtickle', baseUrl: 'https://tenant.example.com/scim/v2', readOnly: true, vendor: 'mindtickle', headers: { 'X-Tenant': 'acme' }, protectedUsers: ['breakglass@acme.test'] });
    expect(store.path).toBe(join(dir, 'profiles.json'));
    const onDisk = JSON.parse(readFileSync(store.path, 'utf8')) as { schemaVersion: number; profiles: unknown[] };
    expect(onDisk.schemaVersion).toBe(3);
    expect(onDisk.profiles).toHaveLength(1);
    expect(store.get(added.id).name).toBe('prod-mindtickle');
    expect(store.getByName('PROD-MINDTICKLE').id).toBe(added.id);
    const updated = store.update(added.id, { name: 'prod', pageSize: 200, readOnly: false });
    expect(updated).toMatchObject({ name: 'prod', pageSize: 200, readOnly: false, createdAt: added.createdAt });
    expect(store.update(added.id, { pageSize: null }).pageSize).toBeUndefined();
    expect(store.remove(added.id).id).toBe(added.id);
    expect(store.list()).toEqual([]);
  });

  it('keeps the file private to the user', () => {
    const store = createProfileStore({ dir: freshDir() });
    store.add(input);
    if (process.platform !== 'win32') expect(statSync(store.path).mode & 0o077).toBe(0);
  });

  it('is shared between stores on the same directory (CLI and app see each other)', () => {
    const dir = freshDir();
    const cli = createProfileStore({ dir });
    const app = createProfileStore({ dir });
    const p = cli.add(input);
    expect(app.get(p.id).name).toBe(input.name);
    app.update(p.id, { readOnly: false });
    expect(cli.get(p.id).readOnly).toBe(false);
  });

  it('refuses duplicate names, unknown fields, tokens and Authorization headers', () => {
    const store = createProfileStore({ dir: freshDir() });
    store.add(input);
    expect(() => store.add({ ...input, name: 'Prod-Mindtickle' })).toThrow(/already exists/);
    expect(() => store.add({ ...input, name: 'x', readonly: true })).toThrow(/Unknown profile field "readonly"/);
    expect(() => store.add({ ...input, name: 'y', token: 'abc' })).toThrow(/OS keychain/);
    try {
      store.add({ ...input, name: 'z', headers: { authorization: 'Bearer secret-in-header' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid-input' });
      expect((error as Error).message).toMatch(/set-token/);
      expect((error as Error).message).not.toContain('secret-in-header');
    }
    expect(store.list()).toHaveLength(1);
  });

  it('says which names exist when a name is not found', () => {
    const store = createProfileStore({ dir: freshDir() });
    store.add(input);
    expect(() => store.getByName('staging')).toThrow(expect.objectContaining({ code: 'profile-not-found', message: expect.stringContaining('prod-mindtickle') }));
    expect(() => store.get('no-such-id')).toThrow(expect.objectContaining({ code: 'profile-not-found' }));
  });

  it('validates base URLs with invalid-url errors that say what to do', () => {
    const store = createProfileStore({ dir: freshDir() });
    const cases: Array<[string, RegExp]> = [
      ['tenant.example.com/scim', /has no scheme.*https:\/\/tenant/],
      ['ftp://tenant.example.com/scim', /must start with https:\/\//],
      ['http://tenant.example.com/scim', /unencrypted/],
      ['https://user:pw@tenant.example.com/scim', /user name or password/],
      ['https://tenant.example.com/scim?x=1', /query/],
    ];
    for (const [baseUrl, message] of cases) {
      expect(() => store.add({ name: `n-${baseUrl.length}`, baseUrl })).toThrow(expect.objectContaining({ code: 'invalid-url', message: expect.stringMatching(message) }));
    }
    expect(store.add({ name: 'local', baseUrl: 'http://127.0.0.1:8080/scim/v2' }).baseUrl).toBe('http://127.0.0.1:8080/scim/v2');
  });

  it('finds the user-data directory per OS, overridable by SCIM_INSPECTOR_HOME', () => {
    expect(userDataDir({ SCIM_INSPECTOR_HOME: '/tmp/portable' }, 'linux')).toBe('/tmp/portable');
    expect(userDataDir({ HOME: '/home/ann' }, 'linux')).toBe('/home/ann/.config/SCIM Inspector');
    expect(userDataDir({ HOME: '/home/ann', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/SCIM Inspector');
    expect(userDataDir({ HOME: '/Users/ann' }, 'darwin')).toBe('/Users/ann/Library/Application Support/SCIM Inspector');
    expect(userDataDir({ HOME: 'C:/Users/ann', APPDATA: 'C:/Users/ann/AppData/Roaming' }, 'win32')).toMatch(/AppData.Roaming.SCIM Inspector$/);
  });

  it('uses SCIM_INSPECTOR_HOME when no directory is given', () => {
    const dir = freshDir();
    const before = process.env.SCIM_INSPECTOR_HOME;
    process.env.SCIM_INSPECTOR_HOME = dir;
    try {
      expect(createProfileStore().path).toBe(join(dir, 'profiles.json'));
    } finally {
      if (before === undefined) delete process.env.SCIM_INSPECTOR_HOME;
      else process.env.SCIM_INSPECTOR_HOME = before;
    }
  });
});

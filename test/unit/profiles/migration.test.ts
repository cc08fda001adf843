import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProfileStore, readProfilesDocument } from '../../../electron/core/profiles';
import { freshDir } from './helpers';

// What the first builds wrote: `url` and `readonly`, no vendor, protected users or timestamps.
const v1 = {
  schemaVersion: 1,
  profiles: [
    { id: 'p-stage', name: 'staging', url: 'https://stage.example.com/scim/v2', readonly: true, headers: { 'X-Env': 'stage' } },
    { id: 'p-lm', name: 'lettermint', url: 'https://api.lettermint.example/scim', readonly: false, token: 'v1-plaintext-token', headers: { Authorization: 'Bearer v1-header-token' } },
  ],
};

describe('schema migration', () => {
  it('upgrades a v1 file to the current schema on open and writes it back', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify(v1));
    const store = createProfileStore({ dir });
    const staging = store.getByName('staging');
    expect(staging).toMatchObject({ id: 'p-stage', baseUrl: 'https://stage.example.com/scim/v2', readOnly: true, vendor: 'generic', protectedUsers: [], headers: { 'X-Env': 'stage' } });
    expect(Number.isNaN(Date.parse(staging.createdAt))).toBe(false);
    expect(store.notices.join('\n')).toMatch(/upgraded from schema 1 to 3/);
    const onDisk = JSON.parse(readFileSync(store.path, 'utf8')) as { schemaVersion: number; profiles: Array<Record<string, unknown>> };
    expect(onDisk.schemaVersion).toBe(3);
    expect(onDisk.profiles[0]).not.toHaveProperty('url');
    expect(onDisk.profiles[0]).not.toHaveProperty('readonly');
  });

  it('removes tokens the v1 file held in plain text, and says how to store them', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify(v1));
    const store = createProfileStore({ dir });
    const text = readFileSync(store.path, 'utf8');
    expect(text).not.toContain('v1-plaintext-token');
    expect(text).not.toContain('v1-header-token');
    expect(store.getByName('lettermint').headers).toEqual({});
    expect(store.notices.join('\n')).toMatch(/profiles set-token lettermint/);
    expect(store.notices.join('\n')).not.toContain('v1-plaintext-token');
  });

  it('treats a file without a version as v1', () => {
    const { document, fromVersion } = readProfilesDocument({ profiles: [{ id: 'a', name: 'a', url: 'https://a.example.com/scim' }] }, '2026-02-02T00:00:00.000Z');
    expect(fromVersion).toBe(1);
    expect(document.profiles[0]).toMatchObject({ baseUrl: 'https://a.example.com/scim', readOnly: false, createdAt: '2026-02-02T00:00:00.000Z' });
  });

  it('leaves a current file as it is', () => {
    const dir = freshDir();
    const store = createProfileStore({ dir });
    store.add({ name: 'a', baseUrl: 'https://a.example.com/scim' });
    const before = readFileSync(store.path, 'utf8');
    createProfileStore({ dir }).list();
    expect(readFileSync(store.path, 'utf8')).toBe(before);
  });
});

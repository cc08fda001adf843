import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProfileStore } from '../../../electron/core/profiles';
import { freshDir } from './helpers';

const good = {
  id: 'p-good',
  name: 'good',
  baseUrl: 'https://good.example.com/scim/v2',
  headers: {},
  readOnly: false,
  vendor: 'rfc',
  protectedUsers: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function backups(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith('profiles.json.corrupt-'));
}

describe('a corrupt profiles.json', () => {
  it('is backed up, reported and replaced by an empty list, not silently reset', () => {
    const dir = freshDir();
    const broken = '{"schemaVersion": 2, "profiles": [ {"id": "p1", ';
    writeFileSync(join(dir, 'profiles.json'), broken);
    const store = createProfileStore({ dir });
    const saved = backups(dir);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/^profiles\.json\.corrupt-\d{4}-\d{2}-\d{2}T/);
    expect(readFileSync(join(dir, saved[0] ?? ''), 'utf8')).toBe(broken);
    expect(store.notices.join('\n')).toMatch(/not valid JSON.*backed up to .*profiles\.json\.corrupt-/s);
    expect(store.list()).toEqual([]);
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toEqual({ schemaVersion: 3, profiles: [] });
  });

  it('keeps the readable profiles, drops the unreadable one with a notice and backs up the original', () => {
    const dir = freshDir();
    const original = JSON.stringify({ schemaVersion: 2, profiles: [good, { ...good, id: 'p-bad', name: 'bad', baseUrl: 'not a url' }] });
    writeFileSync(join(dir, 'profiles.json'), original);
    const store = createProfileStore({ dir });
    expect(store.list().map((p) => p.name)).toEqual(['good']);
    expect(store.notices.join('\n')).toMatch(/entry 2 could not be read/);
    const saved = backups(dir);
    expect(saved).toHaveLength(1);
    expect(readFileSync(join(dir, saved[0] ?? ''), 'utf8')).toBe(original);
  });

  it('refuses a file from a newer schema and leaves it untouched', () => {
    const dir = freshDir();
    const future = JSON.stringify({ schemaVersion: 99, profiles: [] });
    writeFileSync(join(dir, 'profiles.json'), future);
    expect(() => createProfileStore({ dir })).toThrow(expect.objectContaining({ code: 'profile-store-corrupt', message: expect.stringMatching(/newer SCIM Inspector.*update the app/) }));
    expect(readFileSync(join(dir, 'profiles.json'), 'utf8')).toBe(future);
    expect(backups(dir)).toEqual([]);
  });

  it('is detected when another process corrupts the file while the store is open', () => {
    const dir = freshDir();
    const store = createProfileStore({ dir });
    store.add({ name: 'a', baseUrl: 'https://a.example.com/scim' });
    writeFileSync(store.path, 'garbage');
    expect(store.list()).toEqual([]);
    expect(backups(dir)).toHaveLength(1);
    expect(store.notices.join('\n')).toMatch(/could not be read/);
  });
});

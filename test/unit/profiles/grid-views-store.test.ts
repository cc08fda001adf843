// Saved grid views on disk (issue 17): saved per profile in the data folder, renamed with the
// default following, deleted, refused when a name is taken, and a damaged file named in the error
// with nothing overwritten.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GridViewsStore } from '../../../electron/core/profiles/grid-views-store';
import type { GridView } from '../../../shared/grid-views';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'scim-grid-views-'));
  dirs.push(dir);
  return dir;
};
const view = (name: string, extra: Partial<GridView> = {}): GridView => ({ name, kind: 'Users', columns: ['userName', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department'], widths: { userName: 240 }, sort: null, search: '', ...extra });

describe('GridViewsStore', () => {
  it('saves per profile, renames with the default following, deletes, and persists owner-only', async () => {
    const dir = fresh();
    const store = new GridViewsStore(dir);
    await store.save('p1', view('HR'), true);
    await store.save('p1', view('Sec', { search: 'x' }), false);
    await store.save('sandbox', view('Other'), false);
    expect((await store.rename('p1', 'Users', 'HR', 'HR 2')).defaults).toEqual({ Users: 'HR 2' });
    await expect(store.rename('p1', 'Users', 'Sec', 'HR 2')).rejects.toThrow(/exists already/);
    const again = new GridViewsStore(dir);
    expect((await again.list('p1')).views.map((v) => v.name)).toEqual(['HR 2', 'Sec']);
    expect((await again.list('sandbox')).views.map((v) => v.name)).toEqual(['Other']);
    expect((await again.remove('p1', 'Users', 'HR 2')).defaults).toEqual({});
    expect(statSync(store.path).mode & 0o077).toBe(0);
  });

  it('says a damaged file is damaged and leaves it as it was', async () => {
    const dir = fresh();
    const store = new GridViewsStore(dir);
    writeFileSync(store.path, '{"p1": {"views": [{"name": "x", "kind": "Users", "columns": ["a b"]}]}}');
    await expect(store.list('p1')).rejects.toThrow(/damaged.*Move it away/);
    await expect(store.save('p1', view('HR'), false)).rejects.toThrow(/damaged/);
    expect(readFileSync(store.path, 'utf8')).toContain('"a b"');
  });
});

// Saved grid views (shared/grid-views.ts) on disk: one owner-only JSON file in the data folder that
// profiles.json lives in — the folder the desktop app, browser mode and CLI share — keyed by
// profile id (the built-in sandbox's "sandbox" too, which has no saved profile). Writes are
// serialised and atomic (temp file renamed into place), so two saves never lose each other.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InspectorError } from '../../../shared/errors';
import { MAX_VIEWS, readGridViews, type GridView, type ProfileGridViews } from '../../../shared/grid-views';
import type { ResourceKind } from '../../../shared/scim';
import { ensurePrivateDir, writePrivateFile } from '../io/private-files';

export const GRID_VIEWS_FILE = 'grid-views.json';

type Doc = Record<string, ProfileGridViews>;

export class GridViewsStore {
  private chain: Promise<unknown> = Promise.resolve();
  readonly path: string;

  constructor(private readonly dir: string) {
    this.path = join(dir, GRID_VIEWS_FILE);
  }

  async list(profileId: string): Promise<ProfileGridViews> {
    await this.chain.catch(() => undefined);
    return (await this.read())[profileId] ?? { views: [], defaults: {} };
  }

  save(profileId: string, view: GridView, asDefault: boolean): Promise<ProfileGridViews> {
    return this.change(profileId, (p) => {
      const others = p.views.filter((v) => !(v.kind === view.kind && v.name === view.name));
      if (others.filter((v) => v.kind === view.kind).length >= MAX_VIEWS) throw new InspectorError('invalid-input', `At most ${MAX_VIEWS} views can be saved per table; delete one first.`, { field: 'view' });
      const at = p.views.findIndex((v) => v.kind === view.kind && v.name === view.name);
      const views = at === -1 ? [...p.views, view] : p.views.map((v, i) => (i === at ? view : v));
      return { views, defaults: asDefault ? { ...p.defaults, [view.kind]: view.name } : p.defaults };
    });
  }

  rename(profileId: string, kind: ResourceKind, from: string, to: string): Promise<ProfileGridViews> {
    return this.change(profileId, (p) => {
      if (!p.views.some((v) => v.kind === kind && v.name === from)) throw notFound(kind, from);
      if (from !== to && p.views.some((v) => v.kind === kind && v.name === to)) throw new InspectorError('invalid-input', `A ${kind} view named "${to}" exists already; pick another name or delete it first.`, { field: 'to' });
      return {
        views: p.views.map((v) => (v.kind === kind && v.name === from ? { ...v, name: to } : v)),
        defaults: p.defaults[kind] === from ? { ...p.defaults, [kind]: to } : p.defaults,
      };
    });
  }

  remove(profileId: string, kind: ResourceKind, name: string): Promise<ProfileGridViews> {
    return this.change(profileId, (p) => {
      if (!p.views.some((v) => v.kind === kind && v.name === name)) throw notFound(kind, name);
      const defaults = { ...p.defaults };
      if (defaults[kind] === name) delete defaults[kind];
      return { views: p.views.filter((v) => !(v.kind === kind && v.name === name)), defaults };
    });
  }

  setDefault(profileId: string, kind: ResourceKind, name: string | null): Promise<ProfileGridViews> {
    return this.change(profileId, (p) => {
      const defaults = { ...p.defaults };
      if (name === null) delete defaults[kind];
      else if (!p.views.some((v) => v.kind === kind && v.name === name)) throw notFound(kind, name);
      else defaults[kind] = name;
      return { views: p.views, defaults };
    });
  }

  /** One change at a time: read, change, write (atomic). */
  private change(profileId: string, f: (p: ProfileGridViews) => ProfileGridViews): Promise<ProfileGridViews> {
    const run = this.chain.catch(() => undefined).then(async () => {
      const doc = await this.read();
      const next = f(doc[profileId] ?? { views: [], defaults: {} });
      await ensurePrivateDir(this.dir);
      await writePrivateFile(this.path, `${JSON.stringify({ ...doc, [profileId]: next }, null, 2)}\n`, { what: 'the saved grid views' });
      return next;
    });
    this.chain = run;
    return run;
  }

  private async read(): Promise<Doc> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new InspectorError('io', `Could not read the saved grid views (${this.path}): ${(error as Error).message}. Check the file's permissions.`, { path: this.path });
    }
    try {
      const raw = JSON.parse(text) as unknown;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not an object');
      const doc: Doc = {};
      for (const [id, views] of Object.entries(raw as Record<string, unknown>)) doc[id] = readGridViews(views);
      return doc;
    } catch (error) {
      throw new InspectorError('invalid-input', `The saved grid views file ${this.path} is damaged (${(error as Error).message}). Move it away to start with no saved views; nothing was changed.`, { path: this.path });
    }
  }
}

function notFound(kind: ResourceKind, name: string): InspectorError {
  return new InspectorError('invalid-input', `There is no ${kind} view named "${name}"; it may have been deleted in another window.`, { field: 'name' });
}

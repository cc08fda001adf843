// Per-profile explorer state (zustand): the users and groups tables, their listings (progress,
// summary, warnings, errors), group memberships resolved per user, resources opened outside a
// listing, and the live request log. Pages from main are appended to the mutable columnar tables
// as they arrive; React is told at most every NOTIFY_MS, so 1,000 pages do not mean 1,000
// re-renders. Every verified write arrives as 'resource.changed' with the server's read-back and
// is applied here, so the grid, the detail pane and group members show it at once.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EventMap, InspectorApi, ListSummary, ResourceChange } from '../../../shared/channels';
import type { AppError } from '../../../shared/errors';
import type { ListProgress, RequestLogCounts, RequestLogSummary, ResourceKind, ScimResource } from '../../../shared/scim';
import { NO_CALLS, newerCounts } from './log-counts';
import { addGroups, fillGroupCells, memberIds, rebuild, type Memberships } from './memberships';
import { ResourceTable } from './table';
import { ViewSource } from './view-source';

const NOTIFY_MS = 80;
const LOG_KEEP = 500;
const OPERATION_FADE_MS = 15_000;

export interface Listing {
  listId: string;
  kind: ResourceKind;
  filter: string | undefined;
  running: boolean;
  startedAt: number;
  finishedAt: number | null;
  loaded: number;
  /**
   * The renderer holds every resource of this listing (a small tenant). False past
   * RENDERER_HOLDS_MAX: only main's index has them, the grid asks it for rows, and the detail pane
   * fetches what it opens.
   */
  holdsAll: boolean;
  progress: ListProgress | null;
  summary: ListSummary | null;
  error: AppError | null;
}

export interface ExplorerState {
  profileId: string;
  tables: Record<ResourceKind, ResourceTable>;
  /** The grids' rows, asked from main's index a block at a time. */
  views: Record<ResourceKind, ViewSource>;
  /** Render ticks per table (the tables themselves are mutated in place). */
  ticks: Record<ResourceKind, number>;
  listings: Record<ResourceKind, Listing | null>;
  /** userId -> names of the groups whose members include it (from the groups listing). */
  memberships: Memberships;
  /** Resources fetched for the detail pane that no listing holds, by `kind:id`. */
  opened: Map<string, ScimResource>;
  /** `kind:id` of resources verified deleted since they were loaded. */
  gone: Set<string>;
  /** Bumped when opened or gone change. */
  openedTick: number;
  log: RequestLogSummary[];
  /** Main's count of this session's calls (see log-counts.ts). */
  logCounts: RequestLogCounts;
  /** Asks main for its counts (calls made before this window subscribed are counted too). */
  refreshLogCounts(): Promise<void>;
  /** Other long calls reporting 'progress' (deactivation runs, audit snapshots), by operation id. */
  operations: Record<string, EventMap['progress']>;
  load(kind: ResourceKind, filter?: string): Promise<void>;
  cancel(kind: ResourceKind): Promise<void>;
  /** Keeps a resource fetched for the detail pane (not part of any listing). */
  remember(kind: ResourceKind, resource: ScimResource): void;
  /** Applies what the server holds now (a verified write's read-back; null: deleted). */
  applyChange(change: Pick<ResourceChange, 'kind' | 'id' | 'resource'>): void;
}

export const resourceKey = (kind: ResourceKind, id: string): string => `${kind}:${id}`;

/** A resource as the store holds it: from a listing's table, else opened on its own. */
export function resourceIn(s: ExplorerState, kind: ResourceKind, id: string): ScimResource | undefined {
  return s.tables[kind].get(id) ?? s.opened.get(resourceKey(kind, id));
}

export type ExplorerStore = StoreApi<ExplorerState> & { attach(): void; detach(): void };

function newListId(): string {
  return `list-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function createExplorerStore(api: InspectorApi, profileId: string): ExplorerStore {
  const pending: Record<ResourceKind, boolean> = { Users: false, Groups: false };
  let timer: ReturnType<typeof setTimeout> | null = null;

  const store = createStore<ExplorerState>()((set, get) => ({
    profileId,
    tables: { Users: new ResourceTable('Users'), Groups: new ResourceTable('Groups') },
    views: { Users: new ViewSource(api, profileId, 'Users'), Groups: new ViewSource(api, profileId, 'Groups') },
    ticks: { Users: 0, Groups: 0 },
    listings: { Users: null, Groups: null },
    memberships: new Map(),
    opened: new Map(),
    gone: new Set(),
    openedTick: 0,
    log: [],
    logCounts: NO_CALLS,
    async refreshLogCounts() {
      const r = await api.requestLog.counts({ profileId });
      if (r.ok) set({ logCounts: newerCounts(get().logCounts, r.value) });
    },
    operations: {},
    async load(kind, filter) {
      const previous = get().listings[kind];
      if (previous?.running) await api.resources.cancel({ listId: previous.listId });
      const listId = newListId();
      const listing: Listing = { listId, kind, filter, running: true, startedAt: Date.now(), finishedAt: null, loaded: 0, holdsAll: true, progress: null, summary: null, error: null };
      const tables = { ...get().tables, [kind]: new ResourceTable(kind) };
      set({ tables, listings: { ...get().listings, [kind]: listing }, ticks: { ...get().ticks, [kind]: get().ticks[kind] + 1 } });
      if (kind === 'Groups') set({ memberships: new Map() });
      const result = await api.resources.list({ profileId, kind, listId, filter, limit: undefined, pages: 'auto' });
      flush();
      const current = get().listings[kind];
      if (current?.listId !== listId) return;
      set({
        listings: {
          ...get().listings,
          [kind]: { ...current, running: false, finishedAt: Date.now(), ...(result.ok ? { summary: result.value } : { error: result.error }) },
        },
      });
    },
    async cancel(kind) {
      const listing = get().listings[kind];
      if (listing?.running) await api.resources.cancel({ listId: listing.listId });
    },
    remember(kind, resource) {
      const opened = new Map(get().opened).set(resourceKey(kind, resource.id), resource);
      set({ opened, openedTick: get().openedTick + 1 });
    },
    applyChange({ kind, id, resource }) {
      const s = get();
      const table = s.tables[kind];
      const key = resourceKey(kind, id);
      const before = table.get(id) ?? s.opened.get(key);
      const listing = s.listings[kind];
      if (resource === null) {
        if (table.rowOf.has(id)) table.remove(new Set([id]));
      } else if (table.rowOf.has(id) || (listing && listing.filter === undefined && listing.holdsAll)) {
        // An unfiltered listing holds every resource, so one it lacks (just created) joins it;
        // a filtered one keeps only rows it already shows, updated.
        table.append([resource]);
      }
      const opened = new Map(s.opened);
      const gone = new Set(s.gone);
      if (resource === null) {
        opened.delete(key);
        gone.add(key);
      } else {
        gone.delete(key);
        if (opened.has(key) || !table.rowOf.has(id)) opened.set(key, resource);
      }
      const ticks = { ...s.ticks, [kind]: s.ticks[kind] + 1 };
      let memberships = s.memberships;
      if (kind === 'Groups') {
        // A group's members changed: its old and new members' Groups cells are recomputed.
        memberships = rebuild(s.tables.Groups);
        const touched = new Set([...(before ? memberIds(before) : []), ...(resource ? memberIds(resource) : [])]);
        fillGroupCells(s.tables.Users, memberships, touched, true);
        ticks.Users += 1;
      } else if (resource) {
        fillGroupCells(table, memberships, [id]);
      }
      set({ ticks, opened, gone, memberships, openedTick: s.openedTick + 1 });
    },
  }));

  function flush(): void {
    timer = null;
    const s = store.getState();
    const ticks = { ...s.ticks };
    let changed = false;
    for (const kind of ['Users', 'Groups'] as const) {
      if (!pending[kind]) continue;
      pending[kind] = false;
      ticks[kind] += 1;
      changed = true;
    }
    if (changed) store.setState({ ticks, listings: { ...store.getState().listings } });
  }

  function schedule(kind: ResourceKind): void {
    pending[kind] = true;
    timer ??= setTimeout(flush, NOTIFY_MS);
  }

  function addMemberships(groups: readonly ScimResource[]): void {
    const { memberships, tables } = store.getState();
    fillGroupCells(tables.Users, memberships, addGroups(memberships, groups));
    schedule('Users');
  }

  const onPage = (page: EventMap['resources.page']) => {
    const s = store.getState();
    const kind = (['Users', 'Groups'] as const).find((k) => s.listings[k]?.listId === page.listId);
    if (!kind) return;
    let table = s.tables[kind];
    const listing = s.listings[kind];
    if (page.rowsOnly && listing?.holdsAll) {
      // Past RENDERER_HOLDS_MAX only main keeps the listing: what arrived so far is let go.
      listing.holdsAll = false;
      table = new ResourceTable(kind);
      store.setState({ tables: { ...s.tables, [kind]: table } });
    }
    table.append(page.resources);
    if (listing) {
      listing.loaded = page.held;
      listing.progress = page.progress;
    }
    if (kind === 'Groups') addMemberships(page.resources);
    else if (s.memberships.size > 0) fillGroupCells(table, s.memberships, page.resources.map((r) => r.id));
    schedule(kind);
  };

  const onChange = (change: ResourceChange) => {
    if (change.profileId === profileId) store.getState().applyChange(change);
  };

  const onLog = (e: EventMap['requestLog.entry']) => {
    if (e.profileId !== profileId) return;
    const s = store.getState();
    const log = s.log.length >= LOG_KEEP ? [...s.log.slice(s.log.length - LOG_KEEP + 1), e.entry] : [...s.log, e.entry];
    store.setState({ log, logCounts: newerCounts(s.logCounts, e.counts) });
  };

  // A finished operation disappears; one that stops reporting (cancelled, failed) fades after a while.
  const stale = new Map<string, ReturnType<typeof setTimeout>>();
  const dropOperation = (id: string) => {
    const { [id]: _gone, ...rest } = store.getState().operations;
    store.setState({ operations: rest });
  };
  const onProgress = (p: EventMap['progress']) => {
    const s = store.getState();
    if (s.listings.Users?.listId === p.operationId || s.listings.Groups?.listId === p.operationId) return;
    clearTimeout(stale.get(p.operationId));
    if (p.ended) {
      stale.delete(p.operationId);
      if (s.operations[p.operationId]) dropOperation(p.operationId);
      return;
    }
    if (p.total !== null && p.done >= p.total) {
      stale.set(p.operationId, setTimeout(() => dropOperation(p.operationId), 1500));
    } else {
      stale.set(p.operationId, setTimeout(() => dropOperation(p.operationId), OPERATION_FADE_MS));
    }
    store.setState({ operations: { ...s.operations, [p.operationId]: p } });
  };

  // Subscribed from creation (so no early page is missed) and re-attachable: React's StrictMode
  // detaches and re-attaches at once, so running listings are cancelled only if nobody re-attaches.
  let offs: (() => void)[] = [];
  let cancelTimer: ReturnType<typeof setTimeout> | null = null;
  const attach = () => {
    if (cancelTimer) clearTimeout(cancelTimer);
    cancelTimer = null;
    if (offs.length === 0) offs = [api.events.on('resources.page', onPage), api.events.on('requestLog.entry', onLog), api.events.on('progress', onProgress), api.events.on('resource.changed', onChange)];
  };
  attach();
  void store.getState().refreshLogCounts();
  return Object.assign(store, {
    attach,
    detach() {
      for (const off of offs) off();
      offs = [];
      cancelTimer = setTimeout(() => {
        if (timer) clearTimeout(timer);
        for (const t of stale.values()) clearTimeout(t);
        for (const kind of ['Users', 'Groups'] as const) void store.getState().cancel(kind);
      }, 0);
    },
  });
}

/** Rows per second of a listing so far (for the status bar). */
export function rate(listing: Listing): number {
  const ms = (listing.finishedAt ?? Date.now()) - listing.startedAt;
  return ms > 0 ? Math.round((listing.loaded * 1000) / ms) : 0;
}

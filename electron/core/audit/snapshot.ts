// Snapshots: the whole tenant at one time, saved so audits and diffs run later without network.
// The tenant is read as a stream (streamTenant): users then groups, page by page, each resource
// handed to a visitor as it is verified. A visitor that writes a file (writeSnapshot) or audits
// (the CLI's live audit) holds nothing but what it needs; takeSnapshot collects everything for
// the app, which keeps its audits' snapshots to save on request.

import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot } from '../../../shared/audit';
import type { DiscoveryResult, ListProgress, ScimGroup, ScimUser } from '../../../shared/scim';
import type { ScimClient } from '../scim/types';
import type { Redactor } from '../secrets/index';
import { SnapshotWriter } from './snapshot-write';
import type { SnapshotFields } from './snapshot-validate';

export { saveSnapshot, SnapshotWriter, SNAPSHOT_BATCH_BYTES } from './snapshot-write';
export { loadSnapshot, readSnapshot, type SnapshotSummary, type SnapshotVisitor } from './snapshot-read';
export { validateSnapshot, validateSnapshotFields, type SnapshotFields } from './snapshot-validate';

export interface SnapshotProgress {
  phase: 'discovery' | 'users' | 'groups';
  progress?: ListProgress;
}

/** Attributes asked for on groups: some services omit members unless asked for by name. */
export const GROUP_ATTRIBUTES = ['displayName', 'externalId', 'members', 'meta'];

export interface TenantVisitor {
  /** Discovery is done; the listings start next. */
  head?(fields: SnapshotFields): void;
  user(user: ScimUser): void;
  /** Users are done; groups follow (not called when the service has no /Groups). */
  startGroups?(): void;
  group(group: ScimGroup): void;
  /** Awaited before each page is requested: a slow consumer (a gzip file) holds the listing back. */
  drained?(): Promise<void>;
}

export interface StreamOptions {
  signal?: AbortSignal;
  onProgress?: (p: SnapshotProgress) => void;
  now?: () => Date;
  /** A host that has just discovered (the CLI does before every read) passes its result along. */
  discovery?: DiscoveryResult;
}

export interface TenantSummary extends SnapshotFields {
  users: number;
  groups: number;
}

/** Lists users, then groups with members, into `visitor`; resolves to the snapshot's fields and counts. */
export async function streamTenant(client: ScimClient, visitor: TenantVisitor, options: StreamOptions = {}): Promise<TenantSummary> {
  const takenAt = (options.now ?? (() => new Date()))().toISOString();
  options.onProgress?.({ phase: 'discovery' });
  const discovery = options.discovery ?? (await client.discover(options.signal));
  const fields: SnapshotFields = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, takenAt, baseUrl: client.baseUrl, complete: false, warnings: [], discovery };
  visitor.head?.(fields);
  const pace = visitor.drained?.bind(visitor);
  const users = await client.list<ScimUser>('Users', {
    signal: options.signal,
    keep: false,
    ...(pace ? { pace } : {}),
    onPage: (page, progress) => {
      for (const user of page) visitor.user(user as ScimUser);
      options.onProgress?.({ phase: 'users', progress });
    },
  });
  const warnings = users.warnings.map((w) => `Users: ${w}`);
  let complete = users.complete;
  let groupCount = 0;
  if (discovery.capabilities.groups) {
    visitor.startGroups?.();
    const listed = await client.list<ScimGroup>('Groups', {
      attributes: GROUP_ATTRIBUTES,
      signal: options.signal,
      keep: false,
      ...(pace ? { pace } : {}),
      onPage: (page, progress) => {
        for (const group of page) visitor.group(group as ScimGroup);
        options.onProgress?.({ phase: 'groups', progress });
      },
    });
    groupCount = listed.count;
    complete = complete && listed.complete;
    warnings.push(...listed.warnings.map((w) => `Groups: ${w}`));
  } else {
    warnings.push('The service has no /Groups endpoint: the snapshot holds users only.');
  }
  return { ...fields, complete, warnings: [...discovery.warnings.map((w) => `Discovery: ${w}`), ...warnings], users: users.count, groups: groupCount };
}

/** The whole tenant in memory. */
export async function takeSnapshot(client: ScimClient, options: StreamOptions = {}): Promise<Snapshot> {
  const users: ScimUser[] = [];
  const groups: ScimGroup[] = [];
  const summary = await streamTenant(client, { user: (u) => void users.push(u), group: (g) => void groups.push(g) }, options);
  return { ...summary, users, groups };
}

/**
 * Lists the tenant straight into a snapshot file: memory holds a batch of text and the listing's
 * ids, never the tenant. The file appears under `path` only when complete (or as complete as the
 * listing could verify: the summary says which).
 */
export async function writeSnapshot(client: ScimClient, path: string, options: StreamOptions & { redactor?: Redactor } = {}): Promise<TenantSummary> {
  let writer: SnapshotWriter | null = null;
  try {
    const summary = await streamTenant(
      client,
      {
        head: (fields) => void (writer = new SnapshotWriter(path, { takenAt: fields.takenAt, baseUrl: fields.baseUrl, discovery: fields.discovery }, options.redactor)),
        user: (user) => writer?.add(user),
        startGroups: () => writer?.startGroups(),
        group: (group) => writer?.add(group),
        drained: () => writer?.drained() ?? Promise.resolve(),
      },
      options,
    );
    await (writer as SnapshotWriter | null)?.finish({ complete: summary.complete, warnings: summary.warnings });
    return summary;
  } catch (error) {
    await (writer as SnapshotWriter | null)?.abort();
    throw error;
  }
}

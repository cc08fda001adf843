// Snapshots: the whole tenant at one time, saved so audits and diffs run later without network.
// Written as a stream (one resource a line inside the JSON arrays) so 100k users are never one
// giant string; gzip when the file name ends in .gz.

import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, rm } from 'node:fs/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import { InspectorError } from '../../../shared/errors';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot } from '../../../shared/audit';
import type { DiscoveryResult, ListProgress, ScimGroup, ScimUser } from '../../../shared/scim';
import type { ScimClient } from '../scim/types';
import type { Redactor } from '../secrets/index';

export interface SnapshotProgress {
  phase: 'discovery' | 'users' | 'groups';
  progress?: ListProgress;
}

/** Attributes asked for on groups: some services omit members unless asked for by name. */
export const GROUP_ATTRIBUTES = ['displayName', 'externalId', 'members', 'meta'];

export async function takeSnapshot(
  client: ScimClient,
  options: { signal?: AbortSignal; onProgress?: (p: SnapshotProgress) => void; now?: () => Date; discovery?: DiscoveryResult } = {},
): Promise<Snapshot> {
  const takenAt = (options.now ?? (() => new Date()))().toISOString();
  options.onProgress?.({ phase: 'discovery' });
  // A host that has just discovered (the CLI does before every read) passes its result along.
  const discovery = options.discovery ?? (await client.discover(options.signal));
  const users = await client.list<ScimUser>('Users', {
    signal: options.signal,
    onPage: (_r, progress) => options.onProgress?.({ phase: 'users', progress }),
  });
  const warnings = users.warnings.map((w) => `Users: ${w}`);
  let groups: ScimGroup[] = [];
  let complete = users.complete;
  if (discovery.capabilities.groups) {
    const listed = await client.list<ScimGroup>('Groups', {
      attributes: GROUP_ATTRIBUTES,
      signal: options.signal,
      onPage: (_r, progress) => options.onProgress?.({ phase: 'groups', progress }),
    });
    groups = listed.Resources;
    complete = complete && listed.complete;
    warnings.push(...listed.warnings.map((w) => `Groups: ${w}`));
  } else {
    warnings.push('The service has no /Groups endpoint: the snapshot holds users only.');
  }
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    takenAt,
    baseUrl: client.baseUrl,
    complete,
    warnings: [...discovery.warnings.map((w) => `Discovery: ${w}`), ...warnings],
    discovery,
    users: users.Resources,
    groups,
  };
}

async function writeChunk(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** One value as a JSON line, redacted only when it holds a secret (the test is one string search). */
function jsonLine(value: unknown, redactor: Redactor | undefined): string {
  const line = JSON.stringify(value);
  return redactor?.test(line) ? JSON.stringify(redactor.value(value)) : line;
}

/**
 * Writes the snapshot. A snapshot is an export, so `redactor` (the connection's secrets) takes
 * every secret out of it; the in-memory snapshot it was given is not changed.
 */
export async function saveSnapshot(path: string, snapshot: Snapshot, redactor?: Redactor): Promise<void> {
  const temp = `${path}.partial-${process.pid}`;
  const file = createWriteStream(temp);
  const gzip = path.endsWith('.gz') ? createGzip() : null;
  if (gzip) gzip.pipe(file);
  const out: Writable = gzip ?? file;
  try {
    const { users, groups, ...head } = snapshot;
    const headJson = jsonLine(head, redactor);
    await writeChunk(out, `${headJson.slice(0, -1)},\n"users":[`);
    for (let i = 0; i < users.length; i += 1) await writeChunk(out, `${i ? ',' : ''}\n${jsonLine(users[i], redactor)}`);
    await writeChunk(out, '\n],\n"groups":[');
    for (let i = 0; i < groups.length; i += 1) await writeChunk(out, `${i ? ',' : ''}\n${jsonLine(groups[i], redactor)}`);
    await writeChunk(out, '\n]}\n');
    out.end();
    await once(file, 'close');
    await rename(temp, path);
  } catch (error) {
    // Let the stream close first, or a stream still opening recreates the temp file after rm.
    file.destroy();
    if (!file.closed) await once(file, 'close');
    await rm(temp, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new InspectorError('io', `Could not write the snapshot to ${path}: ${reason}`, { file: path });
  }
}

async function readMaybeGzip(path: string): Promise<string> {
  const chunks: Buffer[] = [];
  const raw = createReadStream(path);
  let first = true;
  let source: NodeJS.ReadableStream = raw;
  try {
    for await (const chunk of raw) {
      const buf = chunk as Buffer;
      if (first && buf[0] === 0x1f && buf[1] === 0x8b) {
        raw.destroy();
        source = createReadStream(path).pipe(createGunzip());
        break;
      }
      first = false;
      chunks.push(buf);
    }
    if (source !== raw) {
      for await (const chunk of source) chunks.push(chunk as Buffer);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InspectorError('io', `Could not read the snapshot ${path}: ${reason}`, { file: path });
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function loadSnapshot(path: string): Promise<Snapshot> {
  const text = await readMaybeGzip(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InspectorError('invalid-input', `${path} is not a snapshot file (not valid JSON). Take one with \`scim-inspector snapshot --out FILE\`.`, { file: path });
  }
  return validateSnapshot(parsed, path);
}

export function validateSnapshot(value: unknown, source = 'the snapshot'): Snapshot {
  const bad = (what: string): never => {
    throw new InspectorError('invalid-input', `${source} is not a usable snapshot: ${what}.`, { file: source });
  };
  if (typeof value !== 'object' || value === null) return bad('not a JSON object');
  const v = value as Record<string, unknown>;
  if (v.format !== SNAPSHOT_FORMAT) return bad(`format is ${JSON.stringify(v.format)}, expected "${SNAPSHOT_FORMAT}"`);
  if (typeof v.version !== 'number' || v.version > SNAPSHOT_VERSION) {
    return bad(`version ${String(v.version)} is newer than this app understands (${SNAPSHOT_VERSION}); update SCIM Inspector`);
  }
  if (typeof v.takenAt !== 'string' || Number.isNaN(Date.parse(v.takenAt))) return bad('takenAt is missing');
  if (!Array.isArray(v.users) || !Array.isArray(v.groups)) return bad('users or groups are missing');
  for (const [kind, list] of [['user', v.users], ['group', v.groups]] as const) {
    list.forEach((r: unknown, i: number) => {
      if (typeof r !== 'object' || r === null || typeof (r as { id?: unknown }).id !== 'string') bad(`${kind} #${i + 1} has no id`);
    });
  }
  return {
    format: SNAPSHOT_FORMAT,
    version: v.version,
    takenAt: v.takenAt,
    baseUrl: typeof v.baseUrl === 'string' ? v.baseUrl : '',
    complete: v.complete === true,
    warnings: Array.isArray(v.warnings) ? v.warnings.filter((w): w is string => typeof w === 'string') : [],
    discovery: (typeof v.discovery === 'object' ? v.discovery : null) as Snapshot['discovery'],
    users: v.users as ScimUser[],
    groups: v.groups as ScimGroup[],
  };
}

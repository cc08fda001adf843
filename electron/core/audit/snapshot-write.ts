// Writing snapshot files as the data arrives: one resource a line inside the JSON arrays, gathered
// into ~256 KB batches before each write (one gzip call per batch, not per resource), to a temp
// file renamed into place only when complete. The fields known only at the end (complete,
// warnings) follow the arrays; snapshot-read.ts reads files of either layout line by line.
//
//   {"format":…,"version":1,"takenAt":…,"baseUrl":…,"discovery":{…},"users":[
//   {user}
//   ,{user}
//   ],"groups":[
//   {group}
//   ],"complete":true,"warnings":[…]}

import { AtomicFile } from '../io/atomic-file';
import type { Redactor } from '../secrets/index';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot } from '../../../shared/audit';
import type { DiscoveryResult, ScimResource } from '../../../shared/scim';

/** Text gathered per write: large enough that gzip works on whole blocks, small enough to stream. */
export const SNAPSHOT_BATCH_BYTES = 256 * 1024;

export interface SnapshotHead {
  takenAt: string;
  baseUrl: string;
  discovery: DiscoveryResult | null;
  /** The admin's label and the tenant's name, when saved from the app (snapshot-head.ts reads them). */
  label?: string;
  tenantName?: string;
}

export interface SnapshotTrailer {
  complete: boolean;
  warnings: string[];
}

export class SnapshotWriter {
  private batch = '';
  private inGroups = false;
  private inSection = 0;
  /** Batches written so far (tests check that writes are batched). */
  batches = 0;
  private readonly file: AtomicFile;

  /**
   * A snapshot is an export, so `redactor` (the connection's secrets) takes every secret out of
   * what is written; the values handed in are not changed.
   */
  constructor(
    path: string,
    head: SnapshotHead,
    private readonly redactor?: Redactor,
  ) {
    this.file = new AtomicFile(path, `the snapshot to ${path}`, { gzip: path.endsWith('.gz') });
    const fields = this.json({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, ...head });
    this.batch = `${fields.slice(0, -1)},"users":[\n`;
  }

  /** One value as JSON, redacted only when it holds a secret (the test is one string search). */
  private json(value: unknown): string {
    const line = JSON.stringify(value);
    return this.redactor?.test(line) ? JSON.stringify(this.redactor.value(value)) : line;
  }

  /** Adds a user (or, after startGroups, a group). */
  add(resource: ScimResource): void {
    const line = this.json(resource);
    this.batch += this.inSection === 0 ? `${line}\n` : `,${line}\n`;
    this.inSection += 1;
    if (this.batch.length >= SNAPSHOT_BATCH_BYTES) this.write();
  }

  startGroups(): void {
    if (this.inGroups) return;
    this.inGroups = true;
    this.inSection = 0;
    this.batch += '],"groups":[\n';
  }

  private write(): void {
    this.file.write(this.batch);
    this.batches += 1;
    this.batch = '';
  }

  /** Resolves when the file has taken what was written (a listing waits on it before its next page). */
  drained(): Promise<void> {
    return this.file.drained();
  }

  async finish(trailer: SnapshotTrailer): Promise<void> {
    this.startGroups();
    this.batch += `],${this.json(trailer).slice(1)}\n`;
    this.write();
    await this.file.finish();
  }

  /** Drops the temp file (a failed or cancelled snapshot leaves nothing under the chosen name). */
  abort(): Promise<void> {
    return this.file.abort();
  }
}

/** Writes a snapshot held in memory (the app's audits keep theirs to save on request). */
export async function saveSnapshot(path: string, snapshot: Snapshot, redactor?: Redactor): Promise<void> {
  const named = { ...(snapshot.label ? { label: snapshot.label } : {}), ...(snapshot.tenantName ? { tenantName: snapshot.tenantName } : {}) };
  const writer = new SnapshotWriter(path, { takenAt: snapshot.takenAt, baseUrl: snapshot.baseUrl, discovery: snapshot.discovery, ...named }, redactor);
  try {
    for (const user of snapshot.users) {
      writer.add(user);
      await writer.drained();
    }
    writer.startGroups();
    for (const group of snapshot.groups) {
      writer.add(group);
      await writer.drained();
    }
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.finish({ complete: snapshot.complete, warnings: snapshot.warnings });
}

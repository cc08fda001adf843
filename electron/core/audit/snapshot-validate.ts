// What makes a snapshot usable: its format, a version this app understands, when it was taken,
// and (for a whole document) users and groups that each carry an id. Shared by the line reader,
// which checks the fields and each element as it goes, and the whole-document path.

import { InspectorError } from '../../../shared/errors';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot } from '../../../shared/audit';
import type { ScimGroup, ScimUser } from '../../../shared/scim';

export type SnapshotFields = Omit<Snapshot, 'users' | 'groups'>;

function refuse(source: string, what: string): never {
  throw new InspectorError('invalid-input', `${source} is not a usable snapshot: ${what}.`, { file: source });
}

/** The fields other than users and groups (complete is false unless the file says true). */
export function validateSnapshotFields(value: unknown, source = 'the snapshot'): SnapshotFields {
  if (typeof value !== 'object' || value === null) return refuse(source, 'not a JSON object');
  const v = value as Record<string, unknown>;
  if (v.format !== SNAPSHOT_FORMAT) return refuse(source, `format is ${JSON.stringify(v.format)}, expected "${SNAPSHOT_FORMAT}"`);
  if (typeof v.version !== 'number' || v.version > SNAPSHOT_VERSION) {
    return refuse(source, `version ${String(v.version)} is newer than this app understands (${SNAPSHOT_VERSION}); update SCIM Inspector`);
  }
  if (typeof v.takenAt !== 'string' || Number.isNaN(Date.parse(v.takenAt))) return refuse(source, 'takenAt is missing');
  return {
    format: SNAPSHOT_FORMAT,
    version: v.version,
    takenAt: v.takenAt,
    baseUrl: typeof v.baseUrl === 'string' ? v.baseUrl : '',
    complete: v.complete === true,
    warnings: Array.isArray(v.warnings) ? v.warnings.filter((w): w is string => typeof w === 'string') : [],
    discovery: (typeof v.discovery === 'object' ? v.discovery : null) as Snapshot['discovery'],
  };
}

export function validateSnapshot(value: unknown, source = 'the snapshot'): Snapshot {
  const fields = validateSnapshotFields(value, source);
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.users) || !Array.isArray(v.groups)) return refuse(source, 'users or groups are missing');
  for (const [kind, list] of [['user', v.users], ['group', v.groups]] as const) {
    list.forEach((r: unknown, i: number) => {
      if (typeof r !== 'object' || r === null || typeof (r as { id?: unknown }).id !== 'string') refuse(source, `${kind} #${i + 1} has no id`);
    });
  }
  return { ...fields, users: v.users as ScimUser[], groups: v.groups as ScimGroup[] };
}

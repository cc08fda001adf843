// POST, PUT, PATCH and DELETE with the vendor rules: uniqueness answers, If-Match, PATCH dialects
// (capitalised ops, active-only), soft delete, and active-only group members.

import { randomUUID } from 'node:crypto';
import { scimPatch, type ScimPatchOperation } from 'scim-patch';
import { SCHEMAS } from '../../../shared/scim';
import { etagOf } from './render';
import { ScimHttpError } from './respond';
import type { Row, SandboxStore } from './store';
import type { Json, Kind } from './types';

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function requireRow(store: SandboxStore, kind: Kind, id: string): Row {
  const row = store.get(kind, id);
  if (!row) throw new ScimHttpError(404, undefined, `${kind === 'Users' ? 'User' : 'Group'} ${id} not found.`);
  return row;
}

/** If-Match: only servers that do ETags check it; "*" matches anything, weak/strong both accepted. */
export function checkIfMatch(store: SandboxStore, row: Row, ifMatch: string | undefined): void {
  if (!store.profile.etag || ifMatch === undefined || ifMatch.trim() === '*') return;
  const strip = (v: string): string => v.trim().replace(/^W\//, '');
  const current = strip(etagOf(row));
  if (!ifMatch.split(',').some((t) => strip(t) === current)) {
    throw new ScimHttpError(412, undefined, `The resource changed (now ${etagOf(row)}); fetch it again and retry.`, { ETag: etagOf(row) });
  }
}

/** active as a boolean; IdPs such as Entra send "True"/"False". */
function normaliseActive(res: Json): void {
  if (typeof res.active === 'string' && /^(true|false)$/i.test(res.active)) res.active = res.active.toLowerCase() === 'true';
  if (res.active !== undefined && typeof res.active !== 'boolean') throw new ScimHttpError(400, 'invalidValue', 'active must be true or false.');
}

function memberIds(res: Json | undefined): Set<string> {
  const members = res?.members;
  return new Set(Array.isArray(members) ? members.map((m) => (isRecord(m) ? String(m.value) : '')) : []);
}

function validate(store: SandboxStore, kind: Kind, res: Json, selfId: string | null): void {
  if (kind === 'Users') {
    // `groups` is read-only (RFC 7643 §4.1.2): computed from group membership, never stored.
    delete res.groups;
    if (typeof res.userName !== 'string' || res.userName.trim() === '') throw new ScimHttpError(400, 'invalidValue', 'userName is required.');
    normaliseActive(res);
    // Only a userName this write sets is checked: tenants carry case-colliding names from before
    // (the seed plants some), and deactivating one of them must not fail on the other.
    const previous = selfId === null ? undefined : store.get('Users', selfId)?.res.userName;
    const unchanged = typeof previous === 'string' && previous.toLowerCase() === res.userName.toLowerCase();
    const clash = unchanged ? undefined : store.lookup('Users', 'userName', res.userName).find((id) => id !== selfId);
    if (clash !== undefined) {
      const answer = store.profile.conflict(res.userName);
      throw new ScimHttpError(answer.status, 'uniqueness', `userName ${res.userName} is already taken.`, {}, { body: answer.body, contentType: answer.contentType });
    }
    return;
  }
  if (typeof res.displayName !== 'string' || res.displayName.trim() === '') throw new ScimHttpError(400, 'invalidValue', 'displayName is required.');
  if (res.members !== undefined && !Array.isArray(res.members)) throw new ScimHttpError(400, 'invalidValue', 'members must be a list.');
  if (store.profile.groupMembersMustBeActive && Array.isArray(res.members)) {
    // Only members this write adds are checked: existing ones were accepted when they were added.
    const before = memberIds(selfId === null ? undefined : store.get('Groups', selfId)?.res);
    for (const m of res.members) {
      const value = isRecord(m) ? m.value : undefined;
      if (typeof value === 'string' && before.has(value)) continue;
      const user = typeof value === 'string' ? store.get('Users', value) : undefined;
      if (!user || user.res.active !== true) {
        throw new ScimHttpError(400, 'invalidValue', `Member ${String(value)} is not an active user of this team; provision the user first, then retry the group.`);
      }
    }
  }
}

/** "title" or "urn:…:User:department" → where it lives in a resource. */
function locate(path: string): [string | null, string] {
  const colon = path.lastIndexOf(':');
  return path.startsWith('urn:') && colon > 0 ? [path.slice(0, colon), path.slice(colon + 1)] : [null, path];
}

/** A user write leaves the attributes the vendor does not store as they were (absent on create). */
function keepFixed(store: SandboxStore, kind: Kind, before: Json | null, res: Json): void {
  if (kind !== 'Users') return;
  for (const path of store.profile.fixedUserAttributes) {
    const [urn, attribute] = locate(path);
    const read = (r: Json | null): unknown => (r === null ? undefined : urn === null ? r[attribute] : isRecord(r[urn]) ? (r[urn] as Json)[attribute] : undefined);
    const kept = read(before);
    const target: Json | null = urn === null ? res : isRecord(res[urn]) ? (res[urn] as Json) : kept === undefined ? null : (res[urn] = {});
    if (target === null) continue;
    if (kept === undefined) delete target[attribute];
    else target[attribute] = kept;
    if (urn !== null && Object.keys(target).length === 0) delete res[urn];
  }
}

function defaultSchemas(kind: Kind, res: Json): string[] {
  if (Array.isArray(res.schemas) && res.schemas.every((s) => typeof s === 'string') && res.schemas.length > 0) return res.schemas as string[];
  return [kind === 'Users' ? SCHEMAS.user : SCHEMAS.group];
}

export function createResource(store: SandboxStore, kind: Kind, body: unknown): { row: Row; status: 200 | 201 } {
  if (!isRecord(body)) throw new ScimHttpError(400, 'invalidSyntax', 'The request body must be a JSON object.');
  const { id: _id, meta: _meta, ...fields } = body;
  if (kind === 'Users' && store.profile.createActivatesExisting && typeof fields.userName === 'string') {
    // Lettermint "creates or activates a team member": an inactive match is re-activated.
    const existing = store.lookup('Users', 'userName', fields.userName).map((id) => store.get('Users', id)).find((r) => r && r.res.active !== true);
    if (existing) {
      const res: Json = { ...existing.res, active: true };
      if (typeof fields.externalId === 'string') res.externalId = fields.externalId;
      return { row: store.update('Users', existing.res.id as string, res), status: 200 };
    }
  }
  const now = new Date().toISOString();
  const res: Json = { ...fields, schemas: defaultSchemas(kind, fields), id: randomUUID(), meta: { resourceType: kind === 'Users' ? 'User' : 'Group', created: now, lastModified: now } };
  if (kind === 'Users' && res.active === undefined) res.active = true;
  keepFixed(store, kind, null, res);
  validate(store, kind, res, null);
  return { row: store.insert(kind, res), status: 201 };
}

export function replaceResource(store: SandboxStore, kind: Kind, id: string, body: unknown, ifMatch: string | undefined): Row {
  const row = requireRow(store, kind, id);
  checkIfMatch(store, row, ifMatch);
  if (!isRecord(body)) throw new ScimHttpError(400, 'invalidSyntax', 'The request body must be a JSON object.');
  const { id: _id, meta: _meta, ...fields } = body;
  const res: Json = { ...fields, schemas: defaultSchemas(kind, fields), id, meta: row.res.meta };
  keepFixed(store, kind, row.res, res);
  validate(store, kind, res, id);
  return store.update(kind, id, res);
}

const OPS = ['add', 'remove', 'replace'];

/** Keep only what touches `active` (mindtickle, lettermint users); the rest is silently dropped. */
function activeOnly(ops: Json[]): Json[] {
  const kept: Json[] = [];
  for (const op of ops) {
    if (typeof op.path === 'string') {
      if (op.path.toLowerCase() === 'active') kept.push(op);
    } else if (isRecord(op.value)) {
      const key = Object.keys(op.value).find((k) => k.toLowerCase() === 'active');
      if (key !== undefined) kept.push({ ...op, value: { active: op.value[key] } });
    }
  }
  return kept;
}

/**
 * A value-array member removal matched by `value` alone, as servers that implement this form do
 * (scim-patch compares whole items, and a bare {value} never equals {value, display, type}).
 */
function membersByValue(op: Json, group: Json): Json {
  if (op.op !== 'remove' || typeof op.path !== 'string' || op.path.toLowerCase() !== 'members' || !Array.isArray(op.value)) return op;
  const held = Array.isArray(group.members) ? group.members.filter(isRecord) : [];
  const values = new Set(op.value.map((item) => (isRecord(item) ? item.value : undefined)).filter((v): v is string => typeof v === 'string'));
  return { ...op, value: held.filter((m) => typeof m.value === 'string' && values.has(m.value)) };
}

export function patchResource(store: SandboxStore, kind: Kind, id: string, body: unknown, ifMatch: string | undefined): Row {
  const row = requireRow(store, kind, id);
  checkIfMatch(store, row, ifMatch);
  if (!isRecord(body) || !Array.isArray(body.schemas) || !body.schemas.includes(SCHEMAS.patchOp)) {
    throw new ScimHttpError(400, 'invalidSyntax', `A PATCH body needs schemas ["${SCHEMAS.patchOp}"].`);
  }
  if (!Array.isArray(body.Operations) || body.Operations.length === 0) throw new ScimHttpError(400, 'invalidSyntax', 'Operations must be a non-empty list.');
  let ops: Json[] = [];
  for (const op of body.Operations) {
    if (!isRecord(op) || typeof op.op !== 'string') throw new ScimHttpError(400, 'invalidSyntax', 'Each operation needs an "op".');
    const name = store.profile.capitalisedOps ? op.op.toLowerCase() : op.op;
    if (!OPS.includes(name)) throw new ScimHttpError(400, 'invalidSyntax', `Unsupported op "${op.op}"; use add, remove or replace.`);
    ops.push({ ...op, op: name });
  }
  if (kind === 'Groups' && store.profile.memberFilterRemoval501) {
    if (ops.some((op) => op.op === 'remove' && typeof op.path === 'string' && /^members\s*\[/i.test(op.path))) {
      throw new ScimHttpError(501, undefined, 'Removing members through a filter path is not implemented; send {"op":"remove","path":"members","value":[{"value":"<id>"}]} instead.');
    }
    ops = ops.map((op) => membersByValue(op, row.res));
  }
  if (kind === 'Users' && store.profile.userPatchActiveOnly) ops = activeOnly(ops);
  if (ops.length === 0) return row;
  let patched: Json;
  try {
    patched = scimPatch(structuredClone(row.res) as Json & { meta: never; schemas: string[] }, ops as unknown as ScimPatchOperation[], { mutateDocument: true, treatMissingAsAdd: true });
  } catch (error) {
    const code = isRecord(error) && typeof error.scimCode === 'string' ? error.scimCode : 'invalidValue';
    throw new ScimHttpError(400, code, error instanceof Error ? error.message : 'The patch could not be applied.');
  }
  const res: Json = { ...patched, id, meta: row.res.meta, schemas: defaultSchemas(kind, patched) };
  keepFixed(store, kind, row.res, res);
  validate(store, kind, res, id);
  return store.update(kind, id, res);
}

export function deleteResource(store: SandboxStore, kind: Kind, id: string, ifMatch: string | undefined): void {
  const row = requireRow(store, kind, id);
  checkIfMatch(store, row, ifMatch);
  if (kind === 'Users' && store.profile.deleteUser === 'soft') {
    store.update('Users', id, { ...row.res, active: false });
    return;
  }
  const groups = kind === 'Users' ? store.groupsOf(id) : [];
  store.remove(kind, id);
  // A deleted user leaves the groups it was in, as real servers do.
  for (const groupId of groups) {
    const group = store.get('Groups', groupId);
    const members = group?.res.members;
    if (group && Array.isArray(members)) {
      store.update('Groups', groupId, { ...group.res, members: members.filter((m) => !(isRecord(m) && m.value === id)) }, true);
    }
  }
}

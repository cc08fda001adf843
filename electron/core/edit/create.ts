// Creating a user or a group and deleting a group, behind the same preview, confirmation and
// journal as an edit. A create is previewed with what the vendor requires (refused up front when
// missing) and what it will drop (not in the expected resource); after the POST the new resource
// is read back by its id and compared. A delete is previewed from the group as the server holds it
// now (name, member count) and carries If-Match; it is "deleted" only once a GET answers 404.

import type { CreateOutcome, CreatePreview, DeleteOutcome, DeletePreview } from '../../../shared/create';
import { InspectorError, toAppError } from '../../../shared/errors';
import { SCHEMAS, type ResourceKind, type ScimResource } from '../../../shared/scim';
import { refuseReadOnly } from '../deactivate/run-journal';
import { describeRequest, diffResources, SERVER_MANAGED_ATTRIBUTES } from '../patch';
import { vendorLimits } from '../profiles/vendor-limits';
import type { ScimClient } from '../scim/types';
import { recordWrite } from './journal';
import { mayHaveLanded, neverSent, notSentError } from './write-failure';

export interface WriteTarget {
  vendor: string | null;
  headers: Record<string, string>;
}

export interface WriteOptions {
  journal: string;
  profile?: string | null;
  signal?: AbortSignal;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a dotted path ("name.givenName"), or an extension's ("urn:…:User:department"). */
function valueAt(resource: Obj, path: string): unknown {
  if (path.startsWith('urn:')) {
    const colon = path.lastIndexOf(':');
    const ext = resource[path.slice(0, colon)];
    return isObj(ext) ? ext[path.slice(colon + 1)] : undefined;
  }
  let at: unknown = resource;
  for (const part of path.split('.')) at = isObj(at) ? at[part] : undefined;
  return at;
}

function given(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some((v) => (isObj(v) ? given(v.value) : given(v)));
  return value !== undefined && value !== null;
}

function withoutPath(resource: Obj, path: string): void {
  if (!path.startsWith('urn:')) {
    delete resource[path];
    return;
  }
  const colon = path.lastIndexOf(':');
  const urn = path.slice(0, colon);
  const ext = resource[urn];
  if (!isObj(ext)) return;
  const rest = { ...ext };
  delete rest[path.slice(colon + 1)];
  if (Object.keys(rest).length === 0) delete resource[urn];
  else resource[urn] = rest;
}

/** The body of a create: what the form filled in, without ids or server-managed attributes. */
function createBody(kind: ResourceKind, fields: unknown): Obj {
  if (!isObj(fields)) throw new InspectorError('invalid-input', `The new ${kind === 'Users' ? 'user' : 'group'} must be a JSON object of its attributes.`);
  const body: Obj = structuredClone(fields);
  delete body.id;
  delete body.meta;
  if (kind === 'Groups') delete body.active;
  const schemas = Array.isArray(body.schemas) ? body.schemas.filter((s): s is string => typeof s === 'string') : [];
  const core = kind === 'Users' ? SCHEMAS.user : SCHEMAS.group;
  body.schemas = schemas.includes(core) ? schemas : [core, ...schemas];
  return body;
}

/** The POST as it will go out, what the vendor requires and what it will drop. Sends nothing. */
export function previewCreate(client: Pick<ScimClient, 'baseUrl'>, kind: ResourceKind, fields: unknown, target: WriteTarget): CreatePreview {
  const body = createBody(kind, fields);
  const limits = vendorLimits(target.vendor);
  const missing = limits.requiredOnCreate[kind].filter((path) => !given(valueAt(body, path)));
  const ignored = kind === 'Users' ? limits.fixedUserAttributes.filter((a) => given(valueAt(body, a.path))).map((a) => ({ path: a.path, reason: a.reason })) : [];
  const expected: Obj = { ...structuredClone(body), id: '' };
  for (const { path } of ignored) withoutPath(expected, path);
  const warnings: string[] = [];
  if (kind === 'Users' && limits.createActivatesExisting) warnings.push(`${limits.label} re-activates an existing member with this userName instead of creating a new user; the read-back shows which it did.`);
  if (kind === 'Groups' && limits.groupMembersMustBeActive && Array.isArray(body.members) && body.members.length > 0) warnings.push(`${limits.label} takes only active users as group members.`);
  const described = describeRequest({ baseUrl: client.baseUrl, kind, id: 'new', method: 'PUT', body, headers: target.headers });
  const url = `${client.baseUrl.replace(/\/+$/, '')}/${kind}`;
  return { kind, method: 'POST', request: { method: 'POST', url, headers: described.headers, body }, missing, ignored, expected: expected as ScimResource, warnings, vendor: target.vendor };
}

/** Checks a preview that round-tripped through the renderer before anything is sent. */
function checkCreate(client: ScimClient, value: unknown, target: WriteTarget): CreatePreview {
  const p = value as Partial<CreatePreview> | null;
  if (!isObj(p) || (p.kind !== 'Users' && p.kind !== 'Groups') || !isObj(p.request) || !isObj(p.request.body)) {
    throw new InspectorError('invalid-input', 'The create preview is damaged; preview the new resource again. Nothing was sent.');
  }
  // Recomputed here from the profile's vendor, so a renderer cannot drop the required-field check.
  const fresh = previewCreate(client, p.kind, p.request.body, target);
  if (p.request.url !== fresh.request.url) throw new InspectorError('invalid-input', `This preview was made for ${String(p.request.url)}, not for this connection (${fresh.request.url}); preview it again. Nothing was sent.`);
  if (fresh.missing.length > 0) {
    throw new InspectorError('invalid-input', `A new ${p.kind === 'Users' ? 'user' : 'group'} on this service needs ${fresh.missing.join(', ')}; fill ${fresh.missing.length === 1 ? 'it' : 'them'} in. Nothing was sent.`, { missing: fresh.missing });
  }
  return fresh;
}

function statusAfter(client: ScimClient, method: string, since: number): number | null {
  const entry = client.transport.log
    .entries()
    .filter((e) => e.id > since && e.method === method)
    .at(-1);
  return entry?.status ?? null;
}

const lastLogId = (client: ScimClient): number => Math.max(0, ...client.transport.log.entries().map((e) => e.id));

/** Sends a confirmed create, journalled first, and reads the new resource back by its id. */
export async function sendCreate(client: ScimClient, confirmed: unknown, target: WriteTarget, options: WriteOptions): Promise<CreateOutcome> {
  refuseReadOnly(client, 'creating a resource');
  const preview = checkCreate(client, confirmed, target);
  const empty: ScimResource = { schemas: preview.request.body.schemas as string[], id: '' };
  const change = await recordWrite(options.journal, { kind: preview.kind, id: '', request: preview.request, before: empty, expected: preview.expected }, options.profile ?? null);
  const since = lastLogId(client);
  let created: ScimResource;
  try {
    created = await client.create(preview.kind, preview.request.body, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    const cause = toAppError(error);
    // An answer that could not be read as the new resource carries no status of its own: the log has it.
    const status = typeof cause.details?.status === 'number' ? cause.details.status : statusAfter(client, 'POST', since);
    const noun = preview.kind === 'Users' ? 'user' : 'group';
    const outcome = neverSent(cause) ? 'not-sent' : mayHaveLanded(cause) ? 'unknown' : cause.code.startsWith('refused-') ? 'refused' : cause.code === 'conflict' ? 'conflict' : 'failed';
    await change.finish({ status, outcome, after: null, error: { code: cause.code, message: cause.message }, warnings: [] });
    if (outcome === 'not-sent') throw notSentError('POST', 'nothing was created', change.changeId);
    if (outcome === 'unknown' && cause.code === 'cancelled') {
      throw new InspectorError('cancelled', `${cause.message} The POST may or may not have created the ${noun}: search for it before creating it again.`, { ...cause.details, sent: 'unknown', changeId: change.changeId });
    }
    if (outcome === 'unknown' && cause.code === 'bad-response' && status !== null && status >= 200 && status < 300) {
      // Accepted, but without an id nothing can be read back: it may well exist, so not "failed".
      throw new InspectorError('bad-response', `The server accepted the POST (${status}) but its answer does not give the new ${noun}'s id, so it cannot be verified: ${cause.message} It may have been created: search for it before creating it again.`, {
        ...cause.details,
        status,
        sent: 'unknown',
        changeId: change.changeId,
      });
    }
    if (cause.code === 'conflict') throw new InspectorError('conflict', `${cause.message} A ${preview.kind === 'Users' ? 'user with this userName' : 'group with this name'} may exist already: search for it before creating another. Nothing was created.`, cause.details);
    throw error;
  }
  // client.create returns a resource with a non-empty id or throws (bad-response, handled above).
  const responseStatus = statusAfter(client, 'POST', since);
  let resource: ScimResource;
  try {
    resource = await client.get(preview.kind, created.id, { signal: options.signal });
  } catch (error) {
    const cause = toAppError(error);
    await change.finish({ status: responseStatus, outcome: 'applied', after: created, error: cause, warnings: ['Created, but the read-back failed.'] });
    throw new InspectorError(cause.code, `The ${preview.kind === 'Users' ? 'user' : 'group'} was created (id ${created.id}) but reading it back failed: ${cause.message} Reload the table to see it.`, { ...cause.details, sent: true, id: created.id });
  }
  const differences = diffResources({ ...preview.expected, id: resource.id }, resource, { ignore: [...SERVER_MANAGED_ATTRIBUTES, 'active', 'groups'] });
  const warnings = differences.map((d) => `${d.path}: the server holds ${JSON.stringify(d.after) ?? 'nothing'}, not ${JSON.stringify(d.before) ?? 'nothing'}.`);
  await change.finish({ status: responseStatus, outcome: differences.length === 0 ? 'applied' : 'partially-applied', after: resource, error: null, warnings });
  return { status: 'created', preview, responseStatus, resource, differences, journal: options.journal, changeId: change.changeId };
}

/** The DELETE of one group as it will go out, from the group as the server holds it now. */
export async function previewDelete(client: ScimClient, id: string, target: WriteTarget, signal?: AbortSignal): Promise<DeletePreview> {
  const before = await client.get('Groups', id, { signal });
  const described = describeRequest({ baseUrl: client.baseUrl, kind: 'Groups', id, method: 'DELETE', body: null, version: before.meta?.version ?? null, headers: target.headers });
  const members = Array.isArray(before.members) ? before.members.length : 0;
  const name = typeof before.displayName === 'string' ? before.displayName : id;
  const warnings = [`The group and its ${members} membership${members === 1 ? '' : 's'} are removed; its users stay. A deleted group cannot be brought back from here.`];
  if (!before.meta?.version) warnings.push('The server gives no version (ETag): a change made to the group since this preview cannot be detected.');
  return { kind: 'Groups', id, method: 'DELETE', request: { method: 'DELETE', url: described.url, headers: described.headers, body: {} }, before, name, memberCount: members, warnings };
}

/** Sends a confirmed group delete, journalled first; "deleted" only when a GET then answers 404. */
export async function sendDelete(client: ScimClient, confirmed: DeletePreview, options: WriteOptions): Promise<DeleteOutcome> {
  refuseReadOnly(client, 'deleting a group');
  if (!isObj(confirmed) || confirmed.kind !== 'Groups' || typeof confirmed.id !== 'string' || !isObj(confirmed.before) || confirmed.before.id !== confirmed.id || !isObj(confirmed.request)) {
    throw new InspectorError('invalid-input', 'The delete preview is damaged; preview the delete again. Nothing was sent.');
  }
  const expectedUrl = describeRequest({ baseUrl: client.baseUrl, kind: 'Groups', id: confirmed.id, method: 'DELETE', body: null }).url;
  if (confirmed.request.url !== expectedUrl) throw new InspectorError('invalid-input', `This preview was made for ${String(confirmed.request.url)}, not for this connection; preview the delete again. Nothing was sent.`);
  const version = confirmed.before.meta?.version;
  const gone: ScimResource = { schemas: confirmed.before.schemas, id: confirmed.id };
  const change = await recordWrite(options.journal, { kind: 'Groups', id: confirmed.id, request: confirmed.request, before: confirmed.before, expected: gone }, options.profile ?? null);
  const since = lastLogId(client);
  try {
    await client.delete('Groups', confirmed.id, { ...(version ? { ifMatch: version } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    const cause = toAppError(error);
    const status = typeof cause.details?.status === 'number' ? cause.details.status : null;
    const outcome = neverSent(cause) ? 'not-sent' : mayHaveLanded(cause) ? 'unknown' : cause.code === 'precondition-failed' ? 'precondition-failed' : cause.code.startsWith('refused-') ? 'refused' : 'failed';
    await change.finish({ status, outcome, after: null, error: { code: cause.code, message: cause.message }, warnings: [] });
    if (outcome === 'not-sent') throw notSentError('DELETE', 'the group is still there', change.changeId);
    if (outcome === 'unknown' && cause.code === 'cancelled') {
      throw new InspectorError('cancelled', `${cause.message} The DELETE may or may not have been applied: reload the group to see whether it is still there.`, { ...cause.details, sent: 'unknown', changeId: change.changeId });
    }
    if (cause.code === 'precondition-failed') throw new InspectorError('precondition-failed', 'The group changed since the preview (412); nothing was deleted. Preview the delete again to see it as it is now.', cause.details);
    throw error;
  }
  const responseStatus = statusAfter(client, 'DELETE', since);
  let still: ScimResource;
  try {
    still = await client.get('Groups', confirmed.id, { signal: options.signal });
  } catch (error) {
    const cause = toAppError(error);
    if (cause.code === 'not-found') {
      await change.finish({ status: responseStatus, outcome: 'applied', after: null, error: null, warnings: ['Deleted: the server answers 404 for it.'] });
      return { status: 'deleted', preview: confirmed, responseStatus, verifiedGone: true, journal: options.journal, changeId: change.changeId };
    }
    // Answered, but not proven gone: the entry is finished as unknown, never left open or "deleted".
    await change.finish({ status: responseStatus, outcome: 'unknown', after: null, error: { code: cause.code, message: cause.message }, warnings: [] });
    throw new InspectorError(cause.code, `The server answered the DELETE with ${responseStatus ?? '2xx'}, but checking that the group is gone failed: ${cause.message} Nothing is claimed deleted; reload it to see what the server holds.`, {
      ...cause.details,
      sent: true,
      id: confirmed.id,
      changeId: change.changeId,
    });
  }
  await change.finish({ status: responseStatus, outcome: 'unknown', after: still, error: { code: 'bad-response', message: 'The group is still there after the DELETE.' }, warnings: [] });
  throw new InspectorError('bad-response', `The server answered the DELETE with ${responseStatus ?? '2xx'}, but the group is still there. Nothing is claimed deleted; reload it to see what the server holds.`, { id: confirmed.id, status: responseStatus });
}

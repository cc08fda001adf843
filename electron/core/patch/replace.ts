// The PUT fallback for services that ignore PATCH (Mindtickle and Lettermint honour only `active`):
// a full replacement body built from the freshly loaded resource (RFC 7644 §3.5.1). Attributes the
// body leaves out are cleared by a PUT, so it must start from the server's current state, not from
// what the admin loaded minutes ago.

import { InspectorError } from '../../../shared/errors';
import { SCHEMAS, type ScimResource } from '../../../shared/scim';
import { buildPatch } from './build';
import { isPlainObject, isUnassigned, pruneUnassigned, type JsonObject } from './json';
import { previewPatch } from './preview';

/**
 * With `before` (what the edit started from), only the admin's changes (before → edited) are
 * applied on top of `fresh`, so changes others made meanwhile survive. Without it, the edited
 * resource is taken whole. Either way meta and read-only attributes are dropped and `schemas` lists
 * every extension the body carries.
 */
export function buildReplaceBody(fresh: ScimResource, edited: ScimResource, before?: ScimResource): Record<string, unknown> {
  if (fresh.id !== edited.id) {
    throw new InspectorError('invalid-input', `The edited resource "${edited.id}" is not the resource "${fresh.id}" that was reloaded; reload the one you are editing.`, { fresh: fresh.id, edited: edited.id });
  }
  let base: ScimResource = edited;
  if (before) {
    const { request } = buildPatch(before, edited);
    base = request.Operations.length > 0 ? previewPatch(fresh, request).after : fresh;
  }
  const isUser = base.schemas?.includes(SCHEMAS.user) || fresh.meta?.resourceType === 'User';
  const body = pruneUnassigned(base) as JsonObject;
  delete body.meta;
  // A user's groups are read-only (RFC 7643 §4.1.2): servers ignore them in a PUT, some reject them.
  if (isUser) delete body.groups;
  body.id = fresh.id;
  const schemas = new Set<string>(Array.isArray(base.schemas) ? base.schemas : fresh.schemas);
  for (const [key, value] of Object.entries(body)) {
    if (/^urn:/i.test(key) && isPlainObject(value) && !isUnassigned(value)) schemas.add(key);
  }
  // An extension whose attributes were all removed no longer describes the body; the first
  // schema is the resource's own and always stays.
  const [own, ...rest] = [...schemas];
  body.schemas = own === undefined ? [] : [own, ...rest.filter((schema) => !isUnassigned(body[schema]) || !/^urn:/i.test(schema) || !(schema in base))];
  return body;
}

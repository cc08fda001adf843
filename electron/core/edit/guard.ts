// Previews and changes come back from the renderer (over IPC or the browser-mode twin) as unknown
// JSON: they are checked here before anything is sent. The request body of a PATCH is validated
// again by validateOperations in sendEdit, and its URL against the connection.

import { InspectorError } from '../../../shared/errors';
import type { EditPreview } from '../../../shared/edit';
import type { ScimResource } from '../../../shared/scim';
import type { EditChange } from './preview';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isResource(value: unknown): value is ScimResource {
  return isObject(value) && typeof value.id === 'string' && value.id !== '' && Array.isArray(value.schemas);
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every((v) => typeof v === 'string');
}

function invalid(what: string): never {
  throw new InspectorError('invalid-input', `The edit preview is not valid (${what}); preview the edit again. Nothing was sent.`);
}

/** An EditPreview as previewEdit made it, or invalid-input. */
export function checkEditPreview(value: unknown): EditPreview {
  if (!isObject(value)) invalid('not an object');
  if (value.kind !== 'Users' && value.kind !== 'Groups') invalid('kind');
  if (typeof value.id !== 'string' || value.id === '') invalid('id');
  if (value.method !== 'PATCH' && value.method !== 'PUT') invalid('method');
  const request = value.request;
  if (!isObject(request) || request.method !== value.method || typeof request.url !== 'string' || !isStringRecord(request.headers) || !isObject(request.body)) invalid('request');
  if (!isResource(value.before) || value.before.id !== value.id) invalid('before');
  if (!isResource(value.after) || value.after.id !== value.id) invalid('after');
  if (!Array.isArray(value.changes) || !Array.isArray(value.changed) || !Array.isArray(value.warnings) || !Array.isArray(value.ignored)) invalid('changes');
  if (typeof value.needsReplace !== 'boolean' || typeof value.empty !== 'boolean') invalid('flags');
  const intent = value.intent;
  if (!isObject(intent) || !isResource(intent.edited) || !(intent.operations === null || Array.isArray(intent.operations))) invalid('intent');
  if (!(value.vendor === null || typeof value.vendor === 'string')) invalid('vendor');
  return value as unknown as EditPreview;
}

/** An edit form's resource or expert-mode operations (validated later by the patch core). */
export function checkEditChange(value: unknown): EditChange {
  if (isObject(value) && 'operations' in value) return { operations: value.operations };
  if (isObject(value) && isResource(value.edited)) return { edited: value.edited };
  throw new InspectorError('invalid-input', 'An edit is either {"edited": resource} from the form or {"operations": [...]} from expert mode.');
}

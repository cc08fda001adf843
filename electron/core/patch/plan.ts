// One call per way of editing, returning everything a preview shows: the request exactly as it
// will go out, before and after, the changed paths and the builder's warnings. The edit forms and
// the CLI `patch` command use these; sending, If-Match/412 handling and the journal live with the
// caller.

import { InspectorError } from '../../../shared/errors';
import type { PatchOpName, PatchOperation, PatchRequest, ResourceKind, ScimResource } from '../../../shared/scim';
import { buildPatch, ignoredByService, type PatchWarning } from './build';
import { dialectForVendor, type PatchDialect } from './dialect';
import type { FieldChange } from './diff';
import { previewPatch } from './preview';
import { describeRequest, type DescribedRequest } from './request';
import { validateOperations } from './validate';

export interface PlanTarget {
  baseUrl: string;
  kind: ResourceKind;
  /** Extra profile headers, shown as they will be sent (secrets redacted). */
  headers?: Record<string, string>;
  /** The profile's vendor hint, or an explicit dialect. */
  vendor?: string;
  dialect?: PatchDialect;
}

export interface PatchPlan {
  request: DescribedRequest;
  before: ScimResource;
  after: ScimResource;
  changes: FieldChange[];
  changed: string[];
  warnings: PatchWarning[];
  /** The service will ignore part of this PATCH; offer PUT (buildReplaceBody) instead. */
  needsReplace: boolean;
  /** Nothing to send: the edit changes nothing. */
  empty: boolean;
}

/** From an edit form: diff the edited resource against the loaded one. */
export function planEdit(before: ScimResource, edited: ScimResource, target: PlanTarget): PatchPlan {
  const built = buildPatch(before, edited, target.dialect ?? dialectForVendor(target.vendor));
  if (built.request.Operations.length === 0) {
    return { request: describe(before, built.request, target), before, after: before, changes: [], changed: [], warnings: built.warnings, needsReplace: false, empty: true };
  }
  const preview = previewPatch(before, built.request);
  return { request: describe(before, built.request, target), before, ...preview, warnings: built.warnings, needsReplace: built.needsReplace, empty: false };
}

/** From expert mode or the CLI: hand-written operations, validated, then previewed. */
export function planOperations(before: ScimResource, operations: unknown, target: PlanTarget): PatchPlan {
  const request = validateOperations(operations, { kind: target.kind });
  const preview = previewPatch(before, request);
  const dialect = target.dialect ?? dialectForVendor(target.vendor);
  const warnings = target.kind === 'Users' ? ignoredByService(request.Operations, dialect) : [];
  return { request: describe(before, request, target), before, ...preview, warnings, needsReplace: warnings.length > 0, empty: false };
}

/**
 * One CLI flag as an operation: `--replace PATH=JSON`, `--add PATH=JSON`, `--remove PATH[=JSON]`.
 * The value must be JSON so `active=false` is a boolean and `title="CTO"` a string — no guessing.
 */
export function operationFromFlag(op: PatchOpName, argument: string): PatchOperation {
  const equals = argument.indexOf('=');
  const path = (equals < 0 ? argument : argument.slice(0, equals)).trim();
  if (equals < 0) {
    if (op !== 'remove') throw new InspectorError('usage', `--${op} needs PATH=JSON, e.g. --${op} 'title="CTO"' or --${op} active=false.`, { argument });
    return { op, path };
  }
  const raw = argument.slice(equals + 1);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new InspectorError('usage', `The value of --${op} ${path}=… is not JSON: ${raw.slice(0, 40)}. Quote strings as JSON, e.g. --${op} '${path}="${raw.slice(0, 20)}"'.`, { argument: path });
  }
  return { op, path, value };
}

function describe(before: ScimResource, body: PatchRequest, target: PlanTarget): DescribedRequest {
  return describeRequest({ baseUrl: target.baseUrl, kind: target.kind, id: before.id, body, method: 'PATCH', version: before.meta?.version ?? null, ...(target.headers ? { headers: target.headers } : {}) });
}

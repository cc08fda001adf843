// Previews of one write: the request exactly as sendEdit will send it (If-Match when the resource
// has a version), the resource before and as predicted after, the changed paths and warnings. The
// PatchOp itself is the patch core's (planEdit / planOperations); this module only loads the
// resource, picks PATCH or the PUT fallback and shapes the result for the UI and the CLI.

import { InspectorError } from '../../../shared/errors';
import type { EditIntent, EditPreview, EditRequest, EditWarning } from '../../../shared/edit';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import { buildReplaceBody, describeRequest, diffResources, planEdit, planOperations, SERVER_MANAGED_ATTRIBUTES, type PatchDialect, type PatchPlan, type PlanTarget } from '../patch';
import type { ScimClient } from '../scim/types';
import { withoutIgnored } from './ignored';

/** An edit form's result (diffed against `before`) or hand-written operations (expert mode, CLI). */
export type EditChange = { edited: ScimResource } | { operations: unknown };

export interface PreviewOptions {
  /** The resource as the admin loaded it; the diff and If-Match start from it. Default: GET now. */
  before?: ScimResource;
  /** The profile's vendor hint: picks the PatchOp dialect and the "ignored by this service" warnings. */
  vendor?: string | null;
  /** The profile's extra headers, shown as they will be sent (secrets redacted). */
  headers?: Record<string, string>;
  /** PUT replaces the whole resource, built from a fresh GET (for services that ignore PATCH). */
  method?: 'PATCH' | 'PUT';
  signal?: AbortSignal;
}

/** Where a preview's request goes; enough to describe it again after a rebase. */
export interface EditTarget {
  baseUrl: string;
  kind: ResourceKind;
  vendor: string | null;
  headers: Record<string, string>;
  /** A dialect other than the vendor's (an alternative form a server implements). */
  dialect?: PatchDialect;
}

export async function previewEdit(client: ScimClient, kind: ResourceKind, id: string, change: EditChange, options: PreviewOptions = {}): Promise<EditPreview> {
  const target: EditTarget = { baseUrl: client.baseUrl, kind, vendor: options.vendor ?? null, headers: options.headers ?? {} };
  const loaded = options.before ?? (await client.get(kind, id, { signal: options.signal }));
  if (loaded.id !== id) {
    throw new InspectorError('invalid-input', `The loaded resource is "${loaded.id}", not "${id}"; reload the resource you are editing.`, { id, loaded: loaded.id });
  }
  const patchPreview = planPreview(target, loaded, change);
  if (options.method !== 'PUT') return patchPreview;
  // A PUT clears what its body leaves out, so it starts from the server's state now; the admin's
  // changes (loaded → edited) are carried onto it.
  const fresh = options.before ? await client.get(kind, id, { signal: options.signal }) : loaded;
  return replacePreview(target, fresh, patchPreview.intent, loaded);
}

/** A PATCH preview of `change` on `before` (no I/O; used again when a 412 is rebased). */
export function planPreview(target: EditTarget, before: ScimResource, change: EditChange): EditPreview {
  const planTarget: PlanTarget = { baseUrl: target.baseUrl, kind: target.kind, headers: target.headers, ...(target.vendor ? { vendor: target.vendor } : {}), ...(target.dialect ? { dialect: target.dialect } : {}) };
  let plan: PatchPlan;
  let intent: EditIntent;
  if ('operations' in change) {
    plan = planOperations(before, change.operations, planTarget);
    const body = plan.request.body as { Operations: EditIntent['operations'] };
    intent = { edited: plan.after, operations: body.Operations };
  } else {
    plan = planEdit(before, change.edited, planTarget);
    intent = { edited: change.edited, operations: null };
  }
  const warnings: EditWarning[] = plan.warnings.map((w) => ({ code: w.code, path: w.path, message: w.message }));
  if (!plan.empty && !before.meta?.version) warnings.push(NO_VERSION);
  const preview = withoutIgnored({
    kind: target.kind,
    id: before.id,
    method: 'PATCH',
    request: asEditRequest(plan.request),
    before: plan.before,
    after: plan.after,
    changes: plan.changes,
    changed: plan.changed,
    ignored: [],
    warnings,
    needsReplace: plan.needsReplace,
    empty: plan.empty,
    intent,
    vendor: target.vendor,
  });
  // What the vendor would ignore is no reason to send: with nothing else, there is nothing to send.
  return preview.ignored.length > 0 && preview.changes.length === 0 ? { ...preview, empty: true } : preview;
}

/**
 * The PUT fallback: a full replacement built from `fresh` with the admin's changes (base → edited)
 * applied, so changes others made meanwhile survive.
 */
export function replacePreview(target: EditTarget, fresh: ScimResource, intent: EditIntent, base?: ScimResource): EditPreview {
  const body = buildReplaceBody(fresh, intent.edited, base);
  const request = describeRequest({ baseUrl: target.baseUrl, kind: target.kind, id: fresh.id, body, method: 'PUT', version: fresh.meta?.version ?? null, headers: target.headers });
  const after = predictedAfterReplace(target.kind, fresh, body);
  const changes = diffResources(fresh, after, { ignore: SERVER_MANAGED_ATTRIBUTES });
  const warnings: EditWarning[] = [
    { code: 'replace-clears', message: 'PUT replaces the whole resource: any attribute missing from the body is cleared. The body was built from the resource as the server holds it now.' },
  ];
  if (!fresh.meta?.version) warnings.push(NO_VERSION);
  const preview = withoutIgnored({
    kind: target.kind,
    id: fresh.id,
    method: 'PUT',
    request: asEditRequest(request),
    before: fresh,
    after,
    changes,
    changed: changes.map((c) => c.path),
    ignored: [],
    warnings,
    needsReplace: false,
    empty: false,
    intent,
    vendor: target.vendor,
  });
  // A PUT that would change nothing the vendor stores is nothing to send.
  return { ...preview, empty: preview.changes.length === 0 };
}

/** What the server should hold after the PUT: the body, with what only the server sets kept. */
function predictedAfterReplace(kind: ResourceKind, fresh: ScimResource, body: Record<string, unknown>): ScimResource {
  const after: Record<string, unknown> = { ...structuredClone(body), id: fresh.id };
  if (fresh.meta) after.meta = structuredClone(fresh.meta);
  // A user's groups are computed from group membership and were left out of the body on purpose.
  if (kind === 'Users' && fresh.groups !== undefined) after.groups = structuredClone(fresh.groups);
  return after as ScimResource;
}

/** The target a preview was made for, recovered from the preview itself (for rebasing). */
export function targetOf(preview: EditPreview, baseUrl: string): EditTarget {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(preview.request.headers)) {
    if (!/^(authorization|if-match|content-type|accept)$/i.test(name)) headers[name] = value;
  }
  return { baseUrl, kind: preview.kind, vendor: preview.vendor, headers };
}

function asEditRequest(request: { method: string; url: string; headers: Record<string, string>; body: unknown }): EditRequest {
  // Stryker disable next-line ConditionalExpression,StringLiteral: planEdit and planOperations build only PATCH requests and replacePreview only PUT ones; this guards the type
  if (request.method !== 'PATCH' && request.method !== 'PUT') throw new InspectorError('internal', `An edit cannot be a ${request.method}.`);
  return { method: request.method, url: request.url, headers: request.headers, body: request.body as Record<string, unknown> };
}

const NO_VERSION: EditWarning = {
  code: 'no-version',
  message: 'This service gives the resource no version (ETag), so the write goes without If-Match: a change someone makes meanwhile would be overwritten without notice.',
};

// The deactivation plan: each resolved target with its current state and the exact request that
// will be sent. Built before anything is written; refused outright when a target is protected.

import { SCHEMAS, type PatchRequest, type ScimUser } from '../../../shared/scim';
import type { DeactivationMethod, DeactivationPlan, PlannedRequest } from '../../../shared/deactivate';
import { describeRequest, dialectForVendor, type PatchDialect } from '../patch';
import { emailsOf } from '../audit/user-fields';
import type { Resolution } from './resolve';

export interface PlanOptions {
  baseUrl: string;
  method: DeactivationMethod;
  /** userNames, emails or ids that must never be deactivated (break-glass admins). */
  protectedUsers?: string[];
  vendor?: string;
  headers?: Record<string, string>;
  now?: () => Date;
}

/** The PatchOp that sets `active`, in the form the service's dialect wants. */
export function activePatch(active: boolean, dialect: PatchDialect): PatchRequest {
  return {
    schemas: [SCHEMAS.patchOp],
    Operations: [dialect.noPathActiveReplace ? { op: 'replace', value: { active } } : { op: 'replace', path: 'active', value: active }],
  };
}

export function plannedRequest(user: ScimUser, method: DeactivationMethod, active: boolean, options: Pick<PlanOptions, 'baseUrl' | 'vendor' | 'headers'>): PlannedRequest {
  if (method === 'delete') {
    const { url, headers } = describeRequest({
      baseUrl: options.baseUrl,
      kind: 'Users',
      id: user.id,
      body: {},
      // Stryker disable next-line StringLiteral: only the URL and headers are kept, and any method with a body gives the same ones (Content-Type is dropped below)
      method: 'PUT',
      headers: options.headers,
    });
    const { 'Content-Type': _bodyless, ...rest } = headers;
    return { method: 'DELETE', url, headers: rest, body: null };
  }
  if (method === 'put') {
    const { meta: _meta, groups: _groups, ...rest } = user;
    const body = { ...rest, active };
    return describeRequest({ baseUrl: options.baseUrl, kind: 'Users', id: user.id, body, method: 'PUT', version: user.meta?.version ?? null, headers: options.headers });
  }
  return describeRequest({ baseUrl: options.baseUrl, kind: 'Users', id: user.id, body: activePatch(active, dialectForVendor(options.vendor)), method: 'PATCH', headers: options.headers });
}

function protectedKeys(user: ScimUser): string[] {
  // A missing value is '', which never matches: the guard holds no blank entry.
  // Stryker disable next-line StringLiteral: another placeholder would only matter if it were on the protected list
  return [user.id, user.userName, user.externalId ?? '', ...emailsOf(user).map((e) => e.value ?? '')].map((k) => k.toLowerCase());
}

export function buildPlan(resolution: Resolution, options: PlanOptions): DeactivationPlan {
  // Stryker disable next-line ArrayDeclaration: a placeholder entry in an absent list protects only a user with that very key
  const guard = new Set((options.protectedUsers ?? []).map((p) => p.trim().toLowerCase()).filter(Boolean));
  const plan: DeactivationPlan = {
    baseUrl: options.baseUrl,
    method: options.method,
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
    targets: [],
    skipped: [],
    unresolved: resolution.unresolved,
    refused: [...resolution.refused],
    warnings: [...resolution.warnings],
  };
  for (const { input, user, matchedBy, resolvedBy, listing } of resolution.matches) {
    const hit = protectedKeys(user).find((k) => guard.has(k));
    if (hit !== undefined) {
      plan.refused.push({ input, kind: 'protected', reason: `${user.userName} (${user.id}) is on this profile's protected list (${hit}); remove it from the list of targets.` });
      continue;
    }
    if (user.active === false && options.method !== 'delete') {
      plan.skipped.push({ input, id: user.id, userName: user.userName, reason: 'already inactive' });
      continue;
    }
    plan.targets.push({
      input,
      id: user.id,
      userName: user.userName,
      displayName: typeof user.displayName === 'string' ? user.displayName : null,
      active: user.active !== false,
      matchedBy,
      resolvedBy,
      listing,
      request: plannedRequest(user, options.method, false, options),
    });
  }
  return plan;
}

// The PatchOp builder and preview core: what the edit forms, expert mode, the CLI `patch` command,
// the deactivation flow and post-write verification build on. The usual flow:
//   plan = planEdit(loaded, edited, {baseUrl, kind, vendor, headers})   // or planOperations(loaded, json, …)
//   show plan.request (exact, token redacted), plan.before/after, plan.changed, plan.warnings
//   client.patch(kind, id, plan.request.body, {ifMatch: loaded.meta?.version})
//     412 → fresh = get; {edited} = rebaseEdit(loaded, edited, fresh); plan again on fresh
//     409 → explainConflict(client, kind, loaded, edited)
//   verifyWrite(loaded, plan.after, await client.get(kind, id)) → ignored/altered/unexpected
//   ignored (or plan.needsReplace) → client.replace(kind, id, buildReplaceBody(fresh, edited, loaded))

export { buildPatch, type BuiltPatch, type PatchWarning, type PatchWarningCode } from './build';
export { dialectForVendor, KNOWN_DIALECTS, RFC_DIALECT, type MemberRemoval, type PatchDialect } from './dialect';
export { diffResources, SERVER_MANAGED_ATTRIBUTES, type DiffOptions, type FieldChange } from './diff';
export { parsePath, formatPath, valueFilterPath, type ParsedPath } from './paths';
export { previewPatch, type PatchPreview } from './preview';
export { buildReplaceBody } from './replace';
export { describeRequest, REDACTED, type DescribedRequest, type DescribeRequestInput } from './request';
export { validateOperations, type ValidateOptions } from './validate';
export { operationFromFlag, planEdit, planOperations, type PatchPlan, type PlanTarget } from './plan';
export { verifyWrite, type WriteVerification } from './verify';
export { rebaseEdit, type RebasedEdit } from './rebase';
export { explainConflict, type ConflictCandidate, type ConflictExplanation } from './conflict';

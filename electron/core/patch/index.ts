// The PatchOp builder and preview core: what the edit forms, expert mode, the CLI `patch` command,
// the deactivation flow and post-write verification build on.

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

// Deactivation documents: the plan an admin confirms and the run result the CLI prints with
// --json and the UI shows.

import type { ListingInfo, ResolvedBy } from './resolve';

export type DeactivationMethod = 'patch' | 'put' | 'delete';
export type RunAction = 'deactivate' | 'reactivate';

export interface PlannedRequest {
  method: 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  /** Authorization always shown redacted. */
  headers: Record<string, string>;
  /** For PUT, the body is built from the fresh resource at send time; this is the preview. */
  body: unknown;
}

export interface PlanTarget {
  input: string;
  id: string;
  userName: string;
  displayName: string | null;
  active: boolean;
  /** How the input matched: id, userName, externalId or email. */
  matchedBy: string[];
  /** How the match was proven: the server's own filter, or a verified-complete listing. */
  resolvedBy: ResolvedBy;
  /** The listing that proved it (size, when taken) for resolvedBy complete-listing; else null. */
  listing: ListingInfo | null;
  request: PlannedRequest;
}

export interface PlanSkip {
  input: string;
  id: string;
  userName: string;
  reason: string;
}

export interface Unresolved {
  input: string;
  reason: string;
  candidates: { id: string; userName: string }[];
}

export interface DeactivationPlan {
  baseUrl: string;
  method: DeactivationMethod;
  createdAt: string;
  targets: PlanTarget[];
  skipped: PlanSkip[];
  unresolved: Unresolved[];
  /** Non-empty means the whole run is refused (exit 4): protected users, unverifiable answers. */
  refused: { input: string; reason: string; kind: 'protected' | 'unverifiable' }[];
  warnings: string[];
}

export interface RunResult {
  runId: string;
  action: RunAction;
  planned: { id: string; userName: string }[];
  done: { id: string; userName: string; wrote: boolean; note?: string }[];
  skipped: { id: string; reason: string }[];
  failed: { id: string; error: string }[];
  unresolved: Unresolved[];
  journal: string | null;
}

export interface RunProgress {
  total: number;
  done: number;
  failed: number;
}

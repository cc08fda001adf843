// The edit flow as the UI and the CLI see it: a preview of one write (the request exactly as it
// will go out, before and predicted after), the outcome of sending it, and the change journal's
// entries. Plain data only: previews travel to the renderer and back, so they carry no token and
// nothing that cannot be JSON.

import type { PatchOperation, ResourceKind, ScimResource } from './scim';

/** One attribute that differs, as a PatchOp-style path (`name.givenName`, `members[value eq "id"]`). */
export interface EditFieldChange {
  path: string;
  /** undefined when the attribute was unassigned. */
  before: unknown;
  after: unknown;
}

/** The write request as it will be sent; Authorization (and secret-looking headers) redacted. */
export interface EditRequest {
  /** POST: a create, DELETE: a delete (shared/create.ts); the edit flow sends PATCH and PUT. */
  method: 'PATCH' | 'PUT' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export type EditWarningCode =
  /** The service will ignore this part of a PATCH (Mindtickle, Lettermint: only `active`). */
  | 'ignored-by-service'
  /** An edit to a read-only attribute (a user's groups) that is not sent. */
  | 'read-only'
  /** The resource has no version: a concurrent change cannot be detected (no If-Match). */
  | 'no-version'
  /** A PUT replaces the whole resource: attributes the body leaves out are cleared. */
  | 'replace-clears';

export interface EditWarning {
  code: EditWarningCode;
  path?: string;
  message: string;
}

/** What the admin asked for, kept so a 412 can be carried onto the reloaded resource. */
export interface EditIntent {
  /** The resource as the admin wants it (for operations: the predicted result). */
  edited: ScimResource;
  /** Hand-written operations (expert mode, CLI flags); null for an edit form's diff. */
  operations: PatchOperation[] | null;
}

export interface EditPreview {
  kind: ResourceKind;
  id: string;
  method: 'PATCH' | 'PUT';
  request: EditRequest;
  before: ScimResource;
  /** The resource as it will be after the write, computed locally. */
  after: ScimResource;
  changes: EditFieldChange[];
  changed: string[];
  /**
   * Changes the admin asked for that this vendor will not make (a PATCH it ignores, an attribute
   * it does not store): not in `after`, never in the predicted column; the warnings say why.
   */
  ignored: EditFieldChange[];
  warnings: EditWarning[];
  /** This service will ignore part of the PATCH: offer PUT (previewEdit with method PUT). */
  needsReplace: boolean;
  /** The edit changes nothing; there is nothing to send. */
  empty: boolean;
  intent: EditIntent;
  /** The profile's vendor hint the PatchOp dialect was chosen by (null: RFC). */
  vendor: string | null;
}

export interface EditVerification {
  /** The server holds exactly what the preview predicted. */
  ok: boolean;
  ignored: EditFieldChange[];
  altered: EditFieldChange[];
  /** Differences the write did not cause (someone else's change, a computed value). */
  unexpected: EditFieldChange[];
  warnings: string[];
}

interface SentOutcome {
  preview: EditPreview;
  /** HTTP status of the write as the request log saw it (null if the log no longer holds it). */
  responseStatus: number | null;
  /** The resource as the server holds it after the write (a fresh GET). */
  result: ScimResource;
  verification: EditVerification;
  journal: string;
  changeId: string;
}

export type SendOutcome =
  | (SentOutcome & { status: 'applied' })
  | (SentOutcome & {
      /** The server accepted the write but ignored or altered some of it. */
      status: 'partially-applied';
      ignored: EditFieldChange[];
      altered: EditFieldChange[];
      /** A PUT built from the fresh resource that makes the whole edit, to confirm and sendReplace. */
      offerPut: EditPreview | null;
    })
  | {
      /**
       * The resource changed since it was loaded: a 412, or (for a PUT on a service without
       * versions) a re-read before sending showed it. Nothing was changed; confirm newPreview.
       */
      status: 'conflict';
      preview: EditPreview;
      /** 412, or null when the change was seen before sending (nothing was sent or journalled). */
      responseStatus: 412 | null;
      fresh: ScimResource;
      changedMeanwhile: EditFieldChange[];
      /** Paths both the admin and someone else changed, to different values. */
      conflicts: string[];
      newPreview: EditPreview;
      journal: string;
      changeId: string | null;
    };

/**
 * How a journalled write ended. 'unknown': the connection failed after the request went out
 * (network, timeout, cancelled), so it may have landed; 'not-sent': cancelled before the request
 * left, so it certainly did not; 'interrupted': the process died before the answer was recorded.
 */
export type ChangeOutcome = 'applied' | 'partially-applied' | 'precondition-failed' | 'conflict' | 'refused' | 'failed' | 'unknown' | 'not-sent' | 'interrupted';

/** One write as the Journal view shows it: the intent and its result joined by changeId. */
export interface ChangeJournalEntry {
  changeId: string;
  /** When the write was about to be sent (ISO). */
  at: string;
  /** When its answer was recorded (ISO), null if it never was. */
  finishedAt: string | null;
  who: string;
  profile: string | null;
  kind: ResourceKind;
  id: string;
  request: EditRequest;
  responseStatus: number | null;
  outcome: ChangeOutcome;
  before: ScimResource;
  /** The predicted result the admin confirmed. */
  expected: ScimResource;
  /** The resource as read back after the write (null when it failed or was interrupted). */
  after: ScimResource | null;
  error: { code: string; message: string } | null;
  warnings: string[];
}

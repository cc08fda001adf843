// Creating a user or a group and deleting a group, as the UI and the core see them: a preview of
// the one request (exactly as it will go out, the Authorization redacted), what the vendor needs
// and will drop, and the outcome proven by a read-back (created: the server holds it; deleted: the
// server answers 404). Plain data: previews travel to the renderer and back and are checked again.

import type { EditFieldChange, EditRequest } from './edit';
import type { ResourceKind, ScimResource } from './scim';

export interface CreatePreview {
  kind: ResourceKind;
  method: 'POST';
  request: EditRequest & { method: 'POST' };
  /** Attributes this vendor requires on a create that the body lacks: nothing is sent until given. */
  missing: string[];
  /** Attributes in the body this vendor does not store (dropped on create), each with why. */
  ignored: { path: string; reason: string }[];
  /** The resource as the server should hold it (the body without what it drops; no id yet). */
  expected: ScimResource;
  warnings: string[];
  vendor: string | null;
}

export interface CreateOutcome {
  status: 'created';
  preview: CreatePreview;
  /** The POST's status as the request log saw it (null if the log no longer holds it). */
  responseStatus: number | null;
  /** The new resource as read back from the server (a GET by the id the POST returned). */
  resource: ScimResource;
  /** Where what the server holds differs from what was expected (empty: verified). */
  differences: EditFieldChange[];
  journal: string;
  changeId: string;
}

export interface DeletePreview {
  kind: 'Groups';
  id: string;
  method: 'DELETE';
  request: EditRequest & { method: 'DELETE' };
  /** The group as the server holds it now (read for this preview). */
  before: ScimResource;
  name: string;
  memberCount: number;
  warnings: string[];
}

export interface DeleteOutcome {
  status: 'deleted';
  preview: DeletePreview;
  responseStatus: number | null;
  /** Proven by a GET answered 404 after the DELETE. */
  verifiedGone: true;
  journal: string;
  changeId: string;
}

// Sending a confirmed preview. The write carries If-Match when the resource had a version; a 412
// is never resent on its own — the resource is reloaded, the edit rebased onto it and a new
// preview returned for the admin to confirm. A 409 is explained (which value collides, with whom).
// After a 2xx the resource is read back and compared with the preview: a service that ignored
// part of a PATCH gets a PUT offered, built from what it now holds. Every attempt is journalled.

import { InspectorError, toAppError, type AppError } from '../../../shared/errors';
import type { EditPreview, EditVerification, SendOutcome } from '../../../shared/edit';
import type { PatchOperation, ScimResource } from '../../../shared/scim';
import { describeRequest, diffResources, rebaseEdit, SERVER_MANAGED_ATTRIBUTES, validateOperations, verifyWrite } from '../patch';
import type { ScimClient } from '../scim/types';
import { alternativesFor } from './alternatives';
import { explainEditConflict } from './collision';
import { checkEditPreview } from './guard';
import { recordIntent, type OpenedChange } from './journal';
import { planPreview, replacePreview, targetOf, type EditTarget } from './preview';
import { mayHaveLanded, neverSent, notSentError } from './write-failure';

export interface SendOptions {
  /** The change journal file (changeJournalPath(dataDir) in the app; tests use a temp dir). */
  journal: string;
  /** The profile's name, for the journal. */
  profile?: string | null;
  signal?: AbortSignal;
}

/** Sends a confirmed preview (checked again here: it may have round-tripped through the renderer). */
export async function sendEdit(client: ScimClient, confirmed: EditPreview, options: SendOptions): Promise<SendOutcome> {
  const preview = checkEditPreview(confirmed);
  checkSendable(client, preview);
  const ifMatch = preview.request.headers['If-Match'];
  if (preview.method === 'PUT' && !ifMatch) {
    // Without a version nothing stops a PUT from overwriting what someone changed since the body
    // was built; re-reading just before sending narrows that window to a moment.
    const fresh = await client.get(preview.kind, preview.id, { signal: options.signal });
    if (diffResources(preview.before, fresh, { ignore: SERVER_MANAGED_ATTRIBUTES }).length > 0) return rebase(client, preview, fresh, null, options);
  }
  const change = await recordIntent(options.journal, preview, options.profile ?? null);
  const writeOptions = { ...(ifMatch ? { ifMatch } : {}), ...(options.signal ? { signal: options.signal } : {}) };
  try {
    if (preview.method === 'PATCH') {
      await client.patch(preview.kind, preview.id, validateOperations(preview.request.body, { kind: preview.kind }), writeOptions);
    } else {
      await client.replace(preview.kind, preview.id, preview.request.body, writeOptions);
    }
  } catch (error) {
    return failed(client, preview, change, error, options);
  }
  const responseStatus = writeStatus(client, preview);
  let result: ScimResource;
  try {
    result = await client.get(preview.kind, preview.id, { signal: options.signal });
  } catch (error) {
    const cause = toAppError(error);
    await change.finish({ status: responseStatus, outcome: 'applied', after: null, error: cause, warnings: ['The write was accepted but the resource could not be read back to verify it.'] });
    throw new InspectorError(cause.code, `The ${preview.method} was accepted (${responseStatus ?? '2xx'}) but reading the resource back to verify it failed: ${cause.message} Reload it to see what the server holds.`, {
      ...cause.details,
      sent: true,
      changeId: change.changeId,
    });
  }
  const verification: EditVerification = verifyWrite(preview.before, preview.after, result, preview.method);
  // What the preview already said the vendor would not make is ignored too, as predicted. Never
  // twice: the preview's "after" keeps those attributes as they were, so the verification cannot
  // find them ignored again.
  verification.ignored.push(...preview.ignored);
  const base = { preview, responseStatus, result, verification, journal: options.journal, changeId: change.changeId };
  if (verification.ignored.length === 0 && verification.altered.length === 0) {
    await change.finish({ status: responseStatus, outcome: 'applied', after: result, error: null, warnings: verification.warnings });
    return { status: 'applied', ...base };
  }
  const offerPut = preview.method === 'PATCH' ? putOffer(client, preview, result, verification) : null;
  await change.finish({ status: responseStatus, outcome: 'partially-applied', after: result, error: null, warnings: verification.warnings });
  return { status: 'partially-applied', ...base, ignored: verification.ignored, altered: verification.altered, offerPut };
}

/** The PUT fallback offered after a partial PATCH: send it like any preview. */
export async function sendReplace(client: ScimClient, preview: EditPreview, options: SendOptions): Promise<SendOutcome> {
  if (checkEditPreview(preview).method !== 'PUT') {
    throw new InspectorError('invalid-input', 'sendReplace sends the PUT preview offered after a partial PATCH (offerPut) or made with method PUT; this preview is a PATCH — use sendEdit.');
  }
  return sendEdit(client, preview, options);
}

function checkSendable(client: ScimClient, preview: EditPreview): void {
  if (preview.empty) throw new InspectorError('invalid-input', 'The edit changes nothing, so nothing was sent.');
  const expected = describeRequest({ baseUrl: client.baseUrl, kind: preview.kind, id: preview.id, method: preview.method, body: {} }).url;
  if (preview.request.url !== expected) {
    throw new InspectorError('invalid-input', `This preview was made for ${preview.request.url}, not for this connection (${expected}); preview the edit again on this connection. Nothing was sent.`, {
      previewUrl: preview.request.url,
    });
  }
}

async function failed(client: ScimClient, preview: EditPreview, change: OpenedChange, error: unknown, options: SendOptions): Promise<SendOutcome> {
  const cause = toAppError(error);
  const status = typeof cause.details?.status === 'number' ? cause.details.status : null;
  const journalError = { code: cause.code, message: cause.message };
  if (cause.code === 'precondition-failed') {
    await change.finish({ status: 412, outcome: 'precondition-failed', after: null, error: journalError, warnings: [] });
    return rebase(client, preview, await client.get(preview.kind, preview.id, { signal: options.signal }), change.changeId, options);
  }
  if (cause.code === 'conflict' && error instanceof InspectorError) {
    const explained = await explainEditConflict(client, preview, error, options.signal);
    await change.finish({ status, outcome: 'conflict', after: null, error: { code: explained.code, message: explained.message }, warnings: [] });
    throw explained;
  }
  const noun = preview.kind === 'Users' ? 'user' : 'group';
  if (neverSent(cause)) {
    await change.finish({ status: null, outcome: 'not-sent', after: null, error: journalError, warnings: [] });
    throw notSentError(preview.method, `the ${noun} is as it was. Send it again when you want the change`, change.changeId);
  }
  if (mayHaveLanded(cause)) {
    // The request may have reached the server before the connection failed; a write is never
    // retried blindly, so the admin is told to look instead of being told it failed.
    await change.finish({ status, outcome: 'unknown', after: null, error: journalError, warnings: [] });
    throw new InspectorError(cause.code, `${cause.message} The ${preview.method} may or may not have been applied: reload the ${noun} to see before trying again.`, {
      ...cause.details,
      sent: 'unknown',
      changeId: change.changeId,
    });
  }
  const refused = cause.code.startsWith('refused-');
  await change.finish({ status, outcome: refused ? 'refused' : 'failed', after: null, error: journalError, warnings: [] });
  if (cause.code === 'not-supported') throw await notSupported(client, preview, cause, options.signal);
  throw error;
}

/**
 * A 501/405: the server does not implement this form of the change. The error names the forms it
 * may implement instead, each as a preview to confirm (details.alternatives), or why none is offered.
 */
async function notSupported(client: ScimClient, preview: EditPreview, cause: AppError, signal?: AbortSignal): Promise<InspectorError> {
  const { alternatives, notes } = await alternativesFor(client, preview, signal);
  const offered = alternatives.length > 0 ? ` Forms this server may accept instead, each to preview and confirm: ${alternatives.map((a) => a.label).join('; ')}.` : ' No other form of this change is offered.';
  return new InspectorError('not-supported', `${cause.message}${offered}${notes.length > 0 ? ` ${notes.join(' ')}` : ''}`, { ...cause.details, alternatives, sent: false });
}

/** The resource changed: show what changed meanwhile and carry the edit onto the fresh resource. */
async function rebase(client: ScimClient, preview: EditPreview, fresh: ScimResource, changeId: string | null, options: SendOptions): Promise<SendOutcome> {
  const rebased = rebaseEdit(preview.before, preview.intent.edited, fresh);
  const target = targetOf(preview, client.baseUrl);
  let newPreview: EditPreview;
  if (preview.method === 'PUT') {
    newPreview = replacePreview(target, fresh, { edited: rebased.edited, operations: null }, fresh);
  } else {
    newPreview = (preview.intent.operations && asWritten(target, fresh, preview.intent.operations)) || planPreview(target, fresh, { edited: rebased.edited });
  }
  return {
    status: 'conflict',
    preview,
    responseStatus: changeId === null ? null : 412,
    fresh,
    changedMeanwhile: rebased.changedMeanwhile,
    conflicts: rebased.conflicts,
    newPreview,
    journal: options.journal,
    changeId,
  };
}

/** Hand-written operations are kept as written when they still apply to the fresh resource. */
function asWritten(target: EditTarget, fresh: ScimResource, operations: PatchOperation[]): EditPreview | null {
  try {
    return planPreview(target, fresh, { operations });
  } catch (error) {
    // An operation that no longer applies (the item it removes is gone) is not an error here:
    // the edit is then rebuilt as a diff on the fresh resource instead.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: planPreview throws nothing but invalid-input; the rethrow is for a programming error
    if (error instanceof InspectorError && error.code === 'invalid-input') return null;
    throw error;
  }
}

function putOffer(client: ScimClient, preview: EditPreview, fresh: ScimResource, verification: EditVerification): EditPreview | null {
  try {
    const offer = replacePreview(targetOf(preview, client.baseUrl), fresh, preview.intent, preview.before);
    return offer.empty ? null : offer;
  } catch (error) {
    // The partial write stands either way; say why no PUT is offered instead of failing the send.
    verification.warnings.push(`No PUT can be offered: ${toAppError(error).message}`);
    return null;
  }
}

/**
 * The write's HTTP status as the request log recorded it (the client returns only the resource):
 * called as soon as the write returned, so its own entry is the newest of its method and path.
 */
function writeStatus(client: ScimClient, preview: EditPreview): number | null {
  const path = `/${preview.kind}/${encodeURIComponent(preview.id)}`;
  const entry = client.transport.log
    .entries()
    .filter((e) => e.method === preview.method && new URL(e.url).pathname.endsWith(path))
    .pop();
  // Stryker disable next-line OptionalChaining: the write that just returned always has its entry in the log
  return entry?.status ?? null;
}

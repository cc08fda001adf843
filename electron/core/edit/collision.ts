// A 409 (or 400 uniqueness) answer to an edit says only "conflict"; the admin needs to know which
// value collides and with whom. The patch core's explainConflict finds the other resource by `eq`
// filter on the unique values the write changed; this turns its answer into the error thrown.

import { InspectorError } from '../../../shared/errors';
import type { EditPreview } from '../../../shared/edit';
import { explainConflict as findCollisions, type ConflictCandidate, type ConflictExplanation } from '../patch';
import type { ScimClient } from '../scim/types';

export type Collision = ConflictCandidate;

/** The client's conflict error, restated with the colliding attribute and the other resource. */
export async function explainEditConflict(client: ScimClient, preview: EditPreview, error: InspectorError, signal?: AbortSignal): Promise<InspectorError> {
  let explanation: ConflictExplanation;
  try {
    explanation = await findCollisions(client, preview.kind, preview.before, preview.after, signal);
  } catch (lookup) {
    // The explanation is a courtesy on top of the server's own answer: a lookup that fails is
    // reported in the message and details, and the conflict is still what is thrown.
    // Stryker disable next-line ConditionalExpression: the client throws only Error objects; String() covers anything else
    const lookupError = lookup instanceof Error ? lookup.message : String(lookup);
    return new InspectorError('conflict', `${error.message} Looking up who holds the value failed: ${lookupError} Nothing was changed.`, {
      ...error.details,
      collision: null,
      candidates: [],
      lookupError,
    });
  }
  const first = explanation.candidates[0] ?? null;
  const noun = preview.kind === 'Users' ? 'user' : 'group';
  const message = first
    ? `${explanation.message} Each ${noun} needs its own ${first.attribute}: choose another value, or change that ${noun} first. Nothing was changed.`
    : `${error.message} ${explanation.message} Nothing was changed.`;
  return new InspectorError('conflict', message, { ...error.details, collision: first, candidates: explanation.candidates });
}

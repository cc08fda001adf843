// A 409 (or 400 uniqueness) answer to an edit says only "conflict"; the admin needs to know which
// value collides and with whom. The unique attributes the edit sets are looked up by `eq` filter
// (the forms every emulated vendor supports) and the first other resource holding one is named.

import { InspectorError } from '../../../shared/errors';
import type { EditPreview } from '../../../shared/edit';
import type { ResourceKind, ScimResource } from '../../../shared/scim';
import type { ScimClient } from '../scim/types';

const UNIQUE_ATTRIBUTES: Record<ResourceKind, readonly string[]> = {
  Users: ['userName', 'externalId'],
  Groups: ['displayName', 'externalId'],
};

export interface Collision {
  attribute: string;
  value: string;
  /** The other resource holding the value; null when the lookup found none. */
  other: { id: string; label: string } | null;
}

/** Turns the client's conflict error into one that names the colliding attribute and resource. */
export async function explainConflict(client: ScimClient, preview: EditPreview, error: InspectorError, signal?: AbortSignal): Promise<InspectorError> {
  const candidates = changedUniqueValues(preview);
  let lookupError: string | null = null;
  let found: Collision | null = null;
  for (const { attribute, value } of candidates) {
    try {
      const other = await findOther(client, preview.kind, preview.id, attribute, value, signal);
      if (other) {
        found = { attribute, value, other };
        break;
      }
    } catch (lookup) {
      // The explanation is a courtesy on top of the server's own answer: a lookup that fails is
      // reported in the message and details, and the conflict error is still what is thrown.
      lookupError = lookup instanceof Error ? lookup.message : String(lookup);
    }
  }
  const noun = preview.kind === 'Users' ? 'user' : 'group';
  let message: string;
  let collision: Collision | null = found;
  if (found?.other) {
    message = `The ${found.attribute} "${found.value}" is already used by another ${noun}, ${found.other.label} (id ${found.other.id}); each ${noun} needs its own. Choose another value, or change that ${noun} first. Nothing was changed.`;
  } else if (candidates.length === 1 && candidates[0]) {
    collision = { ...candidates[0], other: null };
    message = `The server refused the edit as a conflict: the ${candidates[0].attribute} "${candidates[0].value}" is probably used by another ${noun}, but a lookup did not find it${lookupError ? ` (${lookupError})` : ''}. Choose another value. Nothing was changed.`;
  } else {
    message = `${error.message} The edit sets no unique value another ${noun} was found holding${lookupError ? ` (lookup failed: ${lookupError})` : ''}. Nothing was changed.`;
  }
  return new InspectorError('conflict', message, { ...error.details, collision, ...(lookupError ? { lookupError } : {}) });
}

/** Unique attributes whose value the edit sets or changes (only those can newly collide). */
function changedUniqueValues(preview: EditPreview): { attribute: string; value: string }[] {
  const out: { attribute: string; value: string }[] = [];
  for (const attribute of UNIQUE_ATTRIBUTES[preview.kind]) {
    const after = valueOf(preview.after, attribute);
    const before = valueOf(preview.before, attribute);
    if (typeof after === 'string' && after !== '' && after !== before) out.push({ attribute, value: after });
  }
  return out;
}

function valueOf(resource: ScimResource, attribute: string): unknown {
  const key = Object.keys(resource).find((k) => k.toLowerCase() === attribute.toLowerCase());
  return key === undefined ? undefined : resource[key];
}

async function findOther(client: ScimClient, kind: ResourceKind, selfId: string, attribute: string, value: string, signal?: AbortSignal): Promise<{ id: string; label: string } | null> {
  const filter = `${attribute} eq "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const outcome = await client.list(kind, { filter, limit: 10, ...(signal ? { signal } : {}) });
  const other = outcome.Resources.find((r) => r.id !== selfId);
  if (!other) return null;
  const label = [other.userName, other.displayName, other.externalId].find((v): v is string => typeof v === 'string' && v !== '') ?? other.id;
  return { id: other.id, label: `"${label}"` };
}

// 409 (uniqueness) after a write: say which attribute collides and with which resource, found by
// an `eq` filter on each unique attribute the edit changed. The listing engine verifies filters
// locally, so this also holds on services that ignore filters (Mittr).

import type { ResourceKind, ScimResource } from '../../../shared/scim';
import { buildFilter } from '../scim/filter';
import type { ScimClient } from '../scim/types';
import { isPlainObject, jsonEqual } from './json';

export interface ConflictCandidate {
  /** The attribute whose value another resource already has. */
  attribute: string;
  value: string;
  /** The other resource: its id, a name to show, and where to open it. */
  other: { id: string; label: string; location: string };
}

export interface ConflictExplanation {
  candidates: ConflictCandidate[];
  /** One sentence per collision, or a note that none was found. */
  message: string;
}

/** Attributes RFC 7643 marks unique (userName; displayName on many services) plus externalId. */
const UNIQUE: Record<ResourceKind, readonly string[]> = { Users: ['userName', 'externalId', 'emails'], Groups: ['displayName', 'externalId'] };
const MAX_PER_ATTRIBUTE = 5;

export async function explainConflict(client: ScimClient, kind: ResourceKind, before: ScimResource, edited: ScimResource, signal?: AbortSignal): Promise<ConflictExplanation> {
  const candidates: ConflictCandidate[] = [];
  for (const attribute of UNIQUE[kind]) {
    for (const value of changedValues(attribute, before[attribute], edited[attribute])) {
      const filterAttribute = attribute === 'emails' ? 'emails.value' : attribute;
      const outcome = await client.list(kind, { filter: buildFilter([{ attribute: filterAttribute, operator: 'eq', value }]), limit: MAX_PER_ATTRIBUTE + 1, ...(signal ? { signal } : {}) });
      for (const other of outcome.Resources) {
        if (other.id === edited.id) continue;
        candidates.push({ attribute, value, other: { id: other.id, label: labelOf(other), location: other.meta?.location ?? `${client.baseUrl.replace(/\/+$/, '')}/${kind}/${encodeURIComponent(other.id)}` } });
      }
    }
  }
  const message = candidates.length > 0
    ? candidates.map((c) => `${c.attribute} "${c.value}" is already used by ${kind === 'Users' ? 'user' : 'group'} ${c.other.label} (id ${c.other.id}).`).join(' ')
    : 'No other resource with the changed unique values was found; the service may enforce uniqueness on something it does not expose (or case-insensitively). Check its admin console.';
  return { candidates, message };
}

function changedValues(attribute: string, before: unknown, after: unknown): string[] {
  if (attribute !== 'emails') return typeof after === 'string' && after !== '' && !jsonEqual(before, after) ? [after] : [];
  const values = (list: unknown) => (Array.isArray(list) ? list.filter(isPlainObject).map((e) => e.value).filter((v): v is string => typeof v === 'string' && v !== '') : []);
  const old = new Set(values(before).map((v) => v.toLowerCase()));
  return values(after).filter((v) => !old.has(v.toLowerCase()));
}

function labelOf(resource: ScimResource): string {
  for (const key of ['userName', 'displayName', 'externalId']) {
    const value = resource[key];
    if (typeof value === 'string' && value !== '') return `"${value}"`;
  }
  return resource.id;
}

// Channels of resolution: values an admin typed or pasted → exactly one user or group each, with
// how it was proven (the server's filter, or the session's verified-complete listing and its age).
// For the member picker and any view that names people by userName/email. Each entry:
// 'feature.method': channel<Response>()(parse). Implementations in electron/core/app/features/resolve.ts.

import type { ChannelDef } from '../channel-def';
import { channel } from '../channel-def';
import { oneOf, record, requiredString } from '../channel-guards';
import { InspectorError } from '../errors';
import { MATCH_FIELDS, type ListingInfo, type MatchField, type ResolveOutcome } from '../resolve';
import type { ResourceKind } from '../scim';

const KINDS = ['Users', 'Groups'] as const;
const MAX_VALUES = 200_000;
const OPERATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

function values(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_VALUES || !value.every((v) => typeof v === 'string' && v.length <= 2048)) {
    throw new InspectorError('invalid-input', `The request field "values" must be a list of 1 to ${MAX_VALUES} strings.`, { field: 'values' });
  }
  return value as string[];
}

function fields(value: unknown): MatchField[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => (MATCH_FIELDS as readonly unknown[]).includes(v))) {
    throw new InspectorError('invalid-input', `The request field "fields" must be a non-empty list of ${MATCH_FIELDS.join(', ')}.`, { field: 'fields' });
  }
  return value as MatchField[];
}

/** What the session holds per kind: its verified-complete listing (size and time), or null. */
export interface HeldListings {
  Users: ListingInfo | null;
  Groups: ListingInfo | null;
}

export const RESOLVE_CHANNELS = {
  /**
   * Resolves each value to one resource (status found / not-found / ambiguous / unverified, with
   * resolvedBy and the listing used). refresh: take a fresh listing first. serverFilterOnly: never
   * list (an empty server answer is then an unproven not-found). operationId: cancellable.
   */
  'resolve.values': channel<ResolveOutcome>()((input) => {
    const r = record(input, 'resolve.values');
    return {
      profileId: requiredString(r.profileId, 'profileId'),
      kind: oneOf(r.kind, KINDS, 'kind') ?? ('Users' as ResourceKind),
      values: values(r.values),
      fields: fields(r.fields),
      refresh: r.refresh === true,
      serverFilterOnly: r.serverFilterOnly === true,
      operationId: r.operationId === undefined ? undefined : requiredString(r.operationId, 'operationId', OPERATION_ID),
    };
  }),
  /** The listings this session holds (their size and when they were taken). */
  'resolve.listings': channel<HeldListings>()((input) => {
    const r = record(input, 'resolve.listings');
    return { profileId: requiredString(r.profileId, 'profileId') };
  }),
  /** Takes a fresh verified-complete listing of `kind` now (incomplete-listing when it cannot be had). */
  'resolve.refresh': channel<ListingInfo>()((input) => {
    const r = record(input, 'resolve.refresh');
    return {
      profileId: requiredString(r.profileId, 'profileId'),
      kind: oneOf(r.kind, KINDS, 'kind') ?? ('Users' as ResourceKind),
      operationId: r.operationId === undefined ? undefined : requiredString(r.operationId, 'operationId', OPERATION_ID),
    };
  }),
} satisfies Record<string, ChannelDef<unknown, unknown>>;

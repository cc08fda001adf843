// Channels of the tenant explorer: filter validation/building, single resources, capabilities per
// endpoint and curl for a logged call. Each entry: 'feature.method': channel<Response>()(parse).
// Spread into CHANNELS in shared/channels.ts; implementations in electron/core/app/features/explorer.ts.

import type { ChannelDef } from '../channel-def';
import { channel } from '../channel-def';
import { oneOf, optionalString, record, requiredEntryId, requiredString } from '../channel-guards';
import { InspectorError } from '../errors';
import type { ObservedFacts } from '../observed';
import type { Capabilities, ResourceKind, ScimResource } from '../scim';

export const FILTER_OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le', 'pr'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** One row of the filter builder. Values are text; the core types true/false/null/numbers. */
export interface FilterClauseInput {
  attribute: string;
  operator: FilterOperator;
  value: string;
  join: 'and' | 'or';
  not: boolean;
}

export type FilterCheck =
  | { valid: true; text: string }
  | { valid: false; message: string; position: number; clause: number | null };

export interface EndpointCapability {
  name: string;
  endpoint: string;
  schema: string;
  extensions: { schema: string; required: boolean }[];
}

export interface CapabilitiesView {
  profileId: string;
  baseUrl: string;
  capabilities: Capabilities;
  roundTripMs: number;
  warnings: string[];
  endpoints: EndpointCapability[];
  schemaIds: string[];
  serviceProviderConfig: boolean;
  /** What the behaviour probe saw this server do (Test connection or "Probe" records it); null: never probed. */
  observed: ObservedFacts | null;
}

const KINDS = ['Users', 'Groups'] as const;
const MAX_CLAUSES = 50;

function clausesOf(value: unknown): FilterClauseInput[] {
  if (!Array.isArray(value) || value.length > MAX_CLAUSES) {
    throw new InspectorError('invalid-input', `The request field "clauses" must be a list of at most ${MAX_CLAUSES} conditions.`, { field: 'clauses' });
  }
  return value.map((c, i) => {
    const r = record(c, `explorer.validateFilter clause ${i + 1}`);
    return {
      attribute: typeof r.attribute === 'string' ? r.attribute.slice(0, 512) : '',
      operator: oneOf(r.operator, FILTER_OPERATORS, 'operator') ?? 'eq',
      value: typeof r.value === 'string' ? r.value.slice(0, 4096) : '',
      join: oneOf(r.join, ['and', 'or'] as const, 'join') ?? 'and',
      not: r.not === true,
    };
  });
}

export const EXPLORER_CHANNELS = {
  /** Checks filter text (with the error position) or builds it from builder rows; sends nothing. */
  'explorer.validateFilter': channel<FilterCheck>()((input) => {
    const r = record(input, 'explorer.validateFilter');
    if (r.clauses !== undefined) return { clauses: clausesOf(r.clauses), text: undefined };
    return { clauses: undefined, text: optionalString(r.text, 'text') ?? '' };
  }),
  /** One user or group, fresh from the server (detail pane, dangling-member checks). */
  'explorer.get': channel<ScimResource>()((input) => {
    const r = record(input, 'explorer.get');
    return {
      profileId: requiredString(r.profileId, 'profileId'),
      kind: oneOf(r.kind, KINDS, 'kind') ?? ('Users' as ResourceKind),
      id: requiredString(r.id, 'id'),
    };
  }),
  /** What discovery found, per endpoint, with its warnings. */
  'explorer.capabilities': channel<CapabilitiesView>()((input) => {
    const r = record(input, 'explorer.capabilities');
    return { profileId: requiredString(r.profileId, 'profileId') };
  }),
  /** Runs the read-only behaviour probe now and records its facts in the profile (and session). */
  'explorer.probe': channel<ObservedFacts>()((input) => {
    const r = record(input, 'explorer.probe');
    return { profileId: requiredString(r.profileId, 'profileId') };
  }),
  /** A logged call as a curl command that reads $SCIM_TOKEN (the token itself never leaves main). */
  'explorer.curl': channel<{ command: string }>()((input) => {
    const r = record(input, 'explorer.curl');
    return { profileId: requiredString(r.profileId, 'profileId'), entryId: requiredEntryId(r.entryId) };
  }),
} satisfies Record<string, ChannelDef<unknown, unknown>>;

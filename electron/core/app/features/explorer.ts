// The core functions behind shared/channels/explorer.ts, one per channel (plain Node, no electron).

import { probeServer } from '../../probe/index';
import { recordObserved } from './profiles';
import type { CapabilitiesView, EndpointCapability, FilterCheck, FilterClauseInput } from '../../../../shared/channels/explorer';
import type { EXPLORER_CHANNELS } from '../../../../shared/channels/explorer';
import { InspectorError } from '../../../../shared/errors';
import { buildFilter, validateFilter, type FilterClause, type FilterValue } from '../../scim/filter';
import type { FunctionsFor } from '../functions';

/**
 * Builder values arrive as text. true/false/null become literals (active eq true) because that is
 * what an admin typing them means; anything in double quotes, and everything else, stays a string
 * (ids and externalIds look numeric but are strings in SCIM).
 */
function typedValue(text: string): FilterValue {
  const t = text.trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t === 'null') return null;
  const quoted = /^"(.*)"$/s.exec(t);
  return quoted ? (quoted[1] ?? '') : t;
}

function toClause(input: FilterClauseInput): FilterClause {
  const clause: FilterClause = { attribute: input.attribute, operator: input.operator, join: input.join, not: input.not };
  if (input.operator !== 'pr') clause.value = typedValue(input.value);
  return clause;
}

function checkClauses(clauses: FilterClauseInput[]): FilterCheck {
  try {
    return { valid: true, text: buildFilter(clauses.map(toClause)) };
  } catch (error) {
    if (error instanceof InspectorError && error.code === 'invalid-filter') {
      const clause = typeof error.details?.clause === 'number' ? error.details.clause : null;
      const position = typeof error.details?.position === 'number' ? error.details.position : 0;
      return { valid: false, message: error.message, position, clause };
    }
    throw error;
  }
}

function checkText(text: string): FilterCheck {
  if (text.trim() === '') return { valid: false, message: 'Type a filter, e.g. userName sw "a" and active eq true.', position: 0, clause: null };
  const result = validateFilter(text);
  return result.valid ? { valid: true, text: result.normalized } : { valid: false, message: result.message, position: result.position, clause: null };
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function endpointOf(resourceType: Record<string, unknown>): EndpointCapability {
  const ext = Array.isArray(resourceType.schemaExtensions) ? resourceType.schemaExtensions : [];
  return {
    name: str(resourceType.name) || str(resourceType.id) || '?',
    endpoint: str(resourceType.endpoint),
    schema: str(resourceType.schema),
    extensions: ext
      .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
      .map((e) => ({ schema: str(e.schema), required: e.required === true })),
  };
}

export const explorerFunctions: FunctionsFor<typeof EXPLORER_CHANNELS> = {
  'explorer.validateFilter': async (_ctx, { clauses, text }) => (clauses ? checkClauses(clauses) : checkText(text ?? '')),
  'explorer.get': async (ctx, { profileId, kind, id }) => (await ctx.sessions.session(profileId)).client.get(kind, id),
  'explorer.capabilities': async (ctx, { profileId }): Promise<CapabilitiesView> => {
    const session = await ctx.sessions.session(profileId);
    const result = await session.client.discover();
    session.discovered = true;
    return {
      profileId,
      baseUrl: result.baseUrl,
      capabilities: result.capabilities,
      roundTripMs: result.roundTripMs,
      warnings: result.warnings,
      endpoints: result.resourceTypes.map(endpointOf),
      schemaIds: result.schemas.map((s) => str(s.id)).filter((s) => s !== ''),
      serviceProviderConfig: result.serviceProviderConfig !== null,
      observed: session.client.observed,
    };
  },
  'explorer.probe': async (ctx, { profileId }) => {
    const session = await ctx.sessions.discoveredSession(profileId);
    const facts = await probeServer(session.client);
    recordObserved(ctx, profileId, facts);
    return facts;
  },
  'explorer.curl': async (ctx, { profileId, entryId }) => ({
    command: (await ctx.sessions.session(profileId)).client.transport.log.toCurl(entryId, 'SCIM_TOKEN'),
  }),
};

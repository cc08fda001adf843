// discover(): which base URL answers SCIM, what the server says it supports, and what it really
// does. Every discovery endpoint is optional (404, 401 and HTML answers all happen in the wild):
// their failures become warnings, and /Users?count=1 is always probed because discovery
// endpoints are often public while the token is what the admin needs checked.
//
// Base URL: the transport is bound to one base. Candidates (as given, +/scim/v2, +/v2 ...) are
// probed with a per-request baseUrl on the same origin; when another candidate is the one that
// answers, discover() re-binds the transport with setBaseUrl() and reports it in `baseUrl` (and a
// warning), so every later call — and a profile that saves `baseUrl` — uses the working one.

import { InspectorError } from '../../../shared/errors';
import type { DiscoveryResult } from '../../../shared/scim';
import { candidateBaseUrls } from './base-url';
import {
  capabilitiesFrom,
  isRecord,
  listOfRecords,
  looksLikeListResponse,
  looksLikeServiceProviderConfig,
  resourcesSeen,
  resourceTypesHaveGroups,
} from './discovery-capabilities';
import type { Transport } from './types';

type Answer = { ok: true; body: unknown } | { ok: false; error: InspectorError };

/** Failures that say "not here / not SCIM / not allowed", as opposed to "cannot reach the host". */
const SOFT_FAILURES = new Set(['not-found', 'unauthorized', 'forbidden', 'not-scim', 'bad-response', 'invalid-input', 'server-error', 'not-supported']);

async function tryGet(transport: Transport, baseUrl: string, path: string, signal: AbortSignal | undefined, query?: Record<string, number>): Promise<Answer> {
  try {
    const res = await transport.request({ method: 'GET', path, baseUrl, signal, idempotent: true, ...(query ? { query } : {}) });
    return { ok: true, body: res.body };
  } catch (error) {
    if (error instanceof InspectorError && SOFT_FAILURES.has(error.code)) return { ok: false, error };
    throw error;
  }
}

function why(answer: Answer): string {
  if (answer.ok) return 'an answer that is not SCIM';
  const status = answer.error.details?.status;
  if (answer.error.code === 'not-scim') return 'a page that is not SCIM (HTML or text)';
  if (answer.error.code === 'not-found') return 'nothing (404)';
  if (answer.error.code === 'unauthorized') return '401 Unauthorized';
  if (answer.error.code === 'forbidden') return '403 Forbidden';
  return typeof status === 'number' ? `HTTP ${status}` : answer.error.code;
}

interface Found {
  baseUrl: string;
  spcAnswer: Answer;
  usersAnswer: Answer | null;
}

/** The first candidate base URL where ServiceProviderConfig or /Users answers like SCIM. */
async function findBase(transport: Transport, signal: AbortSignal | undefined): Promise<Found> {
  const given = transport.baseUrl;
  const candidates = candidateBaseUrls(given);
  let authFailure: InspectorError | null = null;
  for (const base of candidates) {
    const spcAnswer = await tryGet(transport, base, '/ServiceProviderConfig', signal);
    if (spcAnswer.ok && looksLikeServiceProviderConfig(spcAnswer.body)) return { baseUrl: base, spcAnswer, usersAnswer: null };
    const usersAnswer = await tryGet(transport, base, '/Users', signal, { count: 1 });
    if (usersAnswer.ok && looksLikeListResponse(usersAnswer.body)) return { baseUrl: base, spcAnswer, usersAnswer };
    if (!usersAnswer.ok && (usersAnswer.error.code === 'unauthorized' || usersAnswer.error.code === 'forbidden')) {
      // /Users exists but refuses the token: almost certainly the right base with a bad token.
      authFailure ??= usersAnswer.error;
      if (base === given) throw usersAnswer.error;
    }
  }
  if (authFailure) throw authFailure;
  throw new InspectorError(
    'not-scim',
    `${given} answers nothing SCIM-like: /ServiceProviderConfig and /Users gave no SCIM answer there or at ${candidates.slice(1).join(', ') || 'any variant'}. Check the base URL in the service's admin console; it usually ends in /scim/v2.`,
    { baseUrl: given, tried: candidates },
  );
}

/** Fetches discovery documents and probes; see the file comment for the base URL contract. */
export async function discover(transport: Transport, signal?: AbortSignal): Promise<DiscoveryResult> {
  const started = performance.now();
  const warnings: string[] = [];
  const given = transport.baseUrl;
  const found = await findBase(transport, signal);
  if (found.baseUrl !== given) {
    transport.setBaseUrl(found.baseUrl);
    warnings.push(`SCIM answers at ${found.baseUrl}, not ${given}; using ${found.baseUrl}.`);
  }
  const base = found.baseUrl;
  const [resourceTypesAnswer, schemasAnswer, usersAnswer] = await Promise.all([
    tryGet(transport, base, '/ResourceTypes', signal),
    tryGet(transport, base, '/Schemas', signal),
    found.usersAnswer ? Promise.resolve(found.usersAnswer) : tryGet(transport, base, '/Users', signal, { count: 1 }),
  ]);
  if (!usersAnswer.ok) {
    // Discovery answered but listing users does not: the token or the plan is the problem.
    throw usersAnswer.error;
  }
  if (!looksLikeListResponse(usersAnswer.body)) {
    throw new InspectorError('not-scim', `${base}/Users did not answer with a SCIM ListResponse, so users cannot be listed there. Check the base URL.`, { baseUrl: base });
  }

  const spc = found.spcAnswer.ok && looksLikeServiceProviderConfig(found.spcAnswer.body) && isRecord(found.spcAnswer.body) ? found.spcAnswer.body : null;
  if (!spc) {
    warnings.push(`/ServiceProviderConfig answered ${why(found.spcAnswer)}; capabilities were worked out by probing /Users and /Groups.`);
  }
  const resourceTypes = resourceTypesAnswer.ok ? listOfRecords(resourceTypesAnswer.body) : null;
  if (!resourceTypes) warnings.push(`/ResourceTypes answered ${why(resourceTypesAnswer)}; whether the server has groups was probed instead.`);
  const schemas = schemasAnswer.ok ? listOfRecords(schemasAnswer.body) : null;
  if (!schemas) warnings.push(`/Schemas answered ${why(schemasAnswer)}; attributes are shown as the server sends them.`);

  let groups: boolean;
  if (resourceTypes && resourceTypes.length > 0) {
    groups = resourceTypesHaveGroups(resourceTypes);
  } else {
    const groupsAnswer = await tryGet(transport, base, '/Groups', signal, { count: 1 });
    groups = groupsAnswer.ok && looksLikeListResponse(groupsAnswer.body);
    if (!groups) warnings.push(`/Groups answered ${why(groupsAnswer)}; this tenant has no groups over SCIM.`);
  }

  const { capabilities, assumed } = capabilitiesFrom({ spc, usersProbe: usersAnswer.body, groups });
  if (assumed.length > 0 && spc) warnings.push(`ServiceProviderConfig does not say whether these are supported, so assumed: ${assumed.join(', ')}.`);
  else if (assumed.length > 0) warnings.push(`Without a ServiceProviderConfig these were assumed: ${assumed.join(', ')}; a filter the server ignores is still detected.`);
  return {
    baseUrl: base,
    serviceProviderConfig: spc,
    resourceTypes: resourceTypes ?? [],
    schemas: schemas ?? [],
    capabilities,
    warnings,
    roundTripMs: Math.round(performance.now() - started),
    usersSeen: resourcesSeen(usersAnswer.body),
  };
}

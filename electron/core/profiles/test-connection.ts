// "Test connection": discovery with the profile's token, reduced to what the first screen shows —
// the capability table, the round-trip time and every warning. Failures are part of the result
// (the screen shows them), never thrown, and never contain the token.

import { InspectorError, toAppError, type AppError } from '../../../shared/errors';
import type { ObservedFacts } from '../../../shared/observed';
import type { Capabilities } from '../../../shared/scim';
import type { ConnectionDetails } from '../../../shared/channels/profiles';
import { probeServer } from '../probe/index';
import { createScimClient } from '../scim/client';
import type { ConnectionOptions, ScimClient } from '../scim/types';
import type { TokenTest, Vault } from '../vault';
import { connectionOptionsFor, keychainSources } from './connection';
import type { Profile, SecretKind } from './types';

export interface CapabilityRow {
  key: keyof Capabilities;
  label: string;
  /** Display value: "yes" / "no", the paging kind, or the max page size ("not stated"). */
  value: string;
}

export interface TestConnectionResult {
  ok: boolean;
  /** Null when discovery did not get far enough to know. */
  capabilities: Capabilities | null;
  table: CapabilityRow[];
  roundTripMs: number;
  warnings: string[];
  /** The normalised base URL discovery settled on. */
  baseUrl: string | null;
  error?: AppError;
  /** The scheme, proxy and CAs the test used (OAuth: the token's lifetime and scopes). */
  connection?: ConnectionDetails | null;
  /** What the behaviour probe saw (with probe: true and a connection that worked); else null. */
  observed: ObservedFacts | null;
}

export interface TestConnectionDeps {
  /** Default createScimClient; a host may pass one that records the request log. */
  createClient?: (options: ConnectionOptions) => ScimClient | Promise<ScimClient>;
  /** Monotonic clock in ms (default performance.now). */
  now?: () => number;
}

export interface TestConnectionOptions {
  /** Test this token instead of the stored one (token rotation tries the candidate first). */
  token?: string;
  signal?: AbortSignal;
  /** Overall bound on the test (default 30 s): the admin is waiting on this screen. */
  timeoutMs?: number;
  /** Also run the read-only behaviour probe after discovery (Test connection, `profiles test`). */
  probe?: boolean;
}

const yesNo = (v: boolean): string => (v ? 'yes' : 'no');

export function capabilityTable(c: Capabilities): CapabilityRow[] {
  return [
    { key: 'groups', label: 'Groups', value: yesNo(c.groups) },
    { key: 'patch', label: 'PATCH', value: yesNo(c.patch) },
    { key: 'etag', label: 'ETags', value: yesNo(c.etag) },
    { key: 'filter', label: 'Filtering', value: yesNo(c.filter) },
    { key: 'sort', label: 'Sorting', value: yesNo(c.sort) },
    { key: 'pagination', label: 'Paging', value: c.pagination },
    { key: 'maxPageSize', label: 'Max page size', value: c.maxPageSize === null ? 'not stated' : String(c.maxPageSize) },
    { key: 'bulk', label: 'Bulk', value: yesNo(c.bulk) },
  ];
}

export async function testConnection(profile: Profile, vault: Vault, deps: TestConnectionDeps = {}, options: TestConnectionOptions = {}): Promise<TestConnectionResult> {
  const createClient = deps.createClient ?? createScimClient;
  const now = deps.now ?? (() => performance.now());
  const candidate = options.token;
  const keychain = keychainSources(profile, vault);
  // A candidate token (rotation) stands in for the stored one; every other secret is the stored one.
  const sources = candidate === undefined ? keychain : { ...keychain, required: (kind: SecretKind) => (kind === 'token' ? () => candidate : keychain.required(kind)) };
  const connection: ConnectionOptions = connectionOptionsFor(profile, vault, {}, sources);
  const started = now();
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let client: ScimClient | null = null;
  let result: TestConnectionResult;
  try {
    client = await createClient(connection);
    const discovery = await client.discover(signal);
    result = {
      ok: true,
      capabilities: discovery.capabilities,
      table: capabilityTable(discovery.capabilities),
      roundTripMs: Math.round(discovery.roundTripMs),
      warnings: [...discovery.warnings],
      baseUrl: discovery.baseUrl,
      observed: null,
    };
    if (options.probe) {
      try {
        result.observed = await probeServer(client, { discovery, signal });
      } catch (error) {
        // Discovery answered, so the connection works; a probe that could not finish is a warning.
        result.warnings.push(`The behaviour probe could not finish: ${toAppError(error).message}`);
      }
    }
  } catch (error) {
    const appError: AppError =
      timeout.aborted && !options.signal?.aborted
        ? { code: 'timeout', message: `The service did not finish discovery within ${Math.round((options.timeoutMs ?? 30_000) / 1000)} s; check the URL and your network, then retry.` }
        : toAppError(error);
    result = { ok: false, capabilities: null, table: [], roundTripMs: Math.round(now() - started), warnings: [], baseUrl: null, error: appError, observed: null };
  }
  if (client) {
    // A connection that will not close is worth knowing about, but it does not change the verdict.
    try {
      await client.close();
    } catch (error) {
      result.warnings.push(`Closing the test connection failed: ${toAppError(error).message}`);
    }
    result.connection = client.transport.describe();
    // The result is shown (CLI, the editor): a server's warnings or error may echo a secret.
    result = client.transport.secrets.value(result);
  }
  return result;
}

/** A TokenTest for rotation: the candidate token must pass discovery against the profile's URL. */
export function discoveryTokenTest(profile: Profile, vault: Vault, deps: TestConnectionDeps = {}): TokenTest {
  return async (candidate) => {
    const result = await testConnection(profile, vault, deps, { token: candidate });
    if (!result.ok) {
      const error = result.error ?? { code: 'internal' as const, message: 'The connection test failed.' };
      throw new InspectorError(error.code, error.message, error.details);
    }
  };
}

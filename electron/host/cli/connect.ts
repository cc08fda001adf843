// Turns the connection flags into a ScimClient — one module for every command, so --profile,
// --url/--token-env and --sandbox mean the same thing everywhere — and writes --har when done,
// also when the command failed (that is when the request log is most wanted).

import { InspectorError } from '../../../shared/errors';
import { writePrivateFile } from '../../core/io/private-files';
import { normalizeBaseUrl } from '../../core/scim/base-url';
import { parseHeaderLine, validateHeaders } from '../../core/profiles/url';
import type { ObservedFacts } from '../../../shared/observed';
import type { DiscoveryResult, ResourceKind } from '../../../shared/scim';
import type { ConnectionOptions, ScimClient } from '../../core/scim/types';
import { optInt, optList, optString, type ParsedArgs } from './args';
import { createClient, startSandbox, type RunningSandbox } from './core-bindings';
import type { Output } from './output';
import { resolveProfile } from './profile-connection';
import { authFlagGiven, authFromFlags, networkFromFlags, sourcesFrom } from './auth-flags';
import { connectionParts } from '../../core/profiles/connection-parts';

export interface Connection {
  client: ScimClient;
  /** What discovery found (null for commands that skip it, such as `discover` itself). */
  discovery: DiscoveryResult | null;
  /** Where the commands talk to, for human messages (never includes a token). */
  label: string;
  /** The profile's break-glass users, never deactivated (empty without a profile). */
  protectedUsers: string[];
  /** Saves the behaviour probe's facts in the profile (null: no saved profile to hold them). */
  recordObserved: ((facts: ObservedFacts) => void) | null;
}

// Credentials must come from --token-env or the keychain, never from argv (shell history, ps).
const REFUSED_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

/** --header "Name: value" flags, checked by the same rules as a profile's extra headers. */
export function parseHeaders(raw: readonly string[]): Record<string, string> {
  const pairs = raw.map((item) => {
    const [name, value] = parseHeaderLine(item);
    if (REFUSED_HEADERS.has(name.toLowerCase())) {
      throw new InspectorError('usage', `--header ${name} is refused: credentials are never accepted on the command line. Use --token-env VAR or a saved --profile.`, { option: 'header', header: name });
    }
    return [name, value] as const;
  });
  try {
    return validateHeaders(Object.fromEntries(pairs));
  } catch (error) {
    // Same rule, CLI words: a bad --header is a usage error (exit 2).
    if (error instanceof InspectorError) throw new InspectorError('usage', `--header: ${error.message}`, { option: 'header' });
    throw error;
  }
}

/** The client's own URL rules (https, or http only on loopback; no credentials, query or fragment). */
export function checkBaseUrl(raw: string): string {
  return normalizeBaseUrl(raw);
}

/** The tuning flags every connection shares. */
function commonOptions(args: ParsedArgs): Omit<ConnectionOptions, 'baseUrl' | 'token'> {
  const timeout = optInt(args, 'timeout');
  const headers = parseHeaders(optList(args, 'header'));
  return {
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    // --timeout bounds each phase of an attempt and, as a total budget, the time a call may spend
    // waiting to retry: a tenant failing for good fails the command in about that long.
    ...(timeout !== undefined ? { connectTimeoutMs: timeout * 1000, headersTimeoutMs: timeout * 1000, bodyTimeoutMs: timeout * 1000, retryBudgetMs: timeout * 1000 } : {}),
    ...(optInt(args, 'page-size') !== undefined ? { pageSize: optInt(args, 'page-size') } : {}),
    ...(optInt(args, 'concurrency') !== undefined ? { concurrency: optInt(args, 'concurrency') } : {}),
  };
}

const WHICH_TENANT = 'Say which tenant to talk to: --profile NAME, --url URL --token-env VAR, or --sandbox [VENDOR].';

interface Resolved {
  options: ConnectionOptions;
  label: string;
  recordObserved?: (facts: ObservedFacts) => void;
  sandbox: RunningSandbox | null;
}

async function resolve(args: ParsedArgs, env: NodeJS.ProcessEnv, out: Output): Promise<Resolved> {
  const profile = optString(args, 'profile');
  const url = optString(args, 'url');
  const tokenEnv = optString(args, 'token-env');
  const sandbox = optString(args, 'sandbox');
  const given = [profile !== undefined, url !== undefined, sandbox !== undefined].filter(Boolean).length;
  if (given === 0) throw new InspectorError('usage', WHICH_TENANT);
  if (given > 1) throw new InspectorError('usage', `Use only one of --profile, --url and --sandbox. ${WHICH_TENANT}`);
  if (tokenEnv !== undefined && url === undefined) throw new InspectorError('usage', '--token-env goes with --url URL (a profile or the sandbox brings its own token).');
  const common = commonOptions(args);

  const network = networkFromFlags(args, env);
  if (url !== undefined) {
    const baseUrl = checkBaseUrl(url);
    const auth = authFromFlags(args, env);
    const parts = connectionParts({ ...auth.settings, ...(network.proxy ? { proxy: network.proxy } : {}), ...(network.tls ? { tls: network.tls } : {}) }, sourcesFrom(new Map([...auth.sources, ...network.sources]), null));
    return { options: { ...common, baseUrl, ...parts, network: { ...parts.network, env } }, label: new URL(baseUrl).host, sandbox: null };
  }
  const authFlag = authFlagGiven(args);
  if (authFlag !== undefined) {
    throw new InspectorError('usage', `--${authFlag} goes with --url URL; ${sandbox !== undefined ? 'the sandbox brings its own token' : 'a saved profile has its own scheme (see `profiles add --help`)'}.`, { option: authFlag });
  }

  if (sandbox !== undefined) {
    out.info(`Starting the sandbox tenant (${sandbox})…`);
    const running = await startSandbox({ vendor: sandbox });
    // The in-process tenant is on loopback: an environment proxy is not for it.
    const parts = connectionParts({ proxy: network.proxy ?? { mode: 'none' }, ...(network.tls ? { tls: network.tls } : {}) }, sourcesFrom(new Map([['token', () => running.token], ...network.sources]), null));
    return { options: { ...common, baseUrl: running.url, ...parts, network: { ...parts.network, env }, vendor: sandbox }, label: `sandbox ${sandbox}`, sandbox: running };
  }

  const fromProfile = await resolveProfile(profile ?? '', env, network);
  // Flags win over the profile's settings; --header adds to the profile's headers.
  const headers = { ...fromProfile.options.headers, ...common.headers };
  // The environment proxy is the one of this process's environment (as curl reads it).
  return { options: { ...fromProfile.options, ...common, headers, network: { ...fromProfile.options.network, env } }, label: `profile ${fromProfile.name}`, sandbox: null, recordObserved: fromProfile.recordObserved };
}

/**
 * Refuses Groups calls on a tenant whose discovery found no /Groups (Mittr), with a plain reason;
 * the generic 404 advice ("check the base URL") would send people astray.
 */
export function requireKind(conn: Connection, kind: ResourceKind): void {
  if (kind === 'Groups' && conn.discovery?.capabilities.groups === false) {
    throw new InspectorError('not-found', `${conn.discovery.baseUrl} has no /Groups endpoint: this tenant does not manage groups over SCIM (Mittr, for one, has none).`, { baseUrl: conn.discovery.baseUrl });
  }
}

/**
 * Opens the connection the flags describe, runs `work`, then writes --har (even on failure) and
 * closes the client and any in-process sandbox.
 */
export async function withConnection<T>(
  args: ParsedArgs,
  env: NodeJS.ProcessEnv,
  out: Output,
  work: (conn: Connection) => Promise<T>,
  options: { discover?: boolean; signal?: AbortSignal } = {},
): Promise<T> {
  const resolved = await resolve(args, env, out);
  const harFile = optString(args, 'har');
  let client: ScimClient | null = null;
  let result: { value: T } | { error: unknown };
  try {
    client = await createClient(resolved.options);
    // Everything this run prints or exports is redacted with the connection's secrets.
    out.secrets.add(client.transport.secrets);
    let discovery: DiscoveryResult | null = null;
    if (options.discover !== false) {
      // Discovery first: it settles the base URL (/scim/v2 typed or not) and the paging
      // capabilities (page cap, cursor) every listing then relies on.
      discovery = await client.discover(options.signal);
      for (const w of discovery.warnings) out.warn(`discovery: ${w}`);
    }
    result = { value: await work({ client, discovery, label: resolved.label, protectedUsers: resolved.options.protectedUsers ?? [], recordObserved: resolved.recordObserved ?? null }) };
  } catch (error) {
    result = { error };
  }
  let harError: unknown = null;
  try {
    if (client && harFile !== undefined) await writeHar(client, harFile, out);
  } catch (error) {
    harError = error;
  }
  await client?.close();
  await resolved.sandbox?.close();
  if ('error' in result) {
    // Do not let a HAR write failure hide the command's own error; report it beside it.
    if (harError) out.warn(harError instanceof Error ? harError.message : String(harError));
    throw result.error;
  }
  if (harError) throw harError;
  return result.value;
}

async function writeHar(client: ScimClient, file: string, out: Output): Promise<void> {
  // The log is redacted already; the run's secrets are a second line of defence for the file.
  const text = JSON.stringify(out.secrets.value(client.transport.log.toHar()), null, 2);
  await writePrivateFile(file, `${text}\n`, { what: `the HAR file ${file}` });
  out.warn(`${file} holds every request and answer of this run, with the personal data of every user they carried (the token is redacted). It is readable only by you; keep it private and delete it when done.`);
}
